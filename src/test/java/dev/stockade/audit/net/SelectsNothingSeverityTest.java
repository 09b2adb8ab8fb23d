package dev.stockade.audit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Finding;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NET006/NET007: a note when a selector matches nothing, a warning when it is one edit from a label in use. */
class SelectsNothingSeverityTest {
    private static final String SHOP = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: web, image: web:1.0}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: typo, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: wbe}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: elsewhere, namespace: shop}
            spec:
              podSelector: {matchLabels: {tier: batch}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: peers, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - from: [{podSelector: {matchLabels: {app: wbe}}}]
              - from: [{podSelector: {matchLabels: {tier: batch}}}]
            """;

    private static List<String> run() {
        LoadResult r = Loader.loadString("m.yaml", SHOP, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true), AuditConfig.DEFAULT);
        return Auditor.run(ctx, List.of(new PolicySelectsNothing(), new PeerSelectsNothing()), AuditBaseline.EMPTY)
                .findings().stream().map(SelectsNothingSeverityTest::line).toList();
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.object().name() + " " + f.path();
    }

    @Test
    void selectorOneEditFromALabelInUse_isAWarning_otherwiseANote() {
        assertThat(run()).containsExactlyInAnyOrder(
                "NET006 warning typo spec.podSelector",
                "NET006 note elsewhere spec.podSelector",
                "NET007 warning peers spec.ingress[0].from[0]",
                "NET007 note peers spec.ingress[1].from[0]");
    }
}
