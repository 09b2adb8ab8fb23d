package dev.stockade.generate;

import java.util.Locale;
import java.util.Set;

/**
 * A name or label value (already validated: letters, digits, '-', '.', '_') as a YAML scalar that
 * kubectl reads back as the same string. kubectl reads YAML 1.1, where {@code y}, {@code no},
 * {@code on}, {@code off}… are booleans and {@code 123}, {@code 0755}, {@code 1e3} numbers; such
 * values are double-quoted, every other one is written plain. Values starting with a digit are
 * always quoted: simpler than deciding which of them YAML reads as a number, and never wrong.
 */
final class YamlScalar {
    private static final Set<String> WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private YamlScalar() {}

    static String of(String value) {
        boolean quote = value.isEmpty() || Character.isDigit(value.charAt(0)) || value.charAt(0) == '.'
                || WORDS.contains(value.toLowerCase(Locale.ROOT));
        return quote ? "\"" + value + "\"" : value;
    }
}
