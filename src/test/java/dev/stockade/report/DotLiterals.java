package dev.stockade.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A small DOT tokenizer: outside string literals only identifiers, whitespace, {@code // comments}
 * and the punctuation {@code { } [ ] ; = , ->}; inside a literal no raw control character, and a
 * backslash only in the pairs {@code \\}, {@code \"} and {@code \n} (the line break the renderer
 * writes itself), so no {@code \l}, {@code \N} or line continuation can come from a name. Returns
 * the literals decoded (the pairs as a backslash, a quote and a newline).
 */
final class DotLiterals {
    private DotLiterals() {}

    static List<String> parse(String dot) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < dot.length()) {
            char c = dot.charAt(i);
            if (c == '/' && dot.startsWith("//", i)) {
                i = dot.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= dot.length()) {
                        throw new IllegalArgumentException("unterminated string literal");
                    }
                    char d = dot.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        char e = i < dot.length() ? dot.charAt(i++) : 0;
                        switch (e) {
                            case '\\' -> sb.append('\\');
                            case '"' -> sb.append('"');
                            case 'n' -> sb.append('\n');
                            default -> throw new IllegalArgumentException("escape \\" + e + " in a literal at " + (i - 2));
                        }
                    } else if (Visible.unsafe(d, Character.isSurrogate(d) && !surrogatePair(dot, i - 1))) {
                        throw new IllegalArgumentException(String.format("raw U+%04X in a literal at %d", (int) d, i - 1));
                    } else {
                        sb.append(d);
                    }
                }
                literals.add(sb.toString());
            } else if (Character.isWhitespace(c) || Character.isLetterOrDigit(c) && c < 0x80 || "_{}[];=,".indexOf(c) >= 0) {
                i++;
            } else if (dot.startsWith("->", i)) {
                i += 2;
            } else {
                throw new IllegalArgumentException(String.format("unexpected U+%04X outside a literal at %d", (int) c, i));
            }
        }
        return literals;
    }

    private static boolean surrogatePair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
