package dev.stockade.audit.net;

import dev.stockade.manifest.FieldPath;
import dev.stockade.model.PolicyType;

/** Field paths inside a NetworkPolicy: {@code spec.ingress[0].from[1]}. */
final class PolicyPaths {
    private PolicyPaths() {}

    static FieldPath rule(PolicyType d, int rule) {
        return FieldPath.parse("spec." + (d == PolicyType.Ingress ? "ingress" : "egress") + "[" + rule + "]");
    }

    static FieldPath peer(PolicyType d, int rule, int peer) {
        return rule(d, rule).field(d == PolicyType.Ingress ? "from" : "to").index(peer);
    }
}
