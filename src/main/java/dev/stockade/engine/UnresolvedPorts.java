package dev.stockade.engine;

import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named ports of rules that resolved to nothing on some destination node, collected while
 * grants are built and pairs are visited, and reported as one warning per rule port listing the
 * workloads (at most five by name) or external addresses where it admits nothing.
 */
final class UnresolvedPorts {
    private record Unresolved(int policy, PolicyType direction, int rule, String port, int node) {}

    private final Set<Unresolved> unresolved = new LinkedHashSet<>();

    /** Notes that named port {@code n} of rule {@code r} admits nothing towards {@code node}. */
    void add(RuleTable.RuleRef r, PolicyPort.NamedPort n, int node) {
        unresolved.add(new Unresolved(r.policy(), r.direction(), r.index(),
                r.rule().ports().indexOf(n) + ":" + n.name() + ":" + n.protocol(), node));
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
        for (Unresolved u : unresolved) {
            NetworkPolicy p = policies.get(u.policy());
            String[] parts = u.port().split(":", 3);
            String key = "NetworkPolicy " + p + " (" + p.source().fileLine() + "): spec."
                    + (u.direction() == PolicyType.Ingress ? "ingress" : "egress") + "[" + u.rule() + "].ports["
                    + parts[0] + "]: named port \"" + parts[1] + "\" (" + parts[2] + ") is unresolved for ";
            var targets = byRule.computeIfAbsent(key, k -> new TreeSet<>());
            if (u.node() < podClasses) {
                targets.addAll(classNames.get(u.node()));
            } else {
                targets.add("external addresses");
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
