package dev.stockade.load;

import dev.stockade.model.Source;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, path-aware access to the YAML of one Kubernetes object. Every accessor reports a
 * diagnostic (with the field path and what was expected) instead of throwing, and remembers
 * whether the object had errors, so the caller can skip it.
 */
final class ObjectReader {
    private final String file;
    private final Diagnostics diagnostics;
    private String object;
    private boolean broken;
    private final List<String> errorPaths = new ArrayList<>();
    private Node top;

    ObjectReader(String file, String object, Diagnostics diagnostics) {
        this.file = file;
        this.object = object;
        this.diagnostics = diagnostics;
    }

    String file() {
        return file;
    }

    /** Names the object in later messages, once its identity is known. */
    void object(String name) {
        this.object = name;
    }

    String object() {
        return object;
    }

    boolean broken() {
        return broken;
    }

    /** Whether an error was reported at {@code path} or a field below it. */
    boolean brokenAt(String path) {
        for (String p : errorPaths) {
            if (p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The object's top node: where problems with an absent field are reported. */
    void node(Node top) {
        this.top = top;
    }

    Source source(Node n) {
        if (n == null && top != null) {
            return sourceOf(file, top);
        }
        return sourceOf(file, n);
    }

    /** Where a node starts in {@code file} ({@code file:0:0} when unknown). */
    static Source sourceOf(String file, Node n) {
        if (n == null) {
            return new Source(file, 0, 0);
        }
        return n.getStartMark().map(m -> new Source(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Source(file, 0, 0));
    }

    void error(Node at, String path, String message) {
        broken = true;
        errorPaths.add(path == null ? "" : path);
        diagnostics.error(source(at), object, path, message);
    }

    void warning(Node at, String path, String message) {
        diagnostics.warning(source(at), object, path, message);
    }

    static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    /** A mapping's fields; null (with an error) when the node is not a mapping; null when absent. */
    Fields mapping(Node n, String path) {
        if (isNull(n)) {
            return null;
        }
        if (!(n instanceof MappingNode m)) {
            error(n, path, "expected a mapping (key: value), found " + describe(n));
            return null;
        }
        Fields f = new Fields(n, path);
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), path, "expected a plain key, found " + describe(t.getKeyNode()));
                continue;
            }
            String name = key(k, path);
            if (name == null) {
                continue;
            }
            if (f.has(name)) {
                error(k, f.child(name), "duplicate key " + Quote.of(name) + " (first at line "
                        + source(f.key(name)).line() + ")");
            }
            f.put(name, k, t.getValueNode());
        }
        return f;
    }

    /**
     * The name kubectl gives a key ({@link KubectlJson#key}): a key read as a boolean or a number
     * is renamed (warned: {@code on:} names the field {@code "true"}); null (reported) for a null
     * key, which kubectl refuses.
     */
    private String key(ScalarNode k, String path) {
        if (k.getTag().equals(Tag.STR)) {
            return k.getValue();
        }
        String name = KubectlJson.key(k);
        if (name == null) {
            error(k, path, Quote.bare(k.getValue().isEmpty() ? "~" : k.getValue()) + " is read as a null key by kubectl"
                    + " (YAML 1.1), which it cannot convert to JSON (expected a key; quote it: "
                    + Quote.of(k.getValue()) + ")");
        } else if (!name.equals(k.getValue())) {
            warning(k, path, "key " + Quote.bare(k.getValue()) + " is read as " + reading(k) + " by kubectl (YAML 1.1),"
                    + " which names the field " + Quote.of(name) + " (quote the key if " + Quote.of(k.getValue())
                    + " is meant)");
        }
        return name;
    }

    /** How kubectl reads a scalar that is not a string: {@code the boolean true}, {@code the number 493}. */
    private static String reading(ScalarNode s) {
        String v = KubectlJson.value(s);
        return (s.getTag().equals(Tag.BOOL) ? "the boolean " : s.getTag().equals(Tag.NULL) ? "" : "the number ")
                + Quote.bare(s.getTag().equals(Tag.NULL) ? "null" : v);
    }

    /** Warns about fields not in {@code known}, suggesting the closest known name. */
    void checkFields(Fields f, Set<String> known) {
        if (f == null) {
            return;
        }
        for (String name : f.names()) {
            if (!known.contains(name)) {
                Optional<String> guess = Suggestions.closest(name, known);
                warning(f.key(name), f.child(name), "unknown field " + Quote.of(name)
                        + guess.map(g -> " (did you mean " + Quote.of(g) + "?)").orElse("") + "; it is ignored");
            }
        }
    }

    /**
     * The metadata of an object or pod template: unknown fields warned, and every annotation value
     * a string, as the API server's {@code map[string]string} takes only strings (an unquoted
     * {@code yes}, {@code true} or {@code 1} is refused by kubectl).
     */
    void metadata(Fields meta) {
        checkFields(meta, KnownFields.METADATA);
        Fields annotations = meta == null ? null : mapping(meta.get("annotations"), meta.child("annotations"));
        if (annotations != null) {
            for (String k : annotations.names()) {
                if (!isNull(annotations.get(k))) {
                    string(annotations.get(k), annotations.child(k));
                }
            }
        }
    }

    /** A sequence's items; empty (with an error) when the node is not a sequence; empty when absent. */
    List<Node> list(Node n, String path) {
        if (isNull(n)) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            error(n, path, "expected a list, found " + describe(n));
            return List.of();
        }
        return s.getValue();
    }

    String string(Node n, String path) {
        if (isNull(n)) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.STR)) {
                return s.getValue();
            }
            if (CoreSchema.resolve(s.getValue(), true).equals(Tag.STR)) {
                // a string in YAML 1.2 that kubectl reads as YAML 1.1 does not (on, yes, 0b1, 1_000): it fails on it
                error(n, path, Quote.bare(s.getValue()) + " is read as " + reading(s) + " by kubectl (YAML 1.1), not as"
                        + " a string (quote it: " + Quote.of(s.getValue()) + ")");
                return null;
            }
            error(n, path, "expected a string, found " + describe(n) + " (quote it: " + Quote.of(s.getValue()) + ")");
            return null;
        }
        error(n, path, "expected a string, found " + describe(n));
        return null;
    }

    /**
     * An integer as kubectl reads it: an int ({@code 0x50}, {@code 1_000}, {@code 0755} the octal
     * 493, warned, as YAML 1.2 reads 755), or a float with an integral value ({@code 08} is the
     * float 8 in YAML 1.1, {@code 80.0} is 80: Go writes both as integers in JSON).
     */
    Long integer(Node n, String path) {
        if (isNull(n)) {
            return null;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            BigInteger v = KubectlSchema.integer(s.getValue());
            if (v != null && v.bitLength() < 63) {
                octal(s, v, path);
                return v.longValue();
            }
            error(n, path, Quote.bare(s.getValue()) + " is too large (expected an integer)");
            return null;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.FLOAT)) {
            double d = KubectlSchema.decimal(s.getValue());
            if (Double.isFinite(d) && d == Math.rint(d)) {
                if (Math.abs(d) < 0x1p62) {
                    return (long) d;
                }
                error(n, path, Quote.bare(s.getValue()) + " is too large (expected an integer)");
                return null;
            }
        }
        error(n, path, "expected an integer, found " + describe(n));
        return null;
    }

    /** Whether a node is a number an integer field takes ({@link #integer}): an int, or a float with an integral value. */
    static boolean isWholeNumber(Node n) {
        if (!(n instanceof ScalarNode s)) {
            return false;
        }
        if (s.getTag().equals(Tag.INT)) {
            return true;
        }
        double d = s.getTag().equals(Tag.FLOAT) ? KubectlSchema.decimal(s.getValue()) : Double.NaN;
        return Double.isFinite(d) && d == Math.rint(d);
    }

    /** Warns where kubectl reads a number with a leading 0 as octal and YAML 1.2 as decimal: {@code 0755} is 493, not 755. */
    private void octal(ScalarNode s, BigInteger v, String path) {
        String t = s.getValue();
        int sign = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (t.length() - sign < 2 || t.charAt(sign) != '0' || !Character.isDigit(t.charAt(sign + 1))
                || !CoreSchema.resolve(t, true).equals(Tag.INT)) {
            return;
        }
        BigInteger decimal = new BigInteger(t.substring(sign)).multiply(BigInteger.valueOf(t.startsWith("-") ? -1 : 1));
        if (!decimal.equals(v)) {
            warning(s, path, Quote.bare(t) + " is read as the octal number " + v + " by kubectl (YAML 1.1: a leading 0"
                    + " makes it octal), not as " + decimal + " (write " + v + " if that is meant, or " + decimal
                    + " without the leading 0)");
        }
    }

    Boolean bool(Node n, String path) {
        if (isNull(n)) {
            return null;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return KubectlSchema.bool(s.getValue());
        }
        error(n, path, "expected true or false, found " + describe(n));
        return null;
    }

    /**
     * A label map (metadata.labels, matchLabels): every key and value validated as the API
     * does; invalid entries are reported and left out.
     */
    TreeMap<String, String> labelMap(Node n, String path) {
        TreeMap<String, String> out = new TreeMap<>();
        Fields f = mapping(n, path);
        if (f == null) {
            return out;
        }
        for (String k : f.names()) {
            Node v = f.get(k);
            String keyProblem = Names.labelKeyProblem(k);
            if (keyProblem != null) {
                error(f.key(k), f.child(k), keyProblem);
            }
            String value = isNull(v) ? "" : string(v, f.child(k));
            if (value == null || keyProblem != null) {
                continue;
            }
            String valueProblem = Names.labelValueProblem(value);
            if (valueProblem != null) {
                error(v, f.child(k), valueProblem);
            } else {
                out.put(k, value);
            }
        }
        return out;
    }

    /**
     * A port number (1-65535) field of {@code f}; null when absent or null (reported as required
     * when {@code required}, at the mapping) or invalid (reported).
     */
    Integer portNumber(Fields f, String field, boolean required, String requiredMessage) {
        Node n = f.get(field);
        if (isNull(n)) {
            if (required) {
                error(n == null ? f.node() : n, f.child(field), requiredMessage);
            }
            return null;
        }
        Long v = integer(n, f.child(field));
        if (v == null) {
            return null;
        }
        if (v < 1 || v > 65535) {
            error(n, f.child(field), ApiValidation.PORT_NUMBER.fill("number", Long.toString(v)));
            return null;
        }
        return v.intValue();
    }

    /**
     * A string field of {@code f} that must be set and not empty; null (reported: "is required
     * (expected ...)", at the mapping when absent) when it is not.
     */
    String requiredString(Fields f, String field, String expected) {
        Node n = f.get(field);
        String v = string(n, f.child(field));
        if (v == null && !isNull(n)) {
            return null;
        }
        if (v == null || v.isEmpty()) {
            error(n == null ? f.node() : n, f.child(field), "is required (expected " + expected + ")");
            return null;
        }
        return v;
    }

    /** The {@code protocol} field of a port mapping: TCP when absent, empty (reported) when unknown. */
    Optional<dev.stockade.model.Protocol> protocol(Fields f) {
        String proto = string(f.get("protocol"), f.child("protocol"));
        if (proto == null) {
            return f.has("protocol") && !isNull(f.get("protocol")) ? Optional.empty()
                    : Optional.of(dev.stockade.model.Protocol.TCP);
        }
        Optional<dev.stockade.model.Protocol> p = dev.stockade.model.Protocol.parse(proto);
        if (p.isEmpty()) {
            error(f.get("protocol"), f.child("protocol"), ApiValidation.PROTOCOL.message(proto));
        }
        return p;
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof ScalarNode s) {
            Tag t = s.getTag();
            if (t.equals(Tag.NULL)) {
                return "null";
            }
            if (t.equals(Tag.STR)) {
                return Quote.string(s.getValue());
            }
            String kind = t.equals(Tag.INT) || t.equals(Tag.FLOAT) ? "the number " : t.equals(Tag.BOOL) ? "the boolean "
                    : "the string ";
            return kind + Quote.bare(s.getValue());
        }
        return "an unexpected node";
    }

    static List<String> collect(List<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof ScalarNode s) {
                out.add(s.getValue());
            }
        }
        return out;
    }
}
