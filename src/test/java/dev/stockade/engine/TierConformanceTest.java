package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of the network-policy-api conformance suite ({@code conformance/tests}), written
 * from their own expectations: the houses' namespaces and servers of {@code conformance/base}
 * ({@code src/test/resources/tiers-conformance/base.yaml}), the suite's policies in the current
 * v1alpha1 spelling, and each probe ({@code PokeServer}: client pod, server pod, protocol, port,
 * expected) checked for every replica pair with {@link Explainer} and against the analysis.
 * The same scenarios are then written as v1alpha2 ClusterNetworkPolicies (Admin tier for the
 * AdminNetworkPolicies, Baseline tier for the BaselineAdminNetworkPolicy): the API defines the
 * same evaluation, so they must give the same answers.
 */
class TierConformanceTest {
    private static final String GRYFFINDOR = "network-policy-conformance-gryffindor/harry-potter";
    private static final String SLYTHERIN = "network-policy-conformance-slytherin/draco-malfoy";
    private static final String HUFFLEPUFF = "network-policy-conformance-hufflepuff/cedric-diggory";

    /** core-anp-np-banp.yaml: ANP pass-example (prio 10), a NetworkPolicy in gryffindor, the BANP. */
    private static String integration(String ingressAction, String egressAction, boolean withNetworkPolicy) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: pass-example}
                spec:
                  priority: 10
                  subject:
                    namespaces: {matchLabels: {conformance-house: gryffindor}}
                  ingress:
                  - name: deny-all-ingress-from-slytherin
                    action: %s
                    from: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                  egress:
                  - name: deny-all-egress-to-slytherin
                    action: %s
                    to: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject:
                    namespaces: {matchLabels: {conformance-house: gryffindor}}
                  ingress:
                  - name: deny-all-ingress-from-slytherin
                    action: Deny
                    from: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                  egress:
                  - name: deny-all-egress-to-slytherin
                    action: Deny
                    to: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                """.formatted(ingressAction, egressAction) + (withNetworkPolicy ? """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-gress-from-to-slytherin-to-gryffindor, namespace: network-policy-conformance-gryffindor}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {conformance-house: slytherin}}}]
                  egress:
                  - to: [{namespaceSelector: {matchLabels: {conformance-house: slytherin}}}]
                """ : "");
    }

    /** The same as {@link #integration}, as ClusterNetworkPolicies. */
    private static String integrationV1alpha2(String ingressAction, String egressAction, boolean withNetworkPolicy) {
        String np = integration("Deny", "Deny", withNetworkPolicy);
        return """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: pass-example}
                spec:
                  tier: Admin
                  priority: 10
                  subject:
                    namespaces: {matchLabels: {conformance-house: gryffindor}}
                  ingress:
                  - name: deny-all-ingress-from-slytherin
                    action: %s
                    from: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                  egress:
                  - name: deny-all-egress-to-slytherin
                    action: %s
                    to: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: baseline}
                spec:
                  tier: Baseline
                  priority: 0
                  subject:
                    namespaces: {matchLabels: {conformance-house: gryffindor}}
                  ingress:
                  - action: Deny
                    from: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                  egress:
                  - action: Deny
                    to: [{namespaces: {matchLabels: {conformance-house: slytherin}}}]
                """.formatted(ingressAction.equals("Allow") ? "Accept" : ingressAction,
                egressAction.equals("Allow") ? "Accept" : egressAction)
                + (withNetworkPolicy ? np.substring(np.lastIndexOf("---")) : "");
    }

    /** core-priority-field.yaml: Deny at 50, Pass at 60 (updated to 40 by the test), BANP Allow. */
    private static String priority(int passPriority) {
        String slytherinPods = "[{pods: {namespaceSelector: {matchLabels: {conformance-house: slytherin}},"
                + " podSelector: {matchLabels: {conformance-house: slytherin}}}}]";
        String subject = """
                  subject:
                    pods:
                      namespaceSelector: {matchLabels: {conformance-house: gryffindor}}
                      podSelector: {matchLabels: {conformance-house: gryffindor}}
                """;
        return """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: priority-50-example}
                spec:
                  priority: 50
                %s  ingress: [{name: deny-all-ingress-from-slytherin, action: Deny, from: %s}]
                  egress: [{name: deny-all-egress-to-slytherin, action: Deny, to: %s}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: old-priority-60-new-priority-40-example}
                spec:
                  priority: %d
                %s  ingress: [{name: pass-all-ingress-from-slytherin, action: Pass, from: %s}]
                  egress: [{name: pass-all-egress-to-slytherin, action: Pass, to: %s}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                %s  ingress: [{name: allow-all-ingress-from-slytherin, action: Allow, from: %s}]
                  egress: [{name: allow-all-egress-to-slytherin, action: Allow, to: %s}]
                """.formatted(subject, slytherinPods, slytherinPods, passPriority, subject, slytherinPods,
                slytherinPods, subject, slytherinPods, slytherinPods);
    }

    private static Cluster load(String policies) throws IOException {
        String base = Files.readString(Path.of("src/test/resources/tiers-conformance/base.yaml"));
        LoadResult r = Loader.loadString("in.yaml", base + "---\n" + policies);
        assertThat(r.diagnostics()).isEmpty();
        return r.cluster();
    }

    /** Whether every replica of {@code from} reaches every replica of {@code to}, or none does; else fails. */
    private static boolean poke(Cluster cluster, String from, String to, Protocol protocol, int port) {
        Explainer explainer = new Explainer(cluster, AnalysisOptions.DEFAULT);
        Workload src = workload(cluster, from);
        Workload dst = workload(cluster, to);
        int allowed = 0;
        for (Pod s : src.pods()) {
            for (Pod d : dst.pods()) {
                if (explainer.explain(new Target.PodTarget(src, s), new Target.PodTarget(dst, d), protocol, port).allowed()) {
                    allowed++;
                }
            }
        }
        assertThat(allowed).as("replica pairs allowed of " + from + " => " + to).isIn(0, 4);
        boolean analyzed = new Analyzer(AnalysisOptions.DEFAULT).analyze(cluster).connections().stream()
                .anyMatch(c -> c.src().id().equals(from) && c.dst().id().equals(to) && c.allowed().contains(protocol, port));
        assertThat(analyzed).as("analysis of " + from + " => " + to + " " + protocol + " " + port).isEqualTo(allowed == 4);
        return allowed == 4;
    }

    private static Workload workload(Cluster cluster, String id) {
        return cluster.workloads().stream().filter(w -> w.toString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void integration_anpDenies_ingressAndEgressBetweenSlytherinAndGryffindor() throws IOException {
        for (Cluster c : List.of(load(integration("Deny", "Deny", true)), load(integrationV1alpha2("Deny", "Deny", true)))) {
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isFalse();
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 8080)).isFalse();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isFalse();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 8080)).isFalse();
            // the subject's other traffic is not touched: the NetworkPolicy isolates gryffindor
            assertThat(poke(c, HUFFLEPUFF, GRYFFINDOR, Protocol.TCP, 80)).isFalse();
            assertThat(poke(c, HUFFLEPUFF, SLYTHERIN, Protocol.TCP, 80)).isTrue();
        }
    }

    @Test
    void integration_passIngress_respectsTheNetworkPolicyAllow() throws IOException {
        for (Cluster c : List.of(load(integration("Pass", "Deny", true)), load(integrationV1alpha2("Pass", "Deny", true)))) {
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isTrue();
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 8080)).isTrue();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isFalse();
        }
    }

    @Test
    void integration_passEgress_respectsTheNetworkPolicyAllow() throws IOException {
        for (Cluster c : List.of(load(integration("Pass", "Pass", true)), load(integrationV1alpha2("Pass", "Pass", true)))) {
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isTrue();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 8080)).isTrue();
        }
    }

    @Test
    void integration_passWithoutNetworkPolicy_respectsTheBaselineDeny() throws IOException {
        for (Cluster c : List.of(load(integration("Pass", "Pass", false)), load(integrationV1alpha2("Pass", "Pass", false)))) {
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isFalse();
            assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 8080)).isFalse();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isFalse();
            assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 8080)).isFalse();
            // nothing isolates gryffindor from hufflepuff: default allow
            assertThat(poke(c, HUFFLEPUFF, GRYFFINDOR, Protocol.TCP, 80)).isTrue();
        }
    }

    @Test
    void priority_lowerNumberFirst_denyAt50BeatsPassAt60() throws IOException {
        Cluster c = load(priority(60));
        assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isFalse();
        assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 8080)).isFalse();
        assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isFalse();
        assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 8080)).isFalse();
    }

    @Test
    void priority_updatedTo40_passesBothDirectionsToTheBaselineAllow() throws IOException {
        Cluster c = load(priority(40));
        assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isTrue();
        assertThat(poke(c, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 8080)).isTrue();
        assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 80)).isTrue();
        assertThat(poke(c, GRYFFINDOR, SLYTHERIN, Protocol.TCP, 8080)).isTrue();
    }

    @Test
    void integration_withoutAdminPolicies_isPlainNetworkPolicy() throws IOException {
        Cluster c = load(integration("Deny", "Deny", true));
        Cluster plain = c.withAdminPolicies(List.of());
        assertThat(plain.policies()).extracting(NetworkPolicy::name).containsExactly("allow-gress-from-to-slytherin-to-gryffindor");
        assertThat(poke(plain, SLYTHERIN, GRYFFINDOR, Protocol.TCP, 80)).isTrue();
    }
}
