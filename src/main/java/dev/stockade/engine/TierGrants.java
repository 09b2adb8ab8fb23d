package dev.stockade.engine;

import dev.stockade.engine.RuleTable.AdminRuleRef;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The admin and baseline tiers of each pod class, per direction: the rules of the admin
 * policies selecting the class, in evaluation order. {@link #decide} walks them as the
 * policy.networking.k8s.io API orders evaluation, port by port: the first admin rule matching
 * the far node and port decides (Allow, Deny) or passes to NetworkPolicy (Pass); ports no admin
 * rule decides go to NetworkPolicy when one selects the class for that direction, else to the
 * baseline rules (first match: Allow, Deny, or Pass to the default), and what is left is allowed.
 * A rule's far nodes are the union of its peers' nodes, computed once per rule.
 */
final class TierGrants {
    /** Above this many far nodes, an Allow rule makes its class a candidate towards every node. */
    private static final int SPARSE_LIMIT = 512;

    private final PodClasses classes;
    private final PeerNodes peerNodes;
    private final int podClasses;
    private final List<List<List<AdminRuleRef>>> admin = new ArrayList<>(2);
    private final List<List<List<AdminRuleRef>>> baseline = new ArrayList<>(2);
    private final BitSet[] ruleNodes;
    private final List<AdminRuleRef> all;
    private final boolean any;

    TierGrants(List<AdminPolicy> policies, RuleTable rules, PodClasses classes, PeerNodes peerNodes) {
        this.classes = classes;
        this.peerNodes = peerNodes;
        this.podClasses = classes.count();
        this.all = rules.adminRules();
        this.ruleNodes = new BitSet[all.size()];
        List<List<AdminRuleRef>> byPolicy = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            byPolicy.add(new ArrayList<>());
        }
        for (AdminRuleRef r : all) {
            byPolicy.get(r.policy()).add(r);
        }
        boolean found = false;
        for (PolicyType dir : PolicyType.values()) {
            List<List<AdminRuleRef>> a = new ArrayList<>(podClasses);
            List<List<AdminRuleRef>> b = new ArrayList<>(podClasses);
            for (int c = 0; c < podClasses; c++) {
                List<AdminRuleRef> ca = List.of();
                List<AdminRuleRef> cb = List.of();
                for (int pi : classes.adminSubjects(c)) {
                    for (AdminRuleRef r : byPolicy.get(pi)) {
                        if (r.direction() != dir) {
                            continue;
                        }
                        boolean adminTier = policies.get(pi).tier() == AdminPolicy.Tier.ADMIN;
                        if (adminTier) {
                            ca = ca.isEmpty() ? new ArrayList<>() : ca;
                            ca.add(r);
                        } else {
                            cb = cb.isEmpty() ? new ArrayList<>() : cb;
                            cb.add(r);
                        }
                        found = true;
                    }
                }
                a.add(ca);
                b.add(cb);
            }
            admin.add(a);
            baseline.add(b);
        }
        any = found;
    }

    /** Whether some class has an admin or baseline rule at all. */
    boolean any() {
        return any;
    }

    /** Whether class {@code c} has admin or baseline rules for a direction. */
    boolean applies(int c, PolicyType dir) {
        return c < podClasses && (!admin.get(dir.ordinal()).get(c).isEmpty() || !baseline.get(dir.ordinal()).get(c).isEmpty());
    }

    /**
     * The ports class {@code c}'s side of a direction allows with node {@code far}, given what its
     * NetworkPolicies allow ({@code np}; used only when {@code npIsolated}). {@code destination}
     * resolves named ports: the class's pod for ingress, the far pod (or null) for egress.
     */
    PortSet decide(int c, PolicyType dir, int far, Pod destination, boolean npIsolated, PortSet np) {
        Walk first = walk(admin.get(dir.ordinal()).get(c), far, destination, PortSet.ALL, PortSet.EMPTY);
        PortSet next = first.open().union(first.passed());
        if (next.isEmpty()) {
            return first.allowed();
        }
        if (npIsolated) {
            return first.allowed().union(next.intersect(np));
        }
        Walk base = walk(baseline.get(dir.ordinal()).get(c), far, destination, next, first.allowed());
        return base.allowed().union(base.open()).union(base.passed());
    }

    /** What a walk through one tier's rules leaves: ports no rule matched, ports allowed, ports passed on. */
    private record Walk(PortSet open, PortSet allowed, PortSet passed) {}

    /** Walks {@code rules} in order over the ports still {@code open}; the first rule to match a port decides it. */
    private Walk walk(List<AdminRuleRef> rules, int far, Pod destination, PortSet open, PortSet allowed) {
        PortSet passed = PortSet.EMPTY;
        for (AdminRuleRef r : rules) {
            PortSet m = match(r, far, destination, open);
            if (m.isEmpty()) {
                continue;
            }
            open = open.subtract(m);
            if (r.rule().action() == AdminRule.Action.ALLOW) {
                allowed = allowed.union(m);
            } else if (r.rule().action() == AdminRule.Action.PASS) {
                passed = passed.union(m);
            }
            if (open.isEmpty()) {
                break;
            }
        }
        return new Walk(open, allowed, passed);
    }

    /** The ports of {@code open} that rule {@code r} matches towards node {@code far}. */
    private PortSet match(AdminRuleRef r, int far, Pod destination, PortSet open) {
        if (!nodes(r).get(far)) {
            return PortSet.EMPTY;
        }
        PortSet ports = r.numeric();
        if (r.hasNamed()) {
            for (AdminPort p : r.rule().ports()) {
                if (p instanceof AdminPort.Named) {
                    ports = ports.union(AdminPorts.resolve(p, destination));
                }
            }
        }
        return ports.intersect(open);
    }

    /** The far nodes of a rule: the union of its peers' nodes. */
    BitSet nodes(AdminRuleRef r) {
        int i = r.id();
        BitSet b = ruleNodes[i];
        if (b == null) {
            b = new BitSet(peerNodes.nodes());
            for (int peer : r.peers()) {
                for (int n : peerNodes.of(peer)) {
                    b.set(n);
                }
            }
            ruleNodes[i] = b;
        }
        return b;
    }

    /**
     * The far nodes the Allow rules of class {@code c} name for a direction (admin tier, and the
     * baseline tier too when {@code withBaseline}), or null when they are too many to list: the
     * class must then be tried against every node.
     */
    int[] allowTargets(int c, PolicyType dir, boolean withBaseline) {
        BitSet out = new BitSet();
        List<AdminRuleRef> rs = new ArrayList<>(admin.get(dir.ordinal()).get(c));
        if (withBaseline) {
            rs.addAll(baseline.get(dir.ordinal()).get(c));
        }
        for (AdminRuleRef r : rs) {
            if (r.rule().action() == AdminRule.Action.ALLOW) {
                out.or(nodes(r));
                if (out.cardinality() > SPARSE_LIMIT) {
                    return null;
                }
            }
        }
        return out.stream().toArray();
    }

    /** The representative pod of a class (named ports of the ingress side). */
    Pod representative(int c) {
        return classes.representative(c);
    }
}
