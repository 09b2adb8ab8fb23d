package dev.stockade.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * What kubectl makes of a YAML scalar once it is read ({@link KubectlSchema}): sigs.k8s.io/yaml
 * converts the decoded YAML to JSON before anything reads it. A boolean becomes {@code true} or
 * {@code false}, an integer its decimal digits, a float Go's shortest spelling; a mapping key that
 * is not a string is renamed so (booleans {@code "true"}/{@code "false"}, integers in decimal,
 * floats as Go prints a 32-bit float), and a null key cannot be converted at all.
 */
final class KubectlJson {
    private KubectlJson() {}

    /** The scalar as the JSON text kubectl sends: {@code yes} is {@code true}, {@code 0755} is {@code 493}. */
    static String value(ScalarNode s) {
        Tag t = s.getTag();
        if (t.equals(Tag.BOOL)) {
            return Boolean.toString(KubectlSchema.bool(s.getValue()));
        }
        if (t.equals(Tag.INT)) {
            BigInteger v = KubectlSchema.integer(s.getValue());
            return v == null ? s.getValue() : v.toString();
        }
        if (t.equals(Tag.FLOAT)) {
            double d = KubectlSchema.decimal(s.getValue());
            return Double.isFinite(d) ? goFloat64(d) : s.getValue();
        }
        return s.getValue();
    }

    /** The name kubectl gives a mapping key; null for a null key, which kubectl refuses. */
    static String key(ScalarNode k) {
        Tag t = k.getTag();
        if (t.equals(Tag.NULL)) {
            return null;
        }
        if (t.equals(Tag.FLOAT)) {
            double d = KubectlSchema.decimal(k.getValue());
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return goShortest(new BigDecimal(Float.toString((float) d)), 6, true);
        }
        return value(k);
    }

    /** Go's JSON spelling of a float64: plain digits from 1e-6 to below 1e21, else an exponent. */
    private static String goFloat64(double d) {
        if (d == 0) {
            return "0";
        }
        BigDecimal v = new BigDecimal(Double.toString(d));
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return v.stripTrailingZeros().toPlainString();
        }
        // Go writes 1e-07 as 1e-7 in JSON
        return goShortest(v, 0, false).replaceFirst("e-0(\\d)$", "e-$1");
    }

    /**
     * Go's {@code %g} with the shortest digits (exponent form when the decimal exponent is below
     * -4 or at least {@code limit}); {@code limit} 0 with {@code general} false: always the exponent.
     */
    private static String goShortest(BigDecimal value, int limit, boolean general) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - v.scale() - 1;
        String sign = v.signum() < 0 ? "-" : "";
        if (general && exponent >= -4 && exponent < limit) {
            return sign + v.abs().toPlainString();
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int e = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }
}
