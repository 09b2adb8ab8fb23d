package dev.stockade.engine;

import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The named ports of rules that resolved to nothing on some destination node, collected while
 * grants are built and pairs are visited, and reported as one warning per rule port listing the
 * workloads (at most five by name) or external addresses where it admits nothing.
 */
final class UnresolvedPorts {
    /** A named port of a rule: its place and spelling. */
    private record RulePort(int policy, PolicyType direction, int rule, int index, String name, String protocol) {}

    /** Per rule port, in the order first noted, the nodes where it resolved to nothing. */
    private final Map<RulePort, BitSet> unresolved = new LinkedHashMap<>();

    /** Notes that named port {@code n}, entry {@code index} of rule {@code r}'s ports, admits nothing towards {@code node}. */
    void add(RuleTable.RuleRef r, int index, PolicyPort.NamedPort n, int node) {
        unresolved.computeIfAbsent(new RulePort(r.policy(), r.direction(), r.index(), index, n.name(),
                n.protocol().toString()), k -> new BitSet()).set(node);
    }

    /** One warning per rule port, in the order first noted. */
    List<String> warnings(List<NetworkPolicy> policies, PodGroups groups, PodClasses classes) {
        if (unresolved.isEmpty()) {
            return List.of();
        }
        int podClasses = classes.count();
        int[] memberClass = classes.memberClass();
        List<List<String>> classNames = new ArrayList<>(podClasses);
        for (int c = 0; c < podClasses; c++) {
            classNames.add(new ArrayList<>());
        }
        for (int i = 0; i < groups.members().size(); i++) {
            List<String> l = classNames.get(memberClass[i]);
            String w = groups.workloads().get(groups.memberWorkload().get(i)).toString();
            if (!l.contains(w)) {
                l.add(w);
            }
        }
        Map<String, TreeSet<String>> byRule = new LinkedHashMap<>();
        for (Map.Entry<RulePort, BitSet> e : unresolved.entrySet()) {
            RulePort u = e.getKey();
            NetworkPolicy p = policies.get(u.policy());
            String key = "NetworkPolicy " + p + " (" + p.source().fileLine() + "): spec."
                    + (u.direction() == PolicyType.Ingress ? "ingress" : "egress") + "[" + u.rule() + "].ports["
                    + u.index() + "]: named port \"" + u.name() + "\" (" + u.protocol() + ") is unresolved for ";
            var targets = byRule.computeIfAbsent(key, k -> new TreeSet<>());
            for (int node = e.getValue().nextSetBit(0); node >= 0; node = e.getValue().nextSetBit(node + 1)) {
                if (node < podClasses) {
                    targets.addAll(classNames.get(node));
                } else {
                    targets.add("external addresses");
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : byRule.entrySet()) {
            List<String> t = new ArrayList<>(e.getValue());
            String names = t.size() <= 5 ? String.join(", ", t)
                    : String.join(", ", t.subList(0, 5)) + " and " + (t.size() - 5) + " more";
            out.add(e.getKey() + names + " (no container port with that name and protocol); it admits nothing there");
        }
        return out;
    }
}
