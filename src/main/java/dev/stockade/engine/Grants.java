package dev.stockade.engine;

import dev.stockade.engine.RuleTable.RuleRef;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of all policies turned into sparse grants between nodes ({@link PeerNodes}). A pod
 * class is isolated in a direction when some policy affecting that direction selects it. An
 * isolated class keeps, per direction, the ports granted to every node (rules without peers)
 * and a map from the far node to the ports granted to it; external nodes are never isolated.
 * Named ports resolve against the destination's representative pod; egress rules without peers
 * and with named ports are resolved per destination when asked, since the destination varies.
 * A class with admin or baseline rules for a direction is decided by {@link TierGrants}, which
 * consults the NetworkPolicy grants only for what the admin tier passes or leaves undecided.
 */
final class Grants {
    private final PodClasses classes;
    private final PeerNodes peerNodes;
    private final UnresolvedPorts unresolved;
    private final int podClasses;
    private final int nodes;
    private final boolean[] inIsolated;
    private final boolean[] egIsolated;
    private final PortSet[] inAny;
    private final PortSet[] egAny;
    private final List<List<RuleRef>> egAnyNamed;
    private final List<Map<Integer, PortSet>> inMap;
    private final List<Map<Integer, PortSet>> egMap;
    private final TierGrants tiers;
    /** Per rule with named ports (by identity) and destination node, the ports they resolve to. */
    private final Map<RuleRef, Map<Integer, PortSet>> resolved = new IdentityHashMap<>();
    /** Per class and direction (ingress, egress): far nodes admin Allow rules name, or null for too many. */
    private final int[][][] tierTargets;

    Grants(List<NetworkPolicy> policies, RuleTable rules, PodClasses classes, IpPartition partition,
           UnresolvedPorts unresolved) {
        this(policies, List.of(), rules, classes, partition, unresolved);
    }

    Grants(List<NetworkPolicy> policies, List<AdminPolicy> admin, RuleTable rules, PodClasses classes,
           IpPartition partition, UnresolvedPorts unresolved) {
        this.classes = classes;
        this.peerNodes = new PeerNodes(rules, classes, partition);
        this.tiers = new TierGrants(admin, rules, classes, peerNodes);
        this.unresolved = unresolved;
        this.podClasses = classes.count();
        this.nodes = peerNodes.nodes();
        inIsolated = new boolean[nodes];
        egIsolated = new boolean[nodes];
        inAny = new PortSet[nodes];
        egAny = new PortSet[nodes];
        Arrays.fill(inAny, PortSet.EMPTY);
        Arrays.fill(egAny, PortSet.EMPTY);
        egAnyNamed = new ArrayList<>(nodes);
        inMap = new ArrayList<>(nodes);
        egMap = new ArrayList<>(nodes);
        for (int n = 0; n < nodes; n++) {
            egAnyNamed.add(List.of());
            inMap.add(null);
            egMap.add(null);
        }
        List<List<Integer>> policySubjects = new ArrayList<>(policies.size());
        for (int pi = 0; pi < policies.size(); pi++) {
            policySubjects.add(new ArrayList<>());
        }
        for (int c = 0; c < podClasses; c++) {
            for (int pi : classes.subjects(c)) {
                policySubjects.get(pi).add(c);
                inIsolated[c] |= policies.get(pi).affectsIngress();
                egIsolated[c] |= policies.get(pi).affectsEgress();
            }
        }
        for (RuleRef r : rules.rules()) {
            List<Integer> subjects = policySubjects.get(r.policy());
            if (subjects.isEmpty()) {
                continue;
            }
            if (r.direction() == PolicyType.Ingress) {
                ingressGrant(r, subjects);
            } else {
                egressGrant(r, subjects);
            }
        }
        tierTargets = new int[2][][];
        if (tiers.any()) {
            for (PolicyType dir : PolicyType.values()) {
                boolean[] isolated = dir == PolicyType.Ingress ? inIsolated : egIsolated;
                int[][] t = new int[podClasses][];
                for (int c = 0; c < podClasses; c++) {
                    // a class no NetworkPolicy isolates is a candidate towards every node anyway
                    t[c] = tiers.applies(c, dir) && isolated[c] ? tiers.allowTargets(c, dir, false) : NO_TARGETS;
                }
                tierTargets[dir.ordinal()] = t;
            }
        }
    }

    private static final int[] NO_TARGETS = new int[0];

    /** The far nodes admin Allow rules of class {@code c} name for a direction; null for too many to list. */
    private int[] tierTargets(int c, PolicyType dir) {
        int[][] t = tierTargets[dir.ordinal()];
        return t == null || c >= podClasses ? NO_TARGETS : t[c];
    }

    /** {@code known} plus the far nodes admin Allow rules name. */
    private static Set<Integer> withTargets(Set<Integer> known, int[] targets) {
        if (targets == null || targets.length == 0) {
            return known;
        }
        Set<Integer> out = new HashSet<>(known);
        for (int n : targets) {
            out.add(n);
        }
        return out;
    }

    private void ingressGrant(RuleRef r, List<Integer> subjects) {
        for (int d : subjects) {
            PortSet ports = r.numeric();
            if (r.hasNamed()) {
                ports = ports.union(resolveNamed(r, d, classes.representative(d)));
            }
            if (ports.isEmpty()) {
                continue;
            }
            if (r.rule().allPeers()) {
                inAny[d] = inAny[d].union(ports);
                continue;
            }
            Map<Integer, PortSet> m = mapOf(inMap, d);
            for (int peer : r.peers()) {
                for (int s : peerNodes.of(peer)) {
                    m.merge(s, ports, PortSet::union);
                }
            }
        }
    }

    private void egressGrant(RuleRef r, List<Integer> subjects) {
        for (int s : subjects) {
            if (r.rule().allPeers()) {
                egAny[s] = egAny[s].union(r.numeric());
                if (r.hasNamed()) {
                    List<RuleRef> l = new ArrayList<>(egAnyNamed.get(s));
                    l.add(r);
                    egAnyNamed.set(s, l);
                }
                continue;
            }
            Map<Integer, PortSet> m = mapOf(egMap, s);
            for (int peer : r.peers()) {
                for (int d : peerNodes.of(peer)) {
                    PortSet ports = r.numeric();
                    if (r.hasNamed()) {
                        ports = ports.union(resolveNamed(r, d, podOf(d)));
                    }
                    if (!ports.isEmpty()) {
                        m.merge(d, ports, PortSet::union);
                    }
                }
            }
        }
    }

    /** The representative pod of a node, or null for an external node. */
    private Pod podOf(int node) {
        return node < podClasses ? classes.representative(node) : null;
    }

    /** The grant map of {@code node}, made on first use. */
    private static Map<Integer, PortSet> mapOf(List<Map<Integer, PortSet>> maps, int node) {
        Map<Integer, PortSet> m = maps.get(node);
        if (m == null) {
            m = new HashMap<>();
            maps.set(node, m);
        }
        return m;
    }

    /** {@code ports} plus what the grant map of {@code node} holds for {@code far}. */
    private static PortSet withGrant(PortSet ports, List<Map<Integer, PortSet>> maps, int node, int far) {
        Map<Integer, PortSet> m = maps.get(node);
        if (m != null) {
            PortSet x = m.get(far);
            if (x != null) {
                return ports.union(x);
            }
        }
        return ports;
    }

    /**
     * The named ports of a rule resolved against one destination node, noting failures; once per
     * rule and node (an egress rule meets the same destination from every source).
     */
    private PortSet resolveNamed(RuleRef r, int node, Pod destination) {
        Map<Integer, PortSet> byNode = resolved.computeIfAbsent(r, k -> new HashMap<>());
        PortSet cached = byNode.get(node);
        if (cached != null) {
            return cached;
        }
        PortSet s = PortSet.EMPTY;
        List<PolicyPort> ports = r.rule().ports();
        Set<PolicyPort.NamedPort> seen = new HashSet<>();
        for (int k = 0; k < ports.size(); k++) {
            // a repeated entry resolves the same and is noted under its first index
            if (ports.get(k) instanceof PolicyPort.NamedPort n && seen.add(n)) {
                PortSet one = Ports.resolve(n, destination);
                if (one.isEmpty()) {
                    unresolved.add(r, k, n, node);
                }
                s = s.union(one);
            }
        }
        byNode.put(node, s);
        return s;
    }

    /** How many nodes there are: pod classes, then external classes. */
    int nodes() {
        return nodes;
    }

    /** How many pod classes there are; higher nodes are external. */
    int podClasses() {
        return podClasses;
    }

    /** The ports node {@code s}'s egress allows towards node {@code d}. */
    PortSet egress(int s, int d) {
        if (s >= podClasses) {
            return PortSet.ALL;
        }
        if (tiers.applies(s, PolicyType.Egress)) {
            return tiers.decide(s, PolicyType.Egress, d, podOf(d), egIsolated[s],
                    egIsolated[s] ? networkPolicyEgress(s, d) : PortSet.EMPTY);
        }
        return egIsolated[s] ? networkPolicyEgress(s, d) : PortSet.ALL;
    }

    /** What the NetworkPolicies isolating {@code s} for egress allow towards {@code d}. */
    private PortSet networkPolicyEgress(int s, int d) {
        PortSet p = egAny[s];
        for (RuleRef r : egAnyNamed.get(s)) {
            p = p.union(resolveNamed(r, d, podOf(d)));
        }
        return withGrant(p, egMap, s, d);
    }

    /** The ports node {@code d}'s ingress allows from node {@code s}. */
    PortSet ingress(int d, int s) {
        if (d >= podClasses) {
            return PortSet.ALL;
        }
        if (tiers.applies(d, PolicyType.Ingress)) {
            return tiers.decide(d, PolicyType.Ingress, s, classes.representative(d), inIsolated[d],
                    inIsolated[d] ? withGrant(inAny[d], inMap, d, s) : PortSet.EMPTY);
        }
        return inIsolated[d] ? withGrant(inAny[d], inMap, d, s) : PortSet.ALL;
    }

    /** Whether {@code d}'s ingress may allow something from a node it names no grant for. */
    boolean ingressFromAny(int d) {
        return d >= podClasses || !inIsolated[d] || !inAny[d].isEmpty() || tierTargets(d, PolicyType.Ingress) == null;
    }

    /** The nodes {@code d}'s ingress grants ports to by peer (NetworkPolicy or admin Allow rule). */
    Set<Integer> ingressSources(int d) {
        Map<Integer, PortSet> m = inMap.get(d);
        return withTargets(m == null ? Set.of() : m.keySet(), tierTargets(d, PolicyType.Ingress));
    }

    /** Whether {@code s}'s egress may allow something to a node it names no grant for. */
    boolean egressToAny(int s) {
        return s >= podClasses || !egIsolated[s] || !egAny[s].isEmpty() || !egAnyNamed.get(s).isEmpty()
                || tierTargets(s, PolicyType.Egress) == null;
    }

    /** The nodes {@code s}'s egress grants ports to by peer (NetworkPolicy or admin Allow rule). */
    Set<Integer> egressDestinations(int s) {
        Map<Integer, PortSet> m = egMap.get(s);
        return withTargets(m == null ? Set.of() : m.keySet(), tierTargets(s, PolicyType.Egress));
    }
}
