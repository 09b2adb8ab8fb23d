package dev.stockade.dataplane;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Clusters built directly in the model (past the loader's name checks) whose namespaces, pods and
 * policies carry arbitrary names, to show that the compiler's output stays a valid script.
 */
final class HostileNames {
    private HostileNames() {}

    /**
     * One namespace {@code ns} with two pods ({@code pods[0]}, {@code pods[1]}, addresses
     * 10.9.0.1 and 10.9.0.2 plus fd00:9::1 for the first), and a policy {@code policy} selecting
     * every pod there: ingress from a pod-selector peer and from an ipBlock with three excepts
     * (so that a named set is made), egress to port 53; plus an egress-only policy that admits
     * nothing, so that a verdict-map element carries a drop comment.
     */
    static Cluster cluster(String ns, String policy, String... pods) {
        List<Pod> ps = new ArrayList<>();
        for (int i = 0; i < pods.length; i++) {
            List<IpAddress> ips = new ArrayList<>(List.of(IpAddress.parse("10.9.0." + (i + 1)).orElseThrow()));
            if (i == 0) {
                ips.add(IpAddress.parse("fd00:9::1").orElseThrow());
            }
            ps.add(new Pod(ns, pods[i], Labels.of("app", "a" + (i % 2)), List.of(new ContainerPort("http", 80, Protocol.TCP)),
                    ips, false, Source.UNKNOWN));
        }
        Workload w = new Workload("Pod", ns, pods[0], ps, Source.UNKNOWN);
        PolicyRule in = new PolicyRule(List.of(
                new Peer.PodSelectorPeer(LabelSelector.matchLabels("app", "a1"), Source.UNKNOWN),
                new Peer.IpBlockPeer(IpBlock.of("10.0.0.0/8", "10.1.0.0/16", "10.3.0.0/16", "10.5.0.0/16"), Source.UNKNOWN)),
                List.of(new PolicyPort.NamedPort(Protocol.TCP, "http")), Source.UNKNOWN);
        PolicyRule out = new PolicyRule(List.of(), List.of(PolicyPort.PortRange.of(Protocol.UDP, 53)), Source.UNKNOWN);
        NetworkPolicy p = new NetworkPolicy(ns, policy, LabelSelector.matchLabels("app", "a0"),
                Set.of(PolicyType.Ingress, PolicyType.Egress), List.of(in), List.of(out), Source.UNKNOWN);
        NetworkPolicy deny = new NetworkPolicy(ns, policy + "-deny", LabelSelector.matchLabels("app", "a1"),
                Set.of(PolicyType.Egress), List.of(), List.of(), Source.UNKNOWN);
        return Cluster.of(List.of(), List.of(w), List.of(p, deny));
    }
}
