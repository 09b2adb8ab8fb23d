package dev.stockade.cli;

import dev.stockade.dataplane.HostNetworkPods;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;

/**
 * The data plane (nft compile, lab) cannot police host-network pods as pods
 * ({@link HostNetworkPods}): with {@code --host-network=pod} and such pods in the input, those
 * verbs refuse (exit 2), naming the pods and the flag.
 */
final class HostNetworkRefusal {
    private HostNetworkRefusal() {}

    /** Whether {@code verb} must refuse the cluster under {@code options}; if so, the reason is printed. */
    static boolean refuses(Cluster cluster, AnalysisOptions options, String verb, PrintWriter err) {
        List<Pod> pods = HostNetworkPods.unenforceable(cluster, options);
        if (pods.isEmpty()) {
            return false;
        }
        // one line: pod names built without the loader could hold controls or a newline
        err.println("stockade: " + TerminalText.inline(HostNetworkPods.refusal(verb, pods)));
        err.flush();
        return true;
    }
}
