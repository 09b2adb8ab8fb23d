package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** YAML read as kubectl reads it: YAML 1.1 scalars where they change the object, and merge keys. */
class KubectlYamlTest {
    private static final String NAMESPACE = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n";

    private static LoadResult load(String yaml) {
        return Loader.loadString("in.yaml", yaml + NAMESPACE);
    }

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static List<String> labels(LoadResult r) {
        return r.cluster().workloads().stream().flatMap(w -> w.pods().stream()).map(p -> p.labels().toString())
                .toList();
    }

    @Nested
    class Scalars {
        @Test
        void load_unquotedOnAsALabelValue_isAnErrorAtItsPosition() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        feature: on
                        quoted: "on"
                      annotations:
                        enabled: yes
                        replicas: 1_000
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:10:14: error: Pod prod/p: metadata.annotations.enabled: yes is read as the boolean true"
                            + " by kubectl (YAML 1.1), not as a string (quote it: \"yes\")",
                    "in.yaml:11:15: error: Pod prod/p: metadata.annotations.replicas: 1_000 is read as the number"
                            + " 1000 by kubectl (YAML 1.1), not as a string (quote it: \"1_000\")",
                    "in.yaml:7:14: error: Pod prod/p: metadata.labels.feature: on is read as the boolean true by"
                            + " kubectl (YAML 1.1), not as a string (quote it: \"on\")");
            assertThat(r.cluster().workloads()).isEmpty();
        }

        @Test
        void load_yamlOneOneWordsInSelectorsAndNames_areErrorsWhereAStringIsExpected() {
            LoadResult r = load("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: prod}
                    spec:
                      podSelector:
                        matchLabels: {legacy: n, tier: "off"}
                        matchExpressions:
                        - {key: tier, operator: In, values: ["off", Off]}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:27: error: NetworkPolicy prod/np: spec.podSelector.matchLabels.legacy: n is read as the"
                            + " boolean false by kubectl (YAML 1.1), not as a string (quote it: \"n\")",
                    "in.yaml:8:49: error: NetworkPolicy prod/np: spec.podSelector.matchExpressions[0].values[1]: Off"
                            + " is read as the boolean false by kubectl (YAML 1.1), not as a string (quote it:"
                            + " \"Off\")");
        }

        @Test
        void load_nameReadAsABoolean_isOneErrorNotAlsoAMissingName() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: on}
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: 123}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:3:18: error: Namespace on: metadata.name: on is read as the boolean true by kubectl"
                            + " (YAML 1.1), not as a string (quote it: \"on\")",
                    "in.yaml:7:18: error: Namespace 123: metadata.name: expected a string, found the number 123"
                            + " (quote it: \"123\")");
        }

        @Test
        void load_yamlOneOneBooleansAndNumbers_readAsKubectlReadsThem() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p, namespace: prod, labels: {app: web}}
                    spec:
                      hostNetwork: yes
                      containers:
                      - name: c
                        ports: [{containerPort: 0x1F90}, {containerPort: 1_0_0_0}, {containerPort: 08}, {containerPort: 80.0}]
                        image: i
                    """);

            assertThat(lines(r)).isEmpty();
            Pod pod = r.cluster().workloads().get(0).pods().get(0);
            assertThat(pod.hostNetwork()).isTrue();
            assertThat(pod.ports()).extracting(Object::toString).containsExactly("TCP 8080", "TCP 1000", "TCP 8",
                    "TCP 80");
        }

        @Test
        void load_leadingZeroPort_isOctalAsKubectlReadsIt_withAWarning() {
            LoadResult r = load("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: prod}
                    spec:
                      podSelector: {}
                      ingress:
                      - ports: [{port: 0443}, {port: 0080}, {port: 0808}, {port: 0o17}]
                    """);

            // 0080 and 0808 have digits no octal number has: floats to kubectl, 80 and 808 as written
            assertThat(lines(r)).containsExactly("in.yaml:7:20: warning: NetworkPolicy prod/np:"
                    + " spec.ingress[0].ports[0].port: 0443 is read as the octal number 291 by kubectl (YAML 1.1: a"
                    + " leading 0 makes it octal), not as 443 (write 291 if that is meant, or 443 without the leading"
                    + " 0)");
            assertThat(r.cluster().policies().get(0).ingress().get(0).ports()).extracting(Object::toString)
                    .containsExactly("TCP 291", "TCP 80", "TCP 808", "TCP 15");
        }

        @Test
        void load_keyReadAsABoolean_isRenamedAsKubectlRenamesIt() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels: {yes: a, "no": b}
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:6:12: warning: Pod prod/p: metadata.labels: key yes is read as"
                    + " the boolean true by kubectl (YAML 1.1), which names the field \"true\" (quote the key if \"yes\""
                    + " is meant)");
            assertThat(labels(r)).containsExactly("no=b,true=a");
        }

        @Test
        void load_nullKey_isAnError() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p, namespace: prod, labels: {~: a}}
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:3:47: error: Pod prod/p: metadata.labels: ~ is read as a null"
                    + " key by kubectl (YAML 1.1), which it cannot convert to JSON (expected a key; quote it: \"~\")");
        }
    }

    @Nested
    class MergeKeysAsKubectl {
        @Test
        void load_mergeKey_writesTheAnchorsFields_explicitKeysAfterItWin() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: List
                    items:
                    - apiVersion: v1
                      kind: Pod
                      metadata:
                        name: a
                        namespace: prod
                        labels: &common {app: shop, tier: web}
                      spec: {containers: [{name: c, image: i}]}
                    - apiVersion: v1
                      kind: Pod
                      metadata:
                        name: b
                        namespace: prod
                        labels:
                          <<: *common
                          tier: db
                      spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(labels(r)).containsExactly("app=shop,tier=web", "app=shop,tier=db");
        }

        @Test
        void load_mergeKeyList_earlierMappingsWin() {
            LoadResult r = load("""
                    x-base: &base {app: base, tier: base, team: a}
                    x-web: &web {app: web, tier: web}
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        <<: [*web, *base]
                        team: b
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:1:1: warning: Pod prod/p: x-base: unknown field \"x-base\"; it is ignored",
                    "in.yaml:2:1: warning: Pod prod/p: x-web: unknown field \"x-web\"; it is ignored");
            assertThat(labels(r)).containsExactly("app=web,team=b,tier=web");
        }

        @Test
        void load_keyBeforeTheMergeKey_isOverriddenAsKubectlDoes_withAWarning() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        tier: db
                        <<: &defaults {app: shop, tier: web}
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:7:5: warning: key \"tier\" is overridden by the merge key <<"
                    + " at line 8 (kubectl applies a merge key where it is written; write the key after <<, or leave it"
                    + " out)");
            assertThat(labels(r)).containsExactly("app=shop,tier=web");
        }

        @Test
        void load_mergedField_isReportedWhereTheAnchorWritesIt() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      annotations: &bad {note: yes}
                      labels:
                        <<: *bad
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:28: error: Pod prod/p: metadata.annotations.note: yes is read as the boolean true by"
                            + " kubectl (YAML 1.1), not as a string (quote it: \"yes\")",
                    "in.yaml:6:28: error: Pod prod/p: metadata.labels.note: yes is read as the boolean true by kubectl"
                            + " (YAML 1.1), not as a string (quote it: \"yes\")");
        }

        @Test
        void load_mergeKeyOfAScalar_isAnErrorAndTheDocumentIsSkipped() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        <<: [{app: a}, shop]
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:7:20: error: the merge key << takes a mapping or a list of"
                    + " mappings (an alias such as *defaults), found the string \"shop\"; the document is skipped");
            assertThat(r.cluster().workloads()).isEmpty();
        }

        @Test
        void load_quotedMergeKey_isAnOrdinaryKey() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        "<<": {app: a}
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:7:5: error: Pod prod/p: metadata.labels.<<: \"<<\" is not a valid label key (expected up"
                            + " to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, with"
                            + " an optional DNS prefix and '/')",
                    "in.yaml:7:11: error: Pod prod/p: metadata.labels.<<: expected a string, found a mapping");
        }

        @Test
        @Tag("hostile")
        void load_mergeKeysOverABillionLaughs_areRefusedBeforeMerging() {
            StringBuilder sb = new StringBuilder("a0: &a0 {x: 1}\n");
            for (int i = 1; i <= 20; i++) {
                sb.append("a").append(i).append(": &a").append(i).append(" {<<: [*a").append(i - 1).append(", *a")
                        .append(i - 1).append("], l: [*a").append(i - 1).append(", *a").append(i - 1).append("]}\n");
            }
            String bomb = sb.append("kind: Pod\n").toString();
            LoadResult[] r = new LoadResult[1];
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                r[0] = Loader.loadString("in.yaml", bomb);
            });

            assertThat(lines(r[0])).hasSize(1).first().asString().startsWith("in.yaml:1:1: error: YAML aliases expand"
                    + " this document from ").endsWith(" nodes (expected at most 100000 more; this looks like a"
                    + " \"billion laughs\" YAML bomb)");
        }

        @Test
        @Tag("hostile")
        void load_mergeKeysThroughDeepAnchors_stayWithinTheNestingLimit() {
            String deep = "a: &d " + "{b: ".repeat(150) + "{}" + "}".repeat(150) + "\n"
                    + "c: " + "{b: ".repeat(60) + "{<<: *d}" + "}".repeat(60) + "\n";
            LoadResult r = Loader.loadString("in.yaml", deep);

            assertThat(lines(r)).containsExactly("in.yaml:2:249: error: YAML nesting is deeper than 200 levels"
                    + " (expected a Kubernetes manifest)");
        }
    }

    @Test
    void load_workloadTemplateWithMergedLabels_isAnalysedLikeWrittenOut() {
        LoadResult merged = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod, labels: &l {app: web, tier: front}}
                spec:
                  selector: {matchLabels: *l}
                  template:
                    metadata: {labels: {<<: *l, version: v1}}
                    spec: {containers: [{name: c, image: i}]}
                """);
        LoadResult written = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod, labels: {app: web, tier: front}}
                spec:
                  selector: {matchLabels: {app: web, tier: front}}
                  template:
                    metadata: {labels: {app: web, tier: front, version: v1}}
                    spec: {containers: [{name: c, image: i}]}
                """);

        assertThat(lines(merged)).isEmpty();
        assertThat(labels(merged)).isEqualTo(labels(written)).containsExactly("app=web,tier=front,version=v1");
        assertThat(merged.cluster().workloads()).extracting(Workload::toString).containsExactly("prod/web");
    }
}
