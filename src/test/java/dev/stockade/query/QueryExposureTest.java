package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.report.QueryRenderer;
import org.junit.jupiter.api.Test;

class QueryExposureTest {
    private static final String F = QueryFixtures.DIR + "exposure.yaml";

    @Test
    void exposure_fixture_listsExternalRangesAndNamespaceWideOpenings() {
        Exposure.Result r = Exposure.run(QueryFixtures.fixture("exposure.yaml"), AnalysisOptions.DEFAULT, ns -> true);

        assertThat(r.finding()).isTrue();
        assertThat(QueryRenderer.exposure(r)).isEqualTo("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                legacy/old-app
                  from every external address: All connections
                  from every namespace: All connections
                    no NetworkPolicy selects it for Ingress
                web/admin
                  from 203.0.113.0/24: TCP 22
                web/api
                  from every namespace: TCP 8080
                    %s:95: NetworkPolicy web/api-cluster: spec.ingress[0].from[0]: namespaceSelector {}
                web/site
                  from every external address: TCP 443
                4 of 5 workloads exposed: 3 to external addresses (2 from everywhere), 2 to every namespace
                """.formatted(F));
    }

    @Test
    void exposure_hexabase_reportsTheOpenPlatformNamespaces() {
        Exposure.Result r = Exposure.run(QueryFixtures.load(QueryFixtures.HEXABASE), AnalysisOptions.DEFAULT,
                ns -> true);

        assertThat(r.workloads()).filteredOn(Exposure.Finding::open).extracting(f -> f.workload().id())
                .containsExactly("ingress-nginx/ingress-nginx-controller", "kube-system/coredns");
        // the frontend is listed behind its Ingress, which is the designed way in, not an opening
        assertThat(r.workloads()).filteredOn(f -> !f.open()).extracting(f -> f.workload().id())
                .containsExactly("production/frontend");
    }

    @Test
    void exposure_defaultDenyWorkspace_isClean() {
        Exposure.Result r = Exposure.run(QueryFixtures.load(QueryFixtures.HEXABASE), AnalysisOptions.DEFAULT,
                "production"::equals);

        assertThat(r.finding()).isFalse();
        assertThat(QueryRenderer.exposure(r)).isEqualTo("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                production/frontend
                  through the ingress controller: Ingress production/shop-ingress spec.rules[0].http.paths[0].backend.service (examples/hexabase/edge.yaml:24) -> Service production/frontend -> TCP 8080: open
                0 of 3 workloads exposed: 0 to external addresses (0 from everywhere), 0 to every namespace, 1 behind routes
                """);
    }

    /** Different ranges with different ports: what all share is "every external address", the rest is listed. */
    @Test
    void exposure_rangesWithMorePortsThanEverywhere_areListed() {
        Exposure.Result r = Exposure.run(QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: a}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]
                    ports: [{port: 80}]
                  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
                    ports: [{port: 22}]
                """), AnalysisOptions.DEFAULT, ns -> true);

        assertThat(QueryRenderer.exposure(r)).isEqualTo("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                a/web
                  from every external address: TCP 80
                  from 10.0.0.0/8: TCP 22,80
                1 of 1 workload exposed: 1 to external addresses (1 from everywhere), 0 to every namespace
                """);
    }
}
