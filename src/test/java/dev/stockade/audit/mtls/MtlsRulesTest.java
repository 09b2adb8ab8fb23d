package dev.stockade.audit.mtls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.generate.MutualTls;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Istio's mode inheritance as truth tables, DestinationRule hosts, and what {@code generate mtls} writes. */
class MtlsRulesTest {
    private static final String WORKSPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: production
              labels: {istio-injection: enabled}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: production, labels: {app: web}}
            spec:
              containers: [{name: web, image: web:1.0}]
            """;

    static List<Finding> run(List<Rule> rules, String yaml) {
        LoadResult r = Loader.loadString("m.yaml", yaml, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true), AuditConfig.DEFAULT);
        return Auditor.run(ctx, rules, AuditBaseline.EMPTY).findings();
    }

    static List<Rule> mtlsRules() {
        return Catalogue.rules().stream().filter(r -> r.id().startsWith("MTLS")).toList();
    }

    @Test
    void generatedStrictPolicy_passesEveryMtlsRule() {
        String generated = MutualTls.generate("production", MutualTls.Mode.STRICT);
        assertThat(run(mtlsRules(), WORKSPACE + "---\n" + generated)).isEmpty();
        assertThat(run(mtlsRules(), WORKSPACE)).extracting(Finding::ruleId).containsExactly("MTLS003");
    }

    @Test
    void generatedPermissivePolicy_isReportedAsPermissive() {
        String generated = MutualTls.generate("production", MutualTls.Mode.PERMISSIVE);
        assertThat(run(mtlsRules(), WORKSPACE + "---\n" + generated)).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("MTLS002", "MTLS003");
    }

    private static String pa(String namespace, String name, String selector, String mode) {
        return "apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata: {name: " + name
                + ", namespace: " + namespace + "}\nspec:\n"
                + (selector.isEmpty() ? "" : "  selector: {matchLabels: {app: " + selector + "}}\n")
                + (mode.isEmpty() ? "" : "  mtls: {mode: " + mode + "}\n") + "---\n";
    }

    /**
     * The namespace's effective mode and whether a workload policy weakens it, for every mesh
     * mode (none, set) × namespace mode (none, UNSET, set) × workload mode.
     */
    @ParameterizedTest(name = "mesh {0}, namespace {1}, workload {2} -> namespace {3}, MTLS004 on workload {4}")
    @CsvSource({
            "'', '', '', PERMISSIVE, false",
            "STRICT, '', '', STRICT, false",
            "STRICT, UNSET, '', STRICT, false",
            "STRICT, PERMISSIVE, '', PERMISSIVE, false",
            "PERMISSIVE, STRICT, '', STRICT, false",
            "'', STRICT, PERMISSIVE, STRICT, true",
            "STRICT, '', DISABLE, STRICT, true",
            "STRICT, PERMISSIVE, DISABLE, PERMISSIVE, true",
            "STRICT, PERMISSIVE, PERMISSIVE, PERMISSIVE, false",
            "DISABLE, '', PERMISSIVE, DISABLE, false",
            "STRICT, '', UNSET, STRICT, false",
            "'', '', STRICT, PERMISSIVE, false",
    })
    void inheritance_meshNamespaceWorkload(String mesh, String namespace, String workload, String effective,
                                           boolean weakened) {
        String yaml = (mesh.isEmpty() ? "" : pa("istio-system", "default", "", mesh))
                + (namespace.isEmpty() ? "" : pa("shop", "default", "", namespace))
                + (workload.isEmpty() ? "" : pa("shop", "web", "web", workload))
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n"
                + "spec: {containers: [{name: web, image: web:1.0}]}\n";
        LoadResult r = Loader.loadString("m.yaml", yaml, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true));
        assertThat(Mesh.Policies.of(ctx, "istio-system").namespaceMode("shop")).hasToString(effective);
        List<Finding> weaker = run(List.of(new WeakerThanParent()), yaml);
        assertThat(weaker.stream().anyMatch(f -> f.object().name().equals("web"))).isEqualTo(weakened);
        assertThat(run(List.of(new WorkspaceNotStrict()), yaml)).hasSize(effective.equals("STRICT") ? 0 : 1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "reviews, true",
            "reviews.prod.svc.cluster.local, true",
            "reviews.prod.svc, true",
            "*.prod.svc.cluster.local, true",
            "*, true",
            "*.cluster.local, true",
            "api.example.com, false",
            "reviews.prod, false",
            "cluster.local.example.com, false",
    })
    void inMesh_shortNamesAndMeshDomains(String host, boolean inMesh) {
        assertThat(DestinationTlsDisabled.inMesh(host, List.of("cluster.local"))).isEqualTo(inMesh);
    }

    @Test
    void inMesh_otherMeshDomain() {
        assertThat(DestinationTlsDisabled.inMesh("api.shop.svc.corp.internal", List.of("corp.internal"))).isTrue();
        assertThat(DestinationTlsDisabled.inMesh("api.shop.svc.cluster.local.evil.com", List.of("cluster.local")))
                .isFalse();
    }

    @Test
    void injection_labels() {
        assertThat(StrictWithoutSidecar.injected(dev.stockade.model.Labels.of("istio-injection", "enabled"))).isTrue();
        assertThat(StrictWithoutSidecar.injected(dev.stockade.model.Labels.of("istio.io/rev", "1-24"))).isTrue();
        assertThat(StrictWithoutSidecar.injected(dev.stockade.model.Labels.of("istio-injection", "disabled",
                "istio.io/rev", "1-24"))).isFalse();
        assertThat(StrictWithoutSidecar.injected(dev.stockade.model.Labels.of("istio.io/dataplane-mode", "ambient")))
                .isTrue();
        assertThat(StrictWithoutSidecar.injected(dev.stockade.model.Labels.EMPTY)).isFalse();
    }
}
