package dev.stockade.lab;

import static dev.stockade.engine.EntranceFixtures.service;
import static dev.stockade.engine.EntranceFixtures.servicePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.Entrances;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.Node;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster a lab plan carries (the input with the pods' lab addresses) is the whole input: the
 * engine check of {@code lab verify} runs on it, so a component it lost would be missing from the
 * engine's side of the comparison.
 */
class LabPlanClusterTest {
    private static final Pod CLIENT = new Pod("src", "client", Labels.EMPTY, List.of(),
            List.of(IpAddress.parse("10.0.0.1").orElseThrow()), false, Source.UNKNOWN);
    private static final Pod WEB = new Pod("dst", "web", Labels.EMPTY,
            List.of(new ContainerPort("http", 80, Protocol.TCP)), List.of(), false, Source.UNKNOWN);

    /** An AdminNetworkPolicy denying ingress into namespace dst from namespace src. */
    private static final AdminPolicy DENY = new AdminPolicy(AdminPolicy.Kind.AdminNetworkPolicy, AdminPolicy.Tier.ADMIN,
            "deny-src", 10, new AdminSubject.Namespaces(LabelSelector.matchLabels(Namespace.NAME_LABEL, "dst")),
            List.of(new AdminRule("", AdminRule.Action.DENY, List.of(new AdminPeer.Namespaces(
                    LabelSelector.matchLabels(Namespace.NAME_LABEL, "src"), Source.UNKNOWN)), List.of(), Source.UNKNOWN)),
            List.of(), Source.UNKNOWN);

    private static Cluster cluster() {
        return Cluster.of(List.of(), List.of(new Workload("Pod", "src", "client", List.of(CLIENT), Source.UNKNOWN),
                        new Workload("Pod", "dst", "web", List.of(WEB), Source.UNKNOWN)), List.of())
                .withAdminPolicies(List.of(DENY))
                .withNodes(List.of(new Node("node-1", Labels.EMPTY, List.of(IpAddress.parse("192.168.0.1").orElseThrow()),
                        Source.UNKNOWN)))
                .withEntrances(new Entrances(List.of(service("dst", "web", servicePort("http", 80, "http"))),
                        List.of(), List.of(), List.of()));
    }

    @Test
    void plan_keepsAdminPoliciesNodesAndEntrances_besideTheAddressedPods() {
        Cluster input = cluster();

        Cluster planned = Lab.plan(input).cluster();

        assertThat(planned.adminPolicies()).isEqualTo(input.adminPolicies());
        assertThat(planned.nodes()).isEqualTo(input.nodes());
        assertThat(planned.entrances()).isEqualTo(input.entrances());
        assertThat(planned.workloads()).extracting(w -> w.pods().getFirst().ips().getFirst().toString())
                .containsExactly("10.0.0.1", "10.250.0.2");
    }

    @Test
    void engineCheck_onThePlannedCluster_decidesWithTheAdminTier() {
        Lab lab = Lab.plan(cluster());
        Lab.LabPod client = lab.pods().get(0);
        Lab.LabPod web = lab.pods().get(1);
        Lab.Probe connected = new Lab.Probe(client, web, web.ips().getFirst(), Protocol.TCP, 80, true);

        List<EngineCheck.Disagreement> d = EngineCheck.disagreements(lab.cluster(), AnalysisOptions.DEFAULT,
                List.of(connected));

        assertThat(d).extracting(EngineCheck.Disagreement::line)
                .containsExactly("src/client -> dst/web (10.250.0.2) TCP/80: engine blocks, kernel connects");
    }
}
