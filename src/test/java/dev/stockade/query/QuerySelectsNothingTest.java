package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.report.QueryRenderer;
import org.junit.jupiter.api.Test;

class QuerySelectsNothingTest {
    private static final String F = QueryFixtures.DIR + "selects-nothing.yaml";

    @Test
    void selectsNothing_fixture_reportsEachSelectorWithPathAndHints() {
        SelectsNothing.Result r = SelectsNothing.run(QueryFixtures.fixture("selects-nothing.yaml"), ns -> true);

        assertThat(r.finding()).isTrue();
        assertThat(QueryRenderer.selectsNothing(r)).isEqualTo(F + ":57: NetworkPolicy shop/web-typo: spec.podSelector:"
                + " podSelector app=wbe selects no pod in namespace shop (did you mean app=web?)\n"
                + F + ":72: NetworkPolicy shop/api: spec.ingress[0].from[1]: podSelector app=prometheus matches no pod"
                + " in namespace shop (it matches pods in namespace ops; a podSelector alone selects pods of the"
                + " policy's namespace only; add a namespaceSelector)\n"
                + F + ":73: NetworkPolicy shop/api: spec.ingress[0].from[2]: namespaceSelector team=opz matches no"
                + " namespace (did you mean team=ops?)\n"
                + F + ":76: NetworkPolicy shop/api: spec.ingress[0].from[4]: namespaceSelector team=ops and podSelector"
                + " ap=prometheus matches no pod in namespace ops (did you mean app=prometheus?)\n"
                + F + ":79: NetworkPolicy shop/api: spec.ingress[0].from[6]: podSelector tier in (frontedn) matches no"
                + " pod in namespace shop (did you mean tier in (frontend)?)\n"
                + F + ":81: NetworkPolicy shop/api: spec.ingress[0].from[7]: podSelector app=agent matches no pod in"
                + " namespace shop (it matches only host-network pods, which NetworkPolicy selectors never match)\n"
                + F + ":84: NetworkPolicy shop/api: spec.egress[0].to[0]: namespaceSelector team=staging matches"
                + " namespace staging, which has no pods\n"
                + F + ":87: NetworkPolicy default/web-ingress: spec.podSelector: podSelector app=web selects no pod in"
                + " namespace default, which has no workloads in the input (it matches pods in namespace shop; a"
                + " policy selects pods of its own namespace only)\n"
                + "8 selectors match nothing (3 policies and 8 selector peers checked)\n");
    }

    @Test
    void selectsNothing_namespaceFilter_checksOnlyThatNamespacesPolicies() {
        SelectsNothing.Result r = SelectsNothing.run(QueryFixtures.fixture("selects-nothing.yaml"), "default"::equals);

        assertThat(r.findings()).extracting(SelectsNothing.Finding::path).containsExactly("spec.podSelector");
        assertThat(r.policies()).isEqualTo(1);
        assertThat(r.peers()).isZero();
    }

    @Test
    void selectsNothing_hexabase_isClean() {
        SelectsNothing.Result r = SelectsNothing.run(QueryFixtures.load(QueryFixtures.HEXABASE), ns -> true);

        assertThat(r.finding()).isFalse();
        assertThat(QueryRenderer.selectsNothing(r))
                .isEqualTo("0 selectors match nothing (9 policies and 7 selector peers checked)\n");
    }

    @Test
    void selectsNothing_twoEditsAway_givesNoHint() {
        SelectsNothing.Result r = SelectsNothing.run(QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: frontend}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {matchLabels: {app: frnotedn}}
                """), ns -> true);

        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo("selects no pod in namespace a");
            assertThat(f.hints()).isEmpty();
        });
    }
}
