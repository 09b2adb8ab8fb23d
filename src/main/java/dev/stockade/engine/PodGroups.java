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
 * {@link SelectorIndex} over those groups. Host-network pods belong to no group: Kubernetes
 * selectors neither isolate nor match them.
 */
final class PodGroups {
    private final List<Workload> workloads;
    private final List<Pod> members = new ArrayList<>();
    private final List<Integer> memberWorkload = new ArrayList<>();
    private final int[] memberGroup;
    private final SelectorIndex index;
    private final List<String> warnings = new ArrayList<>();

    PodGroups(Cluster cluster) {
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
            if (!p.hostNetwork()) {
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
            memberGroup[i] = p.hostNetwork() ? -1 : byNs.get(p.namespace()).get(p.labels());
            if (p.hostNetwork()) {
                warnings.add(workloads.get(memberWorkload.get(i)) + ": uses the host network; NetworkPolicies"
                        + " neither isolate it nor match it with pod or namespace selectors");
            }
        }
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

    /** The group of a member, or -1 for a host-network pod. */
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
