package dev.stockade.query;

import dev.stockade.engine.Selectors;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policies select which pods. A policy selects the pods of its own namespace that its
 * podSelector matches, host-network pods excepted (NetworkPolicies do not apply to them).
 */
final class PolicyIndex {
    private final Map<String, List<NetworkPolicy>> byNamespace = new HashMap<>();
    private final Map<String, List<Pod>> podsByNamespace = new HashMap<>();
    private final Map<Pod, Workload> owner = new IdentityHashMap<>();
    private final Map<NetworkPolicy, List<Pod>> subjects = new IdentityHashMap<>();

    PolicyIndex(Cluster cluster) {
        for (NetworkPolicy p : cluster.policies()) {
            byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
        }
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                owner.put(p, w);
                if (!p.hostNetwork()) {
                    podsByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    List<NetworkPolicy> policies(String namespace) {
        return byNamespace.getOrDefault(namespace, List.of());
    }

    /** The pods (not on the host network) of a namespace. */
    List<Pod> pods(String namespace) {
        return podsByNamespace.getOrDefault(namespace, List.of());
    }

    Workload owner(Pod pod) {
        return owner.get(pod);
    }

    /** The pods a policy selects (whatever its policyTypes). */
    List<Pod> subjects(NetworkPolicy policy) {
        return subjects.computeIfAbsent(policy, p -> {
            List<Pod> out = new ArrayList<>();
            for (Pod pod : pods(p.namespace())) {
                if (Selectors.matches(p.podSelector(), pod.labels())) {
                    out.add(pod);
                }
            }
            return List.copyOf(out);
        });
    }

    /** The policies that select {@code pod} and isolate it in {@code direction}. */
    List<NetworkPolicy> selecting(Pod pod, PolicyType direction) {
        if (pod.hostNetwork()) {
            return List.of();
        }
        List<NetworkPolicy> out = new ArrayList<>();
        for (NetworkPolicy p : policies(pod.namespace())) {
            if (p.affects(direction) && Selectors.matches(p.podSelector(), pod.labels())) {
                out.add(p);
            }
        }
        return out;
    }
}
