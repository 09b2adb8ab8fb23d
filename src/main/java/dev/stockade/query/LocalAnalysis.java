package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Target;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-analyses parts of a cluster, pod by pod: a part is some workloads with every policy of
 * their namespaces. A pair's verdict depends only on its two pods, the namespaces' labels and the
 * policies of the two pods' namespaces, so the part's analysis agrees with the whole cluster's on
 * every pair within the part. Which workloads matter comes from one analysis of the whole
 * cluster (who is connected to whom), made when first needed.
 */
final class LocalAnalysis {
    private final Cluster cluster;
    private final AnalysisOptions options;
    private final PolicyIndex index;
    private final Explainer explainer;
    private Map<Workload, Set<Workload>> sources;
    private Map<Workload, Set<Workload>> destinations;
    private int analyses;
    private int wholeClusterParts;

    LocalAnalysis(Cluster cluster, AnalysisOptions options, PolicyIndex index) {
        this.cluster = cluster;
        this.options = options;
        this.index = index;
        this.explainer = new Explainer(cluster, options);
    }

    /** Some workloads of the cluster, pod by pod, with their namespaces' policies. */
    record Part(Set<Workload> workloads, PodLevel.Expanded expanded) {}

    /** An empty set of workloads, compared by identity (an analysis does not depend on their order). */
    static Set<Workload> workloadSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    Set<Workload> owners(List<Pod> pods) {
        Set<Workload> out = workloadSet();
        for (Pod p : pods) {
            out.add(index.owner(p));
        }
        return out;
    }

    /**
     * The workloads connected to {@code a}'s workload in direction {@code d} (sources for ingress,
     * destinations for egress) whose pods a peer of {@code rules} matches (all of them when a rule
     * has no peer list): the only far ends whose pair with {@code a} the rules decide.
     */
    Set<Workload> farEnds(Pod a, PolicyType d, List<PolicyRule> rules, String policyNamespace) {
        baseline();
        Set<Workload> connected = (d == PolicyType.Ingress ? sources : destinations)
                .getOrDefault(index.owner(a), Set.of());
        boolean everyPeer = rules.stream().anyMatch(PolicyRule::allPeers);
        Set<Workload> out = workloadSet();
        for (Workload w : connected) {
            if (everyPeer || matchedByPeer(w, rules, policyNamespace)) {
                out.add(w);
            }
        }
        return out;
    }

    private boolean matchedByPeer(Workload w, List<PolicyRule> rules, String policyNamespace) {
        for (Pod pod : w.pods()) {
            Target t = new Target.PodTarget(w, pod);
            for (PolicyRule r : rules) {
                for (Peer peer : r.peers()) {
                    if (explainer.peerMatches(peer, policyNamespace, t)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The part made of {@code workloads}, with {@code target} replaced by {@code replacement}
     * (removed when that is null; nothing replaced when {@code target} is null).
     */
    Part part(Set<Workload> workloads, NetworkPolicy target, NetworkPolicy replacement) {
        Set<String> namespaces = new LinkedHashSet<>();
        workloads.forEach(w -> namespaces.add(w.namespace()));
        List<NetworkPolicy> policies = new ArrayList<>();
        for (String ns : namespaces) {
            for (NetworkPolicy p : index.policies(ns)) {
                if (p != target) {
                    policies.add(p);
                } else if (replacement != null) {
                    policies.add(replacement);
                }
            }
        }
        return new Part(workloads, PodLevel.expand(cluster, workloads, policies));
    }

    /** The part made of every workload. */
    Part whole() {
        wholeClusterParts++;
        Set<Workload> all = workloadSet();
        all.addAll(cluster.workloads());
        return part(all, null, null);
    }

    Connectivity analyze(Part part) {
        analyses++;
        return new Analyzer(options).analyze(part.expanded().cluster());
    }

    int analyses() {
        return analyses;
    }

    int wholeClusterParts() {
        return wholeClusterParts;
    }

    /** Whether every external range reaches pod {@code a} (ingress), or is reached from it (egress), on every port. */
    static boolean openToEveryAddress(Connectivity c, Part part, Pod a, PolicyType d) {
        Set<String> ids = new LinkedHashSet<>();
        for (Endpoint e : c.endpoints()) {
            if (e instanceof Endpoint.WorkloadEndpoint w && part.expanded().originals().get(w.workload()) == a) {
                ids.add(e.id());
            }
        }
        long externals = c.endpoints().stream().filter(e -> e instanceof Endpoint.ExternalEndpoint).count();
        long open = 0;
        for (Connection x : c.connections()) {
            Endpoint pod = d == PolicyType.Ingress ? x.dst() : x.src();
            Endpoint far = d == PolicyType.Ingress ? x.src() : x.dst();
            if (far instanceof Endpoint.ExternalEndpoint && ids.contains(pod.id()) && x.allowed().equals(PortSet.ALL)) {
                open++;
            }
        }
        return open == externals * ids.size();
    }

    /** Who talks to whom in the whole cluster, workload by workload (computed once). */
    private void baseline() {
        if (sources != null) {
            return;
        }
        sources = new IdentityHashMap<>();
        destinations = new IdentityHashMap<>();
        Connectivity c = new Analyzer(options).analyze(cluster);
        for (Connection x : c.connections()) {
            if (x.src() instanceof Endpoint.WorkloadEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint d) {
                sources.computeIfAbsent(d.workload(), k -> workloadSet()).add(s.workload());
                destinations.computeIfAbsent(s.workload(), k -> workloadSet()).add(d.workload());
            }
        }
    }
}
