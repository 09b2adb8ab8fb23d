package dev.stockade.load;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The schema checks the Gateway API readers share: a value against its {@link ApiValidation} row, a
 * list's {@code minItems}/{@code maxItems}, a {@code PortNumber} and a required field's message.
 */
final class GatewaySchema {
    private final ObjectReader r;

    GatewaySchema(ObjectReader r) {
        this.r = r;
    }

    /**
     * {@code value} (the text of {@code f.field}, or null) when it passes {@code rule}; null (reported)
     * when it does not. An empty value is left to the caller (read as absent, or reported as required).
     */
    String check(ApiValidation rule, Fields f, String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        Optional<String> problem = rule.problem(value);
        problem.ifPresent(p -> r.error(f.get(field), f.child(field), p));
        return problem.isPresent() ? null : value;
    }

    /** {@code value} (the text of the node {@code n} at {@code path}, or null) checked against {@code rule}. */
    void check(ApiValidation rule, Node n, String path, String value) {
        if (value != null) {
            rule.problem(value).ifPresent(p -> r.error(n, path, p));
        }
    }

    /**
     * The number of items of the list {@code f.field} against the schema's {@code minItems} ({@code min}, 0
     * for none; only a written list is checked) and {@code maxItems}.
     */
    void size(Fields f, String field, List<Node> items, int min, int max, String noun, String expected) {
        if (items.size() < min && f.get(field) instanceof SequenceNode) {
            r.error(f.get(field), f.child(field), ApiValidation.CRD_MIN_ITEMS.format("expected", expected));
        } else if (items.size() > max) {
            r.error(f.get(field), f.child(field), ApiValidation.CRD_MAX_ITEMS.format("count",
                    Integer.toString(items.size()), "items", noun, "max", Integer.toString(max)));
        }
    }

    /**
     * A PortNumber field (1-65535); null when absent (reported with {@code requiredMessage} unless that is
     * null) or invalid (reported).
     */
    Integer port(Fields f, String field, String requiredMessage) {
        Node n = f.get(field);
        if (ObjectReader.isNull(n)) {
            if (requiredMessage != null) {
                r.error(n == null ? f.node() : n, f.child(field), requiredMessage);
            }
            return null;
        }
        Long v = r.integer(n, f.child(field));
        if (v != null && (v < 1 || v > 65535)) {
            r.error(n, f.child(field), ApiValidation.GATEWAY_PORT.format("number", v.toString()));
            return null;
        }
        return v == null ? null : v.intValue();
    }

    static String required(String expected) {
        return ApiValidation.CRD_REQUIRED.format("expected", expected);
    }
}
