package dev.stockade.load;

import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The YAML 1.2 core schema's tags for plain scalars, decided by hand instead of by regular
 * expression. Inputs are read as kubectl reads them ({@link KubectlSchema}, YAML 1.1); this is the
 * reading of YAML 1.2 tools (editors, linters, most libraries), kept to say where the two differ:
 * an unquoted {@code on} is a string here and a boolean to kubectl. Like kubectl it has no
 * environment-variable tag: {@code image: ${IMAGE}} is the string it is. No input is read with it
 * (the loader's schema is {@link KubectlSchema}); only its {@link #resolve} is used.
 * <ul>
 *   <li>null: empty, {@code ~}, {@code null}, {@code Null}, {@code NULL};</li>
 *   <li>bool: {@code true}, {@code True}, {@code TRUE}, {@code false}, {@code False}, {@code FALSE};</li>
 *   <li>int: {@code [-+]?[0-9]+}, {@code 0o[0-7]+}, {@code 0x[0-9a-fA-F]+};</li>
 *   <li>float: {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?},
 *       {@code [-+]?\.(inf|Inf|INF)}, {@code \.(nan|NaN|NAN)};</li>
 *   <li>merge: {@code <<}; anything else is a string.</li>
 * </ul>
 */
final class CoreSchema {
    private CoreSchema() {}

    /** The tag of a scalar: {@code implicit} is false for quoted scalars, which are always strings. */
    static Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        return switch (value.charAt(0)) {
            case '~', 'n', 'N', ' ' -> isNull(value) ? Tag.NULL : Tag.STR;
            case 't', 'T', 'f', 'F' -> isBool(value) ? Tag.BOOL : Tag.STR;
            case '<' -> value.equals("<<") ? Tag.MERGE : Tag.STR;
            case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(value);
            default -> Tag.STR;
        };
    }

    private static boolean isNull(String v) {
        return switch (v) {
            case "~", "null", "Null", "NULL", " " -> true;
            default -> false;
        };
    }

    private static boolean isBool(String v) {
        return switch (v) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    private static Tag number(String v) {
        if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'o' || v.charAt(1) == 'x')) {
            boolean hex = v.charAt(1) == 'x';
            for (int i = 2; i < v.length(); i++) {
                char c = v.charAt(i);
                boolean ok = hex ? Character.digit(c, 16) >= 0 && c < 128 : c >= '0' && c <= '7';
                if (!ok) {
                    return Tag.STR;
                }
            }
            return Tag.INT;
        }
        int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        int digits = digits(v, i);
        if (digits > 0 && i + digits == v.length()) {
            return Tag.INT;
        }
        return isFloat(v, i, digits) ? Tag.FLOAT : Tag.STR;
    }

    /** The float forms after an optional sign at {@code i}, {@code digits} digits following it. */
    private static boolean isFloat(String v, int i, int digits) {
        String rest = v.substring(i);
        if (digits == 0) {
            switch (rest) {
                case ".inf", ".Inf", ".INF" -> {
                    return true;
                }
                case ".nan", ".NaN", ".NAN" -> {
                    return i == 0;
                }
                default -> { }
            }
        }
        int at = i + digits;
        if (at < v.length() && v.charAt(at) == '.') {
            int fraction = digits(v, at + 1);
            if (digits == 0 && fraction == 0) {
                return false;
            }
            at += 1 + fraction;
        } else if (digits == 0) {
            return false;
        }
        if (at == v.length()) {
            return true;
        }
        if (v.charAt(at) != 'e' && v.charAt(at) != 'E') {
            return false;
        }
        at++;
        if (at < v.length() && (v.charAt(at) == '-' || v.charAt(at) == '+')) {
            at++;
        }
        int exponent = digits(v, at);
        return exponent > 0 && at + exponent == v.length();
    }

    private static int digits(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
