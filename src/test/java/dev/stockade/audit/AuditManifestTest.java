package dev.stockade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objects as written: every kind kept, positions exact in multi-document files, paths round-trip. */
class AuditManifestTest {
    private static final String YAML = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: NodePort
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: api
                annotations: {stockade.dev/ignore: "NET004,NET005 fronted by the mesh"}
              spec:
                template:
                  spec:
                    containers:
                    - name: api
                      securityContext:
                        privileged: true
                      image: i
            """;

    @Test
    void manifests_everyKindWithExactPositions() {
        LoadResult r = Loader.loadString("m.yaml", YAML, true);
        List<RawObject> objects = r.manifests();
        assertThat(objects).extracting(o -> o.ref().toString())
                .containsExactly("Service shop/web", "Deployment default/api");
        RawObject api = objects.get(1);
        assertThat(Loader.loadString("m.yaml", YAML).manifests()).as("kept only on request").isEmpty();
        FieldPath privileged = FieldPath.parse("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(api.locate(privileged)).isEqualTo(new Source("m.yaml", 21, 13));
        assertThat(api.at(privileged).orElseThrow().isTrue()).isTrue();
        // a missing field points at its nearest parent
        assertThat(api.locate(FieldPath.parse("spec.template.spec.containers[0].securityContext.runAsNonRoot")))
                .isEqualTo(new Source("m.yaml", 20, 11));
        assertThat(objects.get(0).at("spec.type").flatMap(n -> n.text())).contains("NodePort");
        assertThat(Suppressions.reason(api, "NET005")).contains("fronted by the mesh");
        assertThat(Suppressions.reason(api, "NET001")).isEmpty();
    }

    @Test
    void fieldPath_parseAndPrint_roundTrip() {
        for (String p : List.of("spec.ingress[0].from[1].ipBlock.cidr", "metadata.annotations[\"stockade.dev/ignore\"]",
                "spec.jobTemplate.spec.template.spec.containers[2].ports[0].hostPort")) {
            assertThat(FieldPath.parse(p).toString()).isEqualTo(p);
        }
        assertThat(FieldPath.parse("metadata.annotations[\"stockade.dev/ignore\"]").steps())
                .containsExactly("metadata", "annotations", "stockade.dev/ignore");
    }

    @Test
    void suppression_parsesIdsAndReason() {
        assertThat(Suppressions.parse("NET001,NET004 legacy app, see TICKET-1", "NET004")).contains("legacy app, see TICKET-1");
        assertThat(Suppressions.parse("NET001", "NET001")).contains(Suppressions.NO_REASON);
        assertThat(Suppressions.parse("NET0011 x", "NET001")).isEmpty();
    }

    @Test
    void suppression_onTheWorkload_coversFindingsReportedAtItsPolicy() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from: [{namespaceSelector: {}}]
                    ports: [{port: 8080}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  annotations: {stockade.dev/ignore: "REACH001 shared service for every workspace"}
                spec:
                  containers: [{name: web, image: web:1.0}]
                """;
        LoadResult r = Loader.loadString("w.yaml", yaml, true);
        AuditReport report = Auditor.run(new AuditContext(r.cluster(), r.manifests(),
                dev.stockade.engine.AnalysisOptions.DEFAULT));
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("REACH001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.object().toString()).isEqualTo("NetworkPolicy shop/web");
                    assertThat(f.suppression()).isEqualTo("shared service for every workspace");
                });
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("NET011")).singleElement()
                .satisfies(f -> assertThat(f.suppressed()).isFalse());
    }

    /** The hardened workspace of the example (default deny both ways, narrow allows, DNS) has no finding. */
    @Test
    void hexabase_productionWorkspace_hasNoFinding() {
        LoadResult r = Loader.load(List.of("examples/hexabase"), java.io.InputStream.nullInputStream(), true);
        AuditReport report = Auditor.run(new AuditContext(r.cluster(), r.manifests(),
                dev.stockade.engine.AnalysisOptions.DEFAULT));
        assertThat(report.findings()).filteredOn(f -> f.object().namespace().equals("production")
                || f.object().name().equals("production")).isEmpty();
        assertThat(report.findings()).isNotEmpty();
    }

    @Test
    void manifests_ofAKindNotDeclaredAsRead_isRefused() {
        LoadResult r = Loader.loadString("m.yaml", YAML, true);
        AuditContext context = new AuditContext(r.cluster(), r.manifests(), dev.stockade.engine.AnalysisOptions.DEFAULT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.manifests("Certificate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Certificate is not in"
                        + " AuditContext.KINDS_READ, so the loader does not keep its objects as written for audit");
        assertThat(context.manifests("ConfigMap")).isNotNull();
    }
}
