package dev.stockade.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the input describes: namespaces, workloads, NetworkPolicies, the cluster-wide
 * admin policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy),
 * Nodes, and the entrances (Services, routes, Gateways, ReferenceGrants). Every namespace a workload or policy lives in is present: one the input does not define
 * is added with only its automatic {@value Namespace#NAME_LABEL} label ({@link Namespace#implicit}).
 * Admin policies are kept in evaluation order: admin tier before baseline tier, then by priority,
 * then by kind and name (the API leaves equal priorities undefined; this order is Stockade's).
 */
public record Cluster(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies,
                      List<AdminPolicy> adminPolicies, List<Node> nodes, Entrances entrances) {
    /** The evaluation order of admin policies. */
    public static final Comparator<AdminPolicy> EVALUATION_ORDER = Comparator.comparing(AdminPolicy::tier)
            .thenComparingInt(AdminPolicy::priority).thenComparing(AdminPolicy::kind).thenComparing(AdminPolicy::name);

    public Cluster {
        workloads = List.copyOf(workloads);
        policies = List.copyOf(policies);
        List<AdminPolicy> sorted = new ArrayList<>(adminPolicies);
        sorted.sort(EVALUATION_ORDER);
        adminPolicies = List.copyOf(sorted);
        nodes = List.copyOf(nodes);
        entrances = entrances == null ? Entrances.NONE : entrances;
        Set<String> known = new HashSet<>();
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

    /** A cluster without admin policies or nodes. */
    public Cluster(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies) {
        this(namespaces, workloads, policies, List.of(), List.of());
    }

    /** A cluster without entrances. */
    public Cluster(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies,
                   List<AdminPolicy> adminPolicies, List<Node> nodes) {
        this(namespaces, workloads, policies, adminPolicies, nodes, Entrances.NONE);
    }

    /** The same cluster with other NetworkPolicies (everything else kept). */
    public Cluster withPolicies(List<NetworkPolicy> newPolicies) {
        return new Cluster(namespaces, workloads, newPolicies, adminPolicies, nodes, entrances);
    }

    /** The same cluster with other namespaces and workloads (everything else kept). */
    public Cluster withContents(List<Namespace> newNamespaces, List<Workload> newWorkloads) {
        return new Cluster(newNamespaces, newWorkloads, policies, adminPolicies, nodes, entrances);
    }

    /** The same cluster with other admin policies. */
    public Cluster withAdminPolicies(List<AdminPolicy> newAdminPolicies) {
        return new Cluster(namespaces, workloads, policies, newAdminPolicies, nodes, entrances);
    }

    /** The same cluster with other entrances. */
    public Cluster withEntrances(Entrances newEntrances) {
        return new Cluster(namespaces, workloads, policies, adminPolicies, nodes, newEntrances);
    }

    /** Whether any admin-tier or baseline-tier policy is present. */
    public boolean hasAdminTiers() {
        return !adminPolicies.isEmpty();
    }
}
