package dev.stockade.model;

import java.util.List;

/** Everything the input describes: namespaces (declared and implied), workloads and policies. */
public record Cluster(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies) {
    public Cluster {
        namespaces = List.copyOf(namespaces);
        workloads = List.copyOf(workloads);
        policies = List.copyOf(policies);
    }
}
