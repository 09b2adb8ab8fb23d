package dev.stockade.query;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.model.Cluster;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster rewritten so that an analysis sees every pod on its own: each pod becomes a workload
 * of one pod, and a pod that stands for a workload's template (a controller without Pod objects
 * in the input, which runs as several replicas) gets a twin, so traffic between two replicas
 * is a pair of the analysis too (analyze omits self pairs). Analyses of such clusters compare
 * pod by pod.
 */
public final class PodLevel {
    private PodLevel() {}

    /** The expanded cluster and, for each of its one-pod workloads (twins excepted), the original pod. */
    public record Expanded(Cluster cluster, Map<Workload, Pod> originals) {}

    /** {@code cluster} with every pod on its own and templates twinned. */
    public static Cluster expand(Cluster cluster) {
        return expand(cluster, cluster.workloads(), cluster.policies()).cluster();
    }

    /**
     * The pods of {@code workloads} on their own, with the given policies, the namespaces of the
     * workloads and policies (taken from {@code base}) and every admin policy and node of {@code base}
     * (they are cluster-wide).
     */
    static Expanded expand(Cluster base, Collection<Workload> workloads, List<NetworkPolicy> policies) {
        List<Namespace> namespaces = base.namespaces();
        Set<String> used = new LinkedHashSet<>();
        List<Workload> out = new ArrayList<>();
        Map<Workload, Pod> originals = new IdentityHashMap<>();
        for (Workload w : workloads) {
            used.add(w.namespace());
            for (int i = 0; i < w.pods().size(); i++) {
                Pod p = w.pods().get(i);
                Workload one = new Workload(w.kind(), w.namespace(), w.name() + "~" + i, List.of(p), w.source());
                out.add(one);
                originals.put(one, p);
                if (standsForTemplate(w)) {
                    out.add(new Workload(w.kind(), w.namespace(), w.name() + "~" + i + "~replica", List.of(p), w.source()));
                }
            }
        }
        policies.forEach(p -> used.add(p.namespace()));
        List<Namespace> ns = new ArrayList<>();
        for (Namespace n : namespaces) {
            if (used.contains(n.name())) {
                ns.add(n);
            }
        }
        // the entrances are left out: an expanded cluster is compared pod by pod, on its connections
        return new Expanded(Cluster.of(ns, out, policies).withAdminPolicies(base.adminPolicies()).withNodes(base.nodes()),
                originals);
    }

    /** A controller whose only pod was made from its template: it runs as one or more replicas. */
    static boolean standsForTemplate(Workload w) {
        return !w.kind().equals("Pod") && w.pods().size() == 1 && w.pods().get(0).name().equals(w.name());
    }

    /**
     * Whether two analyses describe the same connectivity. The analyzer lists external ranges as
     * the maximal runs of addresses with identical connections (adjacent ranges always differ),
     * which depends only on the connectivity itself; so two analyses of the same workloads have
     * the same connectivity exactly when their endpoints and connections are equal.
     */
    public static boolean same(Connectivity a, Connectivity b) {
        if (a.endpoints().size() != b.endpoints().size() || a.connections().size() != b.connections().size()) {
            return false;
        }
        for (int i = 0; i < a.endpoints().size(); i++) {
            Endpoint x = a.endpoints().get(i);
            Endpoint y = b.endpoints().get(i);
            if (!x.id().equals(y.id()) || !x.kind().equals(y.kind())) {
                return false;
            }
        }
        for (int i = 0; i < a.connections().size(); i++) {
            Connection x = a.connections().get(i);
            Connection y = b.connections().get(i);
            if (!x.src().id().equals(y.src().id()) || !x.dst().id().equals(y.dst().id())
                    || !x.allowed().equals(y.allowed())) {
                return false;
            }
        }
        return true;
    }
}
