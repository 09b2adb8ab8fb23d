package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import dev.stockade.report.QueryRenderer;
import org.junit.jupiter.api.Test;

class QueryEquivalentTest {
    private static final String E = QueryFixtures.HEXABASE + "/";

    private static Cluster hexabaseWith(String policies) {
        return QueryFixtures.load(E + "namespaces.yaml", E + "workloads.yaml", policies);
    }

    private static Equivalence.Result compare(Cluster a, Cluster b) {
        return Equivalence.run(a, b, AnalysisOptions.DEFAULT, ns -> true);
    }

    @Test
    void equivalent_sameInput_isEquivalent() {
        Cluster c = QueryFixtures.load(QueryFixtures.HEXABASE);

        Equivalence.Result r = compare(c, c);

        assertThat(r.equivalent()).isTrue();
        assertThat(r.witness()).isNull();
        assertThat(QueryRenderer.equivalent(r, "A", "B")).isEqualTo("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                EQUIVALENT: A and B give the same connectivity (6 workloads)
                """);
    }

    @Test
    void equivalent_rewrittenPoliciesWithoutTheRedundantDefaultDeny_isEquivalent() {
        Equivalence.Result r = compare(hexabaseWith(E + "policies.yaml"),
                hexabaseWith(QueryFixtures.DIR + "hexabase-rewritten.yaml"));

        assertThat(r.equivalent()).isTrue();
    }

    @Test
    void equivalent_widerIpBlock_differsOnTheRefinedRangesWithAWitness() {
        Equivalence.Result r = compare(hexabaseWith(E + "policies.yaml"),
                hexabaseWith(QueryFixtures.DIR + "hexabase-wider-egress.yaml"));

        assertThat(r.equivalent()).isFalse();
        String text = QueryRenderer.equivalent(r, "A", "B");
        assertThat(text).startsWith("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                NOT EQUIVALENT: A and B differ in 2 connections
                production/backend => 192.168.100.0-192.168.100.9 : A No connections | B TCP 5432
                production/backend => 192.168.100.11-192.168.100.255 : A No connections | B TCP 5432

                witness: production/backend => 192.168.100.0-192.168.100.9 on TCP 5432 is allowed by B and blocked by A

                --- A
                BLOCKED: production/backend => 192.168.100.0 on TCP 5432  (ipBlock matches pod IPs; host-network pods are node traffic)
                """);
        assertThat(text).contains("\n--- B\nALLOWED: production/backend => 192.168.100.0 on TCP 5432");
        assertThat(r.witness().left()).noneMatch(v -> v.allowed());
        assertThat(r.witness().right()).allMatch(v -> v.allowed());
    }

    @Test
    void equivalent_swappedSides_mirrorTheDifferences() {
        Cluster a = hexabaseWith(E + "policies.yaml");
        Cluster b = hexabaseWith(QueryFixtures.DIR + "hexabase-wider-egress.yaml");

        Equivalence.Result ab = compare(a, b);
        Equivalence.Result ba = compare(b, a);

        assertThat(ba.differences()).hasSameSizeAs(ab.differences());
        for (int i = 0; i < ab.differences().size(); i++) {
            assertThat(ba.differences().get(i).left()).isEqualTo(ab.differences().get(i).right());
            assertThat(ba.differences().get(i).right()).isEqualTo(ab.differences().get(i).left());
        }
        assertThat(ba.witness().allowedByLeft()).isTrue();
    }

    @Test
    void equivalent_differentWorkloads_areListedAndNotEquivalent() {
        Cluster a = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a}
                spec: {containers: [{name: c, image: i}]}
                """);
        Cluster b = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: a}
                spec: {containers: [{name: c, image: i}]}
                """);

        Equivalence.Result r = compare(a, b);

        assertThat(r.equivalent()).isFalse();
        assertThat(QueryRenderer.equivalent(r, "A", "B")).isEqualTo("""
                # ipBlock matches pod IPs; host-network pods are node traffic
                NOT EQUIVALENT: A and B differ in 0 connections and 2 workloads
                workloads only in A: a/web
                workloads only in B: a/api
                """);
    }

    /** Ranges cut differently on each side but with the same connectivity compare equal. */
    @Test
    void equivalent_sameConnectivityWithDifferentIpBlockCuts_isEquivalent() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                ---
                """;
        Cluster whole = QueryFixtures.yaml(pod + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
                """);
        Cluster halves = QueryFixtures.yaml(pod + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/9}}, {ipBlock: {cidr: 10.128.0.0/9}}]}]
                """);
        Cluster lessOne = QueryFixtures.yaml(pod + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.2.3/32]}}]}]
                """);

        assertThat(compare(whole, halves).equivalent()).isTrue();
        Equivalence.Result r = compare(halves, lessOne);
        assertThat(r.differences()).singleElement().satisfies(d -> {
            assertThat(d.src().id()).isEqualTo("10.1.2.3/32");
            assertThat(d.dst().id()).isEqualTo("a/web");
        });
        assertThat(r.witness().port()).isEqualTo(1);
    }

    /**
     * The entrances example without its controller workload (so the controller is assumed): the
     * only difference between the policy sets is what the routes reach, the controller's pair.
     */
    @Test
    void equivalent_onlyTheIngressControllerDiffers_listsItsPair() {
        String x = "examples/entrances/";
        String w = "src/test/resources/golden-inputs/entrances-changed/";
        Cluster a = QueryFixtures.load(x + "namespaces.yaml", x + "entrances.yaml", x + "policies.yaml");
        Cluster b = QueryFixtures.load(x + "namespaces.yaml", x + "entrances.yaml", w + "policies.yaml");
        Cluster workloadsOnly = QueryFixtures.load(x + "workloads.yaml");
        java.util.List<dev.stockade.model.Workload> apps = workloadsOnly.workloads().stream()
                .filter(wl -> !wl.namespace().equals("ingress-nginx")).toList();

        Equivalence.Result r = compare(a.withContents(a.namespaces(), apps), b.withContents(b.namespaces(), apps));

        assertThat(r.equivalent()).isFalse();
        assertThat(r.differences()).extracting(d -> d.src().id() + " => " + d.dst().id() + " : " + d.left() + " | "
                + d.right()).containsExactly("{ingress-controller} => shop/api : TCP 9000 | TCP 9000,9443");
        assertThat(r.witness().right()).allMatch(dev.stockade.engine.Verdict::allowed);
    }
}
