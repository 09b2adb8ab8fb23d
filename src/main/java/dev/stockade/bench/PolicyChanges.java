package dev.stockade.bench;

import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * A second version of a cluster for the diff benchmark: one policy in a hundred changed, as a
 * pull request would — every other changed policy removed, the rest with their first rule's
 * ports replaced by TCP 9443.
 */
final class PolicyChanges {
    private PolicyChanges() {}

    /** The changed version; {@code percent} of the policies (spread evenly) differ. */
    static Cluster change(Cluster c, int percent) {
        int every = Math.max(1, 100 / percent);
        List<NetworkPolicy> out = new ArrayList<>();
        List<NetworkPolicy> policies = c.policies();
        for (int i = 0; i < policies.size(); i++) {
            NetworkPolicy p = policies.get(i);
            if (i % every != every / 2) {
                out.add(p);
            } else if ((i / every) % 2 == 1) {
                out.add(retargeted(p));
            }
        }
        return c.withPolicies(out);
    }

    /**
     * The version with only policy {@code index} changed: its first rule's ports replaced by TCP
     * 9443, or, for a policy without rules (a default deny), the policy removed.
     */
    static Cluster changeOne(Cluster c, int index) {
        List<NetworkPolicy> out = new ArrayList<>(c.policies());
        NetworkPolicy p = out.get(index);
        if (p.ingress().isEmpty() && p.egress().isEmpty()) {
            out.remove(index);
        } else {
            out.set(index, retargeted(p));
        }
        return c.withPolicies(out);
    }

    private static NetworkPolicy retargeted(NetworkPolicy p) {
        List<PolicyRule> ingress = retarget(p.ingress());
        List<PolicyRule> egress = retarget(p.egress());
        return new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.policyTypes(), ingress, egress, p.source());
    }

    private static List<PolicyRule> retarget(List<PolicyRule> rules) {
        if (rules.isEmpty()) {
            return rules;
        }
        List<PolicyRule> out = new ArrayList<>(rules);
        PolicyRule first = rules.get(0);
        out.set(0, new PolicyRule(first.peers(), List.of(PolicyPort.PortRange.of(Protocol.TCP, 9443)), first.source()));
        return out;
    }
}
