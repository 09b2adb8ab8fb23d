package dev.stockade.query;

import dev.stockade.engine.HostNetworkMode;
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
 * podSelector matches, host-network pods excepted when they are node traffic
 * ({@link HostNetworkMode#NODE}: NetworkPolicies do not apply to them).
 */
final class PolicyIndex {
    private final Map<String, List<NetworkPolicy>> byNamespace = new HashMap<>();
    private final Map<String, List<Pod>> podsByNamespace = new HashMap<>();
    private final Map<Pod, Workload> owner = new IdentityHashMap<>();
    private final Map<NetworkPolicy, List<Pod>> subjects = new IdentityHashMap<>();

    private final HostNetworkMode hostNetwork;

    PolicyIndex(Cluster cluster, HostNetworkMode hostNetwork) {
        this.hostNetwork = hostNetwork;
        for (NetworkPolicy p : cluster.policies()) {
            byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
        }
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                owner.put(p, w);
                if (hostNetwork.selectable(p)) {
                    podsByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    List<NetworkPolicy> policies(String namespace) {
        return byNamespace.getOrDefault(namespace, List.of());
    }

    /** Whether policies select {@code pod} at all (not a host-network pod that is node traffic). */
    boolean selectable(Pod pod) {
        return hostNetwork.selectable(pod);
    }

    /** The selectable pods of a namespace. */
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
        if (!hostNetwork.selectable(pod)) {
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
