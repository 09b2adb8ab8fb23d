package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pods of every workload (workloads sorted by namespace, name and kind), numbered as
 * members, and the distinct (namespace, labels) groups they fall into, with the
 * {@link SelectorIndex} over those groups. Host-network pods belong to no group when they are
 * node traffic ({@link HostNetworkMode#NODE}): selectors neither isolate nor match them; policed
 * as pods ({@link HostNetworkMode#POD}) they are grouped like any other pod.
 */
final class PodGroups {
    private final List<Workload> workloads;
    private final List<Pod> members = new ArrayList<>();
    private final List<Integer> memberWorkload = new ArrayList<>();
    private final int[] memberGroup;
    private final SelectorIndex index;
    private final List<String> warnings = new ArrayList<>();

    PodGroups(Cluster cluster, HostNetworkMode hostNetwork) {
        workloads = new ArrayList<>(cluster.workloads());
        workloads.sort(Comparator.comparing(Workload::namespace).thenComparing(Workload::name)
                .thenComparing(Workload::kind));
        for (int w = 0; w < workloads.size(); w++) {
            for (Pod p : workloads.get(w).pods()) {
                members.add(p);
                memberWorkload.add(w);
            }
        }
        TreeMap<String, LinkedHashMap<Labels, Integer>> byNs = new TreeMap<>();
        for (Pod p : members) {
            if (hostNetwork.selectable(p)) {
                byNs.computeIfAbsent(p.namespace(), k -> new LinkedHashMap<>()).putIfAbsent(p.labels(), 0);
            }
        }
        TreeMap<String, List<Labels>> lists = new TreeMap<>();
        int g = 0;
        for (Map.Entry<String, LinkedHashMap<Labels, Integer>> e : byNs.entrySet()) {
            for (Map.Entry<Labels, Integer> l : e.getValue().entrySet()) {
                l.setValue(g++);
            }
            lists.put(e.getKey(), new ArrayList<>(e.getValue().keySet()));
        }
        index = new SelectorIndex(cluster.namespaces(), lists);
        memberGroup = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            Pod p = members.get(i);
            memberGroup[i] = hostNetwork.selectable(p) ? byNs.get(p.namespace()).get(p.labels()) : -1;
            if (p.hostNetwork()) {
                warnings.add(workloads.get(memberWorkload.get(i)) + warning(hostNetwork));
            }
        }
    }

    /** What the analysis assumes about a host-network pod, after its workload's name. */
    static String warning(HostNetworkMode hostNetwork) {
        return switch (hostNetwork) {
            case NODE -> ": uses the host network; NetworkPolicies neither isolate it nor match it with pod or"
                    + " namespace selectors";
            case POD -> ": uses the host network; policed as a pod (--host-network=pod), which most network"
                    + " plugins do not do";
        };
    }

    /** The workloads, sorted; members refer to them by position. */
    List<Workload> workloads() {
        return workloads;
    }

    /** Every pod of every workload, workload by workload. */
    List<Pod> members() {
        return members;
    }

    /** The workload (position in {@link #workloads}) of each member. */
    List<Integer> memberWorkload() {
        return memberWorkload;
    }

    /** The group of a member, or -1 for a host-network pod that is node traffic. */
    int group(int member) {
        return memberGroup[member];
    }

    SelectorIndex index() {
        return index;
    }

    /** One warning per host-network pod, in member order. */
    List<String> warnings() {
        return warnings;
    }
}
