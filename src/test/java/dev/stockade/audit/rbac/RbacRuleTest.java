package dev.stockade.audit.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditContext;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RBAC authorizer's matching, as truth tables, and aggregation over the input. */
class RbacRuleTest {
    private static RbacRule rule(List<String> groups, List<String> resources, List<String> verbs, List<String> names) {
        return new RbacRule(0, groups, resources, verbs, names, List.of());
    }

    /** Rows: a rule's resources; columns: requested resource; X where the rule matches it. */
    @Test
    void resource_matchesLikeTheAuthorizer() {
        List<String> requests = List.of("pods", "pods/exec", "pods/attach", "nodes/proxy");
        String expected = """
                *          X X X X
                pods       X . . .
                pods/*     . . . .
                */exec     . X . .
                pods/exec  . X . .
                */proxy    . . . X
                """;
        StringBuilder actual = new StringBuilder();
        for (String written : List.of("*", "pods", "pods/*", "*/exec", "pods/exec", "*/proxy")) {
            RbacRule r = rule(List.of(""), List.of(written), List.of("get"), List.of());
            List<String> cells = new ArrayList<>();
            for (String req : requests) {
                String[] parts = req.split("/", 2);
                cells.add(r.resource(parts[0], parts.length > 1 ? parts[1] : "") ? "X" : ".");
            }
            actual.append(String.format("%-10s ", written)).append(String.join(" ", cells)).append('\n');
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    @Test
    void group_coreIsTheEmptyString() {
        assertThat(rule(List.of(""), List.of("pods"), List.of("get"), List.of()).group("")).isTrue();
        assertThat(rule(List.of(""), List.of("pods"), List.of("get"), List.of()).group("apps")).isFalse();
        assertThat(rule(List.of("*"), List.of("pods"), List.of("get"), List.of()).group("apps")).isTrue();
        assertThat(rule(List.of("apps"), List.of("pods"), List.of("get"), List.of()).group("")).isFalse();
    }

    @Test
    void verb_prefersTheWrittenVerbOverTheWildcard() {
        RbacRule r = rule(List.of(""), List.of("pods"), List.of("*", "get"), List.of());
        assertThat(r.verb("get")).isEqualTo(1);
        assertThat(r.verb("delete")).isEqualTo(0);
        assertThat(rule(List.of(""), List.of("pods"), List.of("get"), List.of()).verb("list")).isEqualTo(-1);
    }

    @Test
    void everything_onlyWithoutResourceNames() {
        assertThat(rule(List.of("*"), List.of("*"), List.of("*"), List.of()).everything()).isTrue();
        assertThat(rule(List.of("*"), List.of("*"), List.of("*"), List.of("x")).everything()).isFalse();
        assertThat(rule(List.of("*"), List.of("*"), List.of("get"), List.of()).everything()).isFalse();
    }

    @Test
    void effectiveRules_followAggregationTransitivelyAndStopAtCycles() {
        String yaml = """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: a, labels: {agg: b}}
                aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: a}}]}
                rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: b, labels: {agg: a}}
                aggregationRule: {clusterRoleSelectors: [{matchLabels: {agg: b}}, {matchLabels: {agg: c}}]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: c, labels: {agg: c}}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [list]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: d, labels: {agg: other}}
                rules: [{apiGroups: [""], resources: [nodes], verbs: [list]}]
                """;
        LoadResult r = Loader.loadString("agg.yaml", yaml, true);
        RbacIndex index = new RbacIndex(new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT));
        RoleObject a = index.roles().getFirst();
        assertThat(index.effectiveRules(a)).extracting(s -> s.role().raw().name() + ":" + s.rule().resources())
                .containsExactly("a:[pods]", "c:[secrets]");
    }
}
