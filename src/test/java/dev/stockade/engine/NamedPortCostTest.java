package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Named ports are resolved once per rule and destination (an egress rule of many named ports
 * towards many workloads was resolved again from every source and noted with a scan of the
 * rule's ports per failure), with the same warnings.
 */
@Tag("hostile")
class NamedPortCostTest {
    private static Workload workload(int i) {
        Pod pod = new Pod("prod", "w" + i + "-0", Labels.of("app", "w" + i),
                List.of(new ContainerPort("p" + i, 1000 + i, Protocol.TCP)), List.of(), false, Source.UNKNOWN);
        return new Workload("Deployment", "prod", "w" + i, List.of(pod), Source.UNKNOWN);
    }

    private static Cluster cluster(int n, List<PolicyPort> ports) {
        List<Workload> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ws.add(workload(i));
        }
        PolicyRule rule = new PolicyRule(List.of(new Peer.PodSelectorPeer(LabelSelector.all(), Source.UNKNOWN)), ports,
                Source.UNKNOWN);
        NetworkPolicy p = new NetworkPolicy("prod", "named", LabelSelector.all(), Set.of(PolicyType.Egress), List.of(),
                List.of(rule), Source.UNKNOWN);
        return Cluster.of(List.of(Namespace.implicit("prod")), ws, List.of(p));
    }

    @Test
    void analyze_repeatedNamedPort_oneWarningAtItsFirstIndex() {
        List<PolicyPort> ports = List.of(new PolicyPort.NamedPort(Protocol.TCP, "p0"),
                new PolicyPort.NamedPort(Protocol.TCP, "gone"), new PolicyPort.NamedPort(Protocol.TCP, "gone"));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(cluster(2, ports));

        assertThat(c.warnings()).containsExactly(
                "NetworkPolicy prod/named (<generated>:0): spec.egress[0].ports[1]: named port \"gone\" (TCP) is"
                        + " unresolved for prod/w0, prod/w1 (no container port with that name and protocol); it"
                        + " admits nothing there",
                "NetworkPolicy prod/named (<generated>:0): spec.egress[0].ports[0]: named port \"p0\" (TCP) is"
                        + " unresolved for prod/w1 (no container port with that name and protocol); it admits nothing"
                        + " there");
        assertThat(c.connections()).extracting(Object::toString).containsExactly("prod/w1 => prod/w0 : TCP 1000",
                "0.0.0.0/0 => prod/w0 : All connections", "0.0.0.0/0 => prod/w1 : All connections",
                "::/0 => prod/w0 : All connections", "::/0 => prod/w1 : All connections");
    }

    @Test
    void analyze_manyNamedPortsTowardsManyWorkloads_everyPairOnItsPort() {
        int n = 300;
        List<PolicyPort> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(new PolicyPort.NamedPort(Protocol.TCP, "p" + i));
        }
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(cluster(n, ports));

        // every ordered pair on the destination's port, and both address families to every workload
        assertThat(c.connections()).hasSize(n * (n - 1) + 2 * n);
        assertThat(c.warnings()).hasSize(n).first().asString().endsWith(
                "named port \"p1\" (TCP) is unresolved for prod/w0, prod/w10, prod/w100, prod/w101, prod/w102 and 294"
                        + " more (no container port with that name and protocol); it admits nothing there");
    }
}
