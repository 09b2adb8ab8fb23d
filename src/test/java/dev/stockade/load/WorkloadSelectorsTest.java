package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Labels;
import dev.stockade.model.Workload;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A controller whose selector does not select its template's pods is refused, as the API server
 * refuses it; what the API server accepts by defaulting (an old API version's absent selector, a
 * ReplicationController's, a Job's generated one) loads, with the labels the API server gives.
 */
@Tag("hostile")
class WorkloadSelectorsTest {
    private static final String PROD = "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\n";

    @Test
    void load_deploymentWhoseSelectorMissesItsTemplate_isRefusedAndTheRestStillLoads() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: frontend}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: prod}
                spec:
                  selector: {matchExpressions: [{key: app, operator: In, values: [api, api2]}]}
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly("in.yaml:11:24: error: Deployment"
                + " prod/web: spec.template.metadata.labels: the template's labels app=frontend do not match the"
                + " selector app=web (expected labels the selector selects: the controller manages only the pods its"
                + " selector matches)");
        assertThat(r.cluster().workloads()).map(Workload::toString).containsExactly("prod/api");
    }

    @Test
    void load_selectorMissingTheTemplateBesideAnotherError_bothAreReported() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: frontend}}
                    spec: {containers: [{name: c}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: prod}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: on}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly(
                "in.yaml:12:25: error: Deployment prod/web: spec.template.spec.containers[0].image: is required"
                        + " (expected the container's image, e.g. nginx:1.27)",
                "in.yaml:11:24: error: Deployment prod/web: spec.template.metadata.labels: the template's labels"
                        + " app=frontend do not match the selector app=web (expected labels the selector selects: the"
                        + " controller manages only the pods its selector matches)",
                "in.yaml:20:30: error: Deployment prod/api: spec.template.metadata.labels.app: on is read as the"
                        + " boolean true by kubectl (YAML 1.1), not as a string (quote it: \"on\")");
    }

    @Test
    void load_oldApiVersionWithoutSelector_defaultsItToTheTemplateLabels() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: extensions/v1beta1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: legacy, namespace: prod}
                spec:
                  template:
                    metadata: {labels: {app: legacy}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().workloads()).map(Workload::toString).containsExactly("prod/web", "prod/legacy");
    }

    @Test
    void load_replicationControllerSelectorMissingTheTemplate_isRefused() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: legacy, namespace: prod}
                spec:
                  selector: {app: legacy, tier: db}
                  template:
                    metadata: {labels: {app: legacy}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly("in.yaml:11:24: error:"
                + " ReplicationController prod/legacy: spec.template.metadata.labels: the template's labels"
                + " app=legacy do not match the selector app=legacy,tier=db (expected labels the selector selects:"
                + " the controller manages only the pods its selector matches)");
        assertThat(r.cluster().workloads()).isEmpty();
    }

    @Test
    void load_jobWithoutSelector_getsTheJobNameLabelsTheApiServerAdds() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: prod}
                spec:
                  template:
                    metadata: {labels: {app: migrate}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().workloads().getFirst().pods().getFirst().labels()).isEqualTo(Labels.of("app",
                "migrate", "batch.kubernetes.io/job-name", "migrate", "job-name", "migrate"));
    }

    @Test
    void load_jobAsTheApiServerReturnsIt_loadsWithItsGeneratedSelector() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: prod, uid: 8f1c2d3e-0000-4000-8000-000000000001}
                spec:
                  selector:
                    matchLabels: {batch.kubernetes.io/controller-uid: 8f1c2d3e-0000-4000-8000-000000000001}
                  template:
                    metadata:
                      labels:
                        batch.kubernetes.io/controller-uid: 8f1c2d3e-0000-4000-8000-000000000001
                        batch.kubernetes.io/job-name: migrate
                        controller-uid: 8f1c2d3e-0000-4000-8000-000000000001
                        job-name: migrate
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: manual, namespace: prod}
                spec:
                  manualSelector: true
                  selector: {matchLabels: {app: manual}}
                  template:
                    metadata: {labels: {app: manual}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().workloads()).map(Workload::toString).containsExactly("prod/migrate", "prod/manual");
        assertThat(r.cluster().workloads().get(1).pods().getFirst().labels()).isEqualTo(Labels.of("app", "manual"));
    }

    @Test
    void load_jobWithManualSelectorMissingTheTemplate_isRefused() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: manual, namespace: prod}
                spec:
                  manualSelector: true
                  selector: {matchLabels: {app: manual}}
                  template:
                    metadata: {labels: {app: other}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly("in.yaml:12:24: error: Job"
                + " prod/manual: spec.template.metadata.labels: the template's labels app=other do not match the"
                + " selector app=manual (expected labels the selector selects: the controller manages only the pods"
                + " its selector matches)");
    }
}
