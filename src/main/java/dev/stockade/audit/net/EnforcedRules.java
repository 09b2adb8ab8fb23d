package dev.stockade.audit.net;

import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import java.util.List;

/**
 * The rules of one direction that take effect: those of policies that isolate that direction
 * (a rule of a direction the policy's policyTypes leave out admits nothing, so it is not audited).
 */
final class EnforcedRules {
    private EnforcedRules() {}

    interface Visitor {
        void rule(NetworkPolicy policy, int index, PolicyRule rule);
    }

    static void forEach(Cluster cluster, PolicyType direction, Visitor visitor) {
        for (NetworkPolicy p : cluster.policies()) {
            if (!p.affects(direction)) {
                continue;
            }
            List<PolicyRule> rules = p.rules(direction);
            for (int i = 0; i < rules.size(); i++) {
                visitor.rule(p, i, rules.get(i));
            }
        }
    }
}
