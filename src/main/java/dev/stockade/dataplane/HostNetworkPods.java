package dev.stockade.dataplane;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data plane cannot enforce about host-network pods. A host-network pod uses the
 * node's network namespace and address: its packets never cross a pod interface, so rules on
 * the packets a host forwards between pods cannot police it, and its address is the node's,
 * shared with every other host-network pod of that node. The compiler therefore enforces only
 * {@link HostNetworkMode#NODE} for them (node traffic, not policed); asked to police them as
 * pods ({@link HostNetworkMode#POD}), it refuses rather than enforce less than the analysis says.
 */
public final class HostNetworkPods {
    private HostNetworkPods() {}

    /** The host-network pods the data plane would have to police as pods under {@code options}; empty when none. */
    public static List<Pod> unenforceable(Cluster cluster, AnalysisOptions options) {
        if (options.hostNetwork() != HostNetworkMode.POD) {
            return List.of();
        }
        List<Pod> out = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                if (p.hostNetwork()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Why {@code verb} refuses the {@code pods} {@link #unenforceable} names (at most three named). */
    public static String refusal(String verb, List<Pod> pods) {
        List<String> names = pods.stream().limit(3).map(Pod::toString).toList();
        return verb + " cannot police host-network pods as pods (--host-network=pod): they use the node's network"
                + " namespace and address, so their packets never cross a pod interface where its rules apply; the"
                + " input has " + pods.size() + " (" + String.join(", ", names) + (pods.size() > 3 ? ", ..." : "")
                + "). Use --host-network=node (the default: they are node traffic, not policed) or leave them out"
                + " of the input.";
    }
}
