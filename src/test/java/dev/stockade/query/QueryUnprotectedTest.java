package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.report.QueryRenderer;
import org.junit.jupiter.api.Test;

class QueryUnprotectedTest {
    @Test
    void unprotected_fixture_listsDirectionsDriftingPodsAndHostNetwork() {
        Unprotected.Result r = Unprotected.run(QueryFixtures.fixture("unprotected.yaml"), ns -> true);

        assertThat(r.finding()).isTrue();
        assertThat(QueryRenderer.unprotected(r)).isEqualTo("""
                shop/drift: unprotected for egress (pods drift-b)
                shop/web: unprotected for egress
                tools/debug: unprotected for ingress and egress (namespace tools has no NetworkPolicy)
                infra/node-agent: on the host network (NetworkPolicies do not apply)
                3 of 5 workloads unprotected: 1 for ingress, 3 for egress; 1 on the host network
                """);
    }

    @Test
    void unprotected_hexabase_listsPlatformNamespacesAndWorkspaceEgress() {
        Unprotected.Result r = Unprotected.run(QueryFixtures.load(QueryFixtures.HEXABASE), ns -> true);

        assertThat(QueryRenderer.unprotected(r)).isEqualTo("""
                ingress-nginx/ingress-nginx-controller: unprotected for ingress and egress (namespace ingress-nginx has no NetworkPolicy)
                kube-system/coredns: unprotected for ingress and egress (namespace kube-system has no NetworkPolicy)
                workspace-b/experiments: unprotected for egress
                3 of 6 workloads unprotected: 2 for ingress, 3 for egress
                """);
    }

    @Test
    void unprotected_defaultDenyNamespace_isClean() {
        Unprotected.Result r = Unprotected.run(QueryFixtures.load(QueryFixtures.HEXABASE), "production"::equals);

        assertThat(r.finding()).isFalse();
        assertThat(QueryRenderer.unprotected(r)).isEqualTo("0 of 3 workloads unprotected\n");
    }

    @Test
    void unprotected_policyOfTheOtherDirectionOnly_leavesThatDirectionOpen() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: a, labels: {app: p}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: only-egress, namespace: a}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                """);

        Unprotected.Result r = Unprotected.run(c, ns -> true);

        assertThat(QueryRenderer.unprotected(r)).isEqualTo("""
                a/p: unprotected for ingress
                1 of 1 workload unprotected: 1 for ingress, 0 for egress
                """);
    }
}
