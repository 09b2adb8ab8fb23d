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
 * A cluster is started with {@link #of} (or the canonical constructor, which takes every
 * component) and changed with the {@code with…} methods, each of which keeps every other component.
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

    /**
     * A cluster of namespaces, workloads and NetworkPolicies only, without admin policies, Nodes or
     * entrances: the start of a cluster built with the {@code with…} methods.
     */
    public static Cluster of(List<Namespace> namespaces, List<Workload> workloads, List<NetworkPolicy> policies) {
        return new Cluster(namespaces, workloads, policies, List.of(), List.of(), Entrances.NONE);
    }

    /*
     * Each with-method replaces one component and keeps every other one, so no component is
     * dropped by rebuilding a cluster. The namespaces are kept as they are, implicit ones
     * included: a namespace implied by a replaced workload or policy stays.
     */

    /** The same cluster with other namespaces (the implicit ones of its workloads and policies added back). */
    public Cluster withNamespaces(List<Namespace> newNamespaces) {
        return new Cluster(newNamespaces, workloads, policies, adminPolicies, nodes, entrances);
    }

    /** The same cluster with other workloads. */
    public Cluster withWorkloads(List<Workload> newWorkloads) {
        return new Cluster(namespaces, newWorkloads, policies, adminPolicies, nodes, entrances);
    }

    /** The same cluster with other NetworkPolicies. */
    public Cluster withPolicies(List<NetworkPolicy> newPolicies) {
        return new Cluster(namespaces, workloads, newPolicies, adminPolicies, nodes, entrances);
    }

    /**
     * The same cluster with other namespaces and workloads together: unlike {@link #withNamespaces}
     * then {@link #withWorkloads}, no implicit namespace of the old workloads is kept.
     */
    public Cluster withContents(List<Namespace> newNamespaces, List<Workload> newWorkloads) {
        return new Cluster(newNamespaces, newWorkloads, policies, adminPolicies, nodes, entrances);
    }

    /** The same cluster with other admin policies (put in evaluation order). */
    public Cluster withAdminPolicies(List<AdminPolicy> newAdminPolicies) {
        return new Cluster(namespaces, workloads, policies, newAdminPolicies, nodes, entrances);
    }

    /** The same cluster with other Nodes. */
    public Cluster withNodes(List<Node> newNodes) {
        return new Cluster(namespaces, workloads, policies, adminPolicies, newNodes, entrances);
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
