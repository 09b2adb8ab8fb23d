package dev.stockade.audit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Finding;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network rules that look at host-network pods, under {@code --host-network=node} (node
 * traffic: policies do not apply) and {@code --host-network=pod} (policed as pods).
 */
class HostNetworkModeRulesTest {
    /** A host-network pod exposed by a NodePort Service, isolated for egress with nothing allowed. */
    private static final String AGENT = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: ops}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: ops, labels: {app: agent}}
            spec:
              hostNetwork: true
              containers: [{name: agent, image: agent:1.0, ports: [{containerPort: 9100}]}]
            status: {podIP: 10.0.0.5}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: agent, namespace: ops}
            spec:
              type: NodePort
              selector: {app: agent}
              ports: [{port: 9100}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: no-egress, namespace: ops}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """;

    private static List<String> run(HostNetworkMode mode) {
        LoadResult r = Loader.loadString("m.yaml", AGENT, true);
        assertThat(r.diagnostics()).isEmpty();
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true, mode),
                AuditConfig.DEFAULT);
        return Auditor.run(ctx, List.of(new HostNetwork(), new ExposedWithoutPolicy(), new DnsBlocked()),
                AuditBaseline.EMPTY).findings().stream().map(HostNetworkModeRulesTest::line).toList();
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + f.object() + ": " + f.message();
    }

    @Test
    void node_onlyNet016_sayingNoPolicyApplies() {
        assertThat(run(HostNetworkMode.NODE)).containsExactly(
                "NET016 Pod ops/agent: uses the host network: NetworkPolicies do not apply to it");
    }

    @Test
    void pod_net016SaysItIsAnAssumption_andThePodIsCheckedLikeAnyOther() {
        assertThat(run(HostNetworkMode.POD)).containsExactlyInAnyOrder(
                "NET016 Pod ops/agent: uses the host network: the analysis assumes the network plugin polices it as a"
                        + " pod (--host-network=pod), which most plugins do not; where they do not, NetworkPolicies do"
                        + " not apply to it",
                "NET012 Pod ops/agent: isolated for egress and may not reach cluster DNS (kube-system/kube-dns) on UDP 53",
                "REACH002 Service ops/agent: type NodePort exposes ops/agent on TCP 9100, and its ingress policies admit"
                        + " every address (no policy selects it for Ingress)");
    }
}
