package dev.stockade.query;

import dev.stockade.model.PolicyType;

/** Field paths inside a NetworkPolicy, spelled as the loader's diagnostics spell them. */
public final class FieldPaths {
    public static final String POD_SELECTOR = "spec.podSelector";

    private FieldPaths() {}

    /** {@code spec.ingress[2]} or {@code spec.egress[0]}. */
    public static String rule(PolicyType direction, int rule) {
        return "spec." + (direction == PolicyType.Ingress ? "ingress" : "egress") + "[" + rule + "]";
    }

    /** {@code spec.ingress[2].from[1]} or {@code spec.egress[0].to[3]}. */
    public static String peer(PolicyType direction, int rule, int peer) {
        return rule(direction, rule) + (direction == PolicyType.Ingress ? ".from[" : ".to[") + peer + "]";
    }
}
