package dev.stockade.load;

import java.math.BigInteger;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The tags of plain scalars as kubectl reads them. kubectl converts YAML to JSON with
 * sigs.k8s.io/yaml, whose YAML decoder (a fork of go-yaml v2) resolves plain scalars by YAML 1.1
 * rules, not by the YAML 1.2 core schema ({@link CoreSchema}). Decided by hand, by the first
 * character, without a regular expression per scalar (manifests are mostly plain scalars).
 * <ul>
 *   <li>null: empty, {@code ~}, {@code null}, {@code Null}, {@code NULL};</li>
 *   <li>bool: {@code y Y yes Yes YES true True TRUE on On ON} are true, {@code n N no No NO false
 *       False FALSE off Off OFF} are false;</li>
 *   <li>int: after removing every {@code _}, what Go's integer syntax reads as a 64-bit integer
 *       (signed, or unsigned without a sign): an optional sign, then decimal digits, {@code 0x}/
 *       {@code 0X} hex, {@code 0b}/{@code 0B} binary, {@code 0o}/{@code 0O} octal, or a leading
 *       {@code 0} for octal ({@code 0755} is 493); also {@code 0b} followed by a signed binary
 *       number;</li>
 *   <li>float: after removing every {@code _}, {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}
 *       when its value is finite (so {@code 08} is the float 8, {@code 1e400} a string);
 *       {@code .inf}, {@code +.inf}, {@code -.inf}, {@code .nan} in their three spellings;</li>
 *   <li>anything else is a string: dates ({@code 2024-01-02}) too, as kubectl keeps them, and
 *       {@code <<}, which is a merge key only as a plain key ({@link MergeKeys}).</li>
 * </ul>
 * A quoted scalar is always a string.
 */
final class KubectlSchema implements Schema {
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Map<Tag, ConstructNode> constructors =
            new org.snakeyaml.engine.v2.schema.CoreSchema().getSchemaTagConstructors();

    @Override
    public ScalarResolver getScalarResolver() {
        return KubectlSchema::resolve;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return constructors;
    }

    /** The tag of a scalar: {@code implicit} is false for quoted scalars, which are always strings. */
    static Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        return switch (value.charAt(0)) {
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~' -> word(value);
            case '.' -> switch (value) {
                case ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN" -> Tag.FLOAT;
                default -> isFloat(value) ? Tag.FLOAT : Tag.STR;
            };
            case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(value);
            default -> Tag.STR;
        };
    }

    private static Tag word(String v) {
        return switch (v) {
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
                 "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF" -> Tag.BOOL;
            case "~", "null", "Null", "NULL" -> Tag.NULL;
            default -> Tag.STR;
        };
    }

    /** The boolean a scalar tagged bool stands for. */
    static boolean bool(String v) {
        return switch (v) {
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON" -> true;
            default -> false;
        };
    }

    private static Tag number(String v) {
        switch (v) {
            case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF" -> {
                return Tag.FLOAT;
            }
            default -> { }
        }
        String plain = v.indexOf('_') < 0 ? v : v.replace("_", "");
        if (plain.isEmpty()) {
            return Tag.STR;
        }
        if (isShortDecimal(plain) || integer(plain) != null) {
            return Tag.INT;
        }
        return isFloat(plain) ? Tag.FLOAT : Tag.STR;
    }

    /** A decimal integer of at most 18 digits without a leading 0 (most numbers in manifests): no parse needed. */
    private static boolean isShortDecimal(String v) {
        int at = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        int n = v.length() - at;
        if (n < 1 || n > 18 || (v.charAt(at) == '0' && n > 1)) {
            return false;
        }
        return digits(v, at) == n;
    }

    /**
     * The value of a scalar tagged int (its underscores ignored), or null when the text is not
     * one: Go's integer syntax with base prefixes, in the signed 64-bit range, or the unsigned
     * one without a sign.
     */
    static BigInteger integer(String text) {
        String plain = text.indexOf('_') < 0 ? text : text.replace("_", "");
        if (plain.isEmpty() || plain.length() > 128) {
            return null;
        }
        int i = 0;
        boolean signed = plain.charAt(0) == '+' || plain.charAt(0) == '-';
        boolean negative = plain.charAt(0) == '-';
        if (signed) {
            i++;
        }
        BigInteger v = prefixed(plain, i);
        if (v != null && inRange(signed, negative ? v.negate() : v)) {
            return negative ? v.negate() : v;
        }
        // go-yaml's own binary form: 0b, then a binary number that may have a sign of its own
        if (plain.startsWith("0b") && plain.length() > 2) {
            int at = 2;
            boolean minus = plain.charAt(at) == '-';
            boolean sign = minus || plain.charAt(at) == '+';
            BigInteger b = digits(plain, sign ? at + 1 : at, 2);
            if (b != null && inRange(true, minus ? b.negate() : b)) {
                return minus ? b.negate() : b;
            }
        }
        return null;
    }

    private static boolean inRange(boolean signed, BigInteger v) {
        return v.compareTo(MIN_LONG) >= 0 && (v.compareTo(MAX_LONG) <= 0 || !signed && v.compareTo(MAX_UNSIGNED) <= 0);
    }

    /** Go's base-0 digits from {@code at}: a 0x, 0b or 0o prefix, a leading 0 for octal, else decimal. */
    private static BigInteger prefixed(String s, int at) {
        if (at >= s.length()) {
            return null;
        }
        if (s.charAt(at) != '0') {
            return digits(s, at, 10);
        }
        if (s.length() - at >= 3) {
            switch (s.charAt(at + 1)) {
                case 'x', 'X' -> {
                    return digits(s, at + 2, 16);
                }
                case 'b', 'B' -> {
                    return digits(s, at + 2, 2);
                }
                case 'o', 'O' -> {
                    return digits(s, at + 2, 8);
                }
                default -> { }
            }
        }
        return at + 1 == s.length() ? BigInteger.ZERO : digits(s, at + 1, 8);
    }

    /** The digits of {@code s} from {@code at} in {@code radix} (ASCII only), or null when there are none or others. */
    private static BigInteger digits(String s, int at, int radix) {
        if (at >= s.length()) {
            return null;
        }
        for (int i = at; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return new BigInteger(s.substring(at), radix);
    }

    /** {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?} with a finite value. */
    private static boolean isFloat(String v) {
        int at = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        int whole = digits(v, at);
        at += whole;
        if (at < v.length() && v.charAt(at) == '.') {
            int fraction = digits(v, at + 1);
            if (whole == 0 && fraction == 0) {
                return false;
            }
            at += 1 + fraction;
        } else if (whole == 0) {
            return false;
        }
        if (at < v.length()) {
            if (v.charAt(at) != 'e' && v.charAt(at) != 'E') {
                return false;
            }
            at++;
            if (at < v.length() && (v.charAt(at) == '-' || v.charAt(at) == '+')) {
                at++;
            }
            int exponent = digits(v, at);
            if (exponent == 0 || at + exponent != v.length()) {
                return false;
            }
        }
        // without an exponent, only hundreds of digits could overflow
        return !exponentOrLong(v) || Double.isFinite(Double.parseDouble(v));
    }

    private static boolean exponentOrLong(String v) {
        return v.length() > 300 || v.indexOf('e') >= 0 || v.indexOf('E') >= 0;
    }

    /** The value of a scalar tagged float (its underscores ignored). */
    static double decimal(String text) {
        String v = text.indexOf('_') < 0 ? text : text.replace("_", "");
        return switch (v) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static int digits(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
