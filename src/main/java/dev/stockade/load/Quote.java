package dev.stockade.load;

import dev.stockade.manifest.SecretValues;

/**
 * How a loader message shows a value from the input, so that every message stays one short line
 * and never shows a secret. One place, used by every message that quotes input:
 * <ul>
 * <li>a value that the audit's secret detector flags by its shape or its entropy ({@link SecretValues})
 *     is never shown: {@value #SECRET};</li>
 * <li>a value longer than {@value #LONGEST} characters (code points) shows its first {@value #SHOWN},
 *     then {@code …} and its length: {@code "aaaa…" (10000 characters)};</li>
 * <li>what is not printable text is escaped: {@code \n}, {@code \r}, {@code \t}, {@code \"} and
 *     {@code \\}, and as {@code \\uXXXX} (above U+FFFF {@code \\u{XXXXX}}) every other control
 *     character (ESC, BEL, DEL, C1), format character (bidirectional overrides, zero-width
 *     characters, byte order mark), line and paragraph separator, lone surrogate, private-use and
 *     unassigned code point (U+FFFE, U+FFFF).</li>
 * </ul>
 */
final class Quote {
    /** The longest value shown whole, in code points. */
    static final int LONGEST = 60;
    /** How much of a longer value is shown, in code points. */
    static final int SHOWN = 40;
    /** What is shown instead of a value that looks like a secret. */
    static final String SECRET = "a value that looks like a secret (not shown)";

    /** How much of a value the secret detector judges, in chars. */
    static final int JUDGED = 4096;

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9._/-]+");

    private Quote() {}

    /** {@code "value"}, escaped and cut as the class says, or {@value #SECRET}. */
    static String of(String value) {
        if (secret(value)) {
            return SECRET;
        }
        return cut(value, true);
    }

    /**
     * A word from the input shown in running text (a kind, an API group): as written when it is
     * plain (letters, digits, '.', '-', '_' and '/', at most {@value #LONGEST} characters), else as {@link #of}.
     */
    static String plain(String value) {
        return value.length() <= LONGEST && PLAIN.matcher(value).matches() ? value : of(value);
    }

    /**
     * A key from the input as a step of a field path ({@code metadata.labels.app}): as written when
     * it is plain, else escaped and cut like {@link #of} but without quotes, so the path stays one line.
     */
    static String pathStep(String key) {
        if (key.length() <= LONGEST && PLAIN.matcher(key).matches()) {
            return key;
        }
        return secret(key) ? SECRET : cut(key, false);
    }

    /**
     * A message from the YAML parser, which may echo the input (an alias or tag name): every word
     * longer than {@value #LONGEST} characters is cut like {@link #bare} (the parser's messages hold
     * no control characters: the YAML stream may not contain them, and whitespace is collapsed first).
     */
    static String words(String text) {
        StringBuilder sb = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word.length() > LONGEST ? bare(word) : word);
        }
        return sb.toString();
    }

    /** {@code the string "value"}, or {@code a string that looks like a secret (not shown)}. */
    static String string(String value) {
        return secret(value) ? "a string that looks like a secret (not shown)" : "the string " + of(value);
    }

    /**
     * The text of a number, boolean or other non-string scalar, without quotes: escaped and cut
     * like {@link #of} (such text never looks like a secret: it has no letters beyond a few).
     */
    static String bare(String text) {
        return cut(text, false);
    }

    /**
     * Whether {@code value} looks like a secret by its shape or its entropy. Only the first
     * {@value #JUDGED} characters are judged: a message shows at most the first {@value #SHOWN},
     * so a secret that starts later is never shown, and the cost stays bounded on any input.
     */
    static boolean secret(String value) {
        String v = value.length() > JUDGED ? value.substring(0, JUDGED) : value;
        return SecretValues.shape(v).isPresent() || SecretValues.entropy(v).isPresent();
    }

    private static String cut(String value, boolean quoted) {
        int length = value.codePointCount(0, value.length());
        boolean cut = length > LONGEST;
        String shown = cut ? value.substring(0, value.offsetByCodePoints(0, SHOWN)) : value;
        StringBuilder sb = new StringBuilder(shown.length() + 24);
        if (quoted) {
            sb.append('"');
        }
        shown.codePoints().forEach(c -> escape(sb, c, quoted));
        if (cut) {
            sb.append('…');
        }
        if (quoted) {
            sb.append('"');
        }
        if (cut) {
            sb.append(" (").append(length).append(" characters)");
        }
        return sb.toString();
    }

    private static void escape(StringBuilder sb, int c, boolean quoted) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case '\\' -> sb.append("\\\\");
            case '"' -> sb.append(quoted ? "\\\"" : "\"");
            default -> {
                if (printable(c)) {
                    sb.appendCodePoint(c);
                } else if (c > 0xFFFF) {
                    sb.append("\\u{").append(Integer.toHexString(c)).append('}');
                } else {
                    sb.append(String.format("\\u%04x", c));
                }
            }
        }
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
