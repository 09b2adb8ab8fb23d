package dev.stockade.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the input describes: namespaces, workloads and policies. Every namespace a
 * workload or policy lives in is present: one the input does not define is added with only its
 * automatic {@value Namespace#NAME_LABEL} label ({@link Namespace#implicit}).
 */
public record Cluster(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies) {
    public Cluster {
        workloads = List.copyOf(workloads);
        policies = List.copyOf(policies);
        Set<String> known = new java.util.HashSet<>();
        for (Namespace n : namespaces) {
            known.add(n.name());
        }
        Set<String> used = new LinkedHashSet<>();
        workloads.forEach(w -> used.add(w.namespace()));
        policies.forEach(p -> used.add(p.namespace()));
        List<Namespace> all = new ArrayList<>(namespaces);
        for (String u : used) {
            if (known.add(u)) {
                all.add(Namespace.implicit(u));
            }
        }
        namespaces = List.copyOf(all);
    }
}
