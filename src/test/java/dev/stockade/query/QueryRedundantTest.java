package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import dev.stockade.report.QueryRenderer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryRedundantTest {
    private static final String F = QueryFixtures.DIR + "redundant.yaml";

    /** The items reported, keyed by {@code policy} or {@code policy spec.ingress[i]}, with their reasons. */
    static Map<String, String> keys(Redundancy.Result r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Redundancy.Item i : r.policies()) {
            out.put(i.policy().toString(), i.reason());
        }
        for (Redundancy.Item i : r.rules()) {
            out.put(i.policy() + " " + i.path(), i.reason());
        }
        return out;
    }

    private static Redundancy.Result run(Cluster c) {
        return Redundancy.run(c, AnalysisOptions.DEFAULT, ns -> true);
    }

    @Test
    void redundant_fixture_reportsPoliciesThenRulesWithReasons() {
        Redundancy.Result r = run(QueryFixtures.fixture("redundant.yaml"));

        assertThat(r.finding()).isTrue();
        assertThat(QueryRenderer.redundant(r)).isEqualTo("# ipBlock matches pod IPs; host-network pods are node traffic\n"
                + F + ":40: NetworkPolicy app/default-deny: redundant policy: it admits nothing and every pod it"
                + " selects is isolated by other policies too (it would still isolate pods added later)\n"
                + F + ":58: NetworkPolicy app/api-ingress: redundant policy: no connection changes without it\n"
                + F + ":68: NetworkPolicy app/api-ingress-copy: redundant policy: no connection changes without it\n"
                + F + ":102: NetworkPolicy app/legacy: redundant policy: selects no pod\n"
                + F + ":55: NetworkPolicy app/web-ingress: spec.ingress[1]: redundant rule: no connection changes"
                + " without it\n"
                + F + ":89: NetworkPolicy app/cache-ingress: spec.egress[0]: redundant rule: the policy's policyTypes"
                + " do not include Egress, so the rule is ignored\n"
                + F + ":140: NetworkPolicy batch/queue-ingress: spec.ingress[0]: redundant rule: no connection changes"
                + " without it\n"
                + "4 redundant policies, 3 redundant rules (9 policies, 9 rules checked); each is redundant on its own,"
                + " not necessarily together with the others\n");
    }

    /** The queue's only ingress policy: its one rule is useless (the job cannot send), the policy is not. */
    @Test
    void redundant_onlyPolicyIsolatingAPod_isNeededEvenWhenItsRuleIsNot() {
        Redundancy.Result r = Redundancy.run(QueryFixtures.fixture("redundant.yaml"), AnalysisOptions.DEFAULT,
                "batch"::equals);

        assertThat(keys(r)).containsOnlyKeys("batch/queue-ingress spec.ingress[0]");
    }

    @Test
    void redundant_hexabase_reportsTheDefaultDenyOnly() {
        Redundancy.Result r = run(QueryFixtures.load(QueryFixtures.HEXABASE));

        assertThat(keys(r)).containsOnlyKeys("production/default-deny-all");
        assertThat(r.policiesChecked()).isEqualTo(9);
        assertThat(r.rulesChecked()).isEqualTo(8);
    }

    private static final String SELF_ONLY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: same-namespace, namespace: a}
            spec:
              podSelector: {}
              ingress:
              - from: [{podSelector: {}}]
            """;

    /** A Deployment given by its template runs as replicas: a rule admitting only them is needed. */
    @Test
    void redundant_ruleAdmittingOnlyTheReplicasOfATemplate_isNeeded() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: a}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                """ + SELF_ONLY);

        assertThat(keys(run(c))).isEmpty();
    }

    /** A bare Pod is one pod: a rule admitting only itself admits nothing analyze can see. */
    @Test
    void redundant_ruleAdmittingOnlyABarePodItself_isRedundant() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                ---
                """ + SELF_ONLY);

        assertThat(keys(run(c))).containsExactly(
                Map.entry("a/same-namespace spec.ingress[0]", Redundancy.NO_CHANGE));
    }

    /** Two pods of one workload: the rule admitting the second pod matters although the first stays reachable. */
    @Test
    void redundant_ruleNeededForOnePodOfAWorkload_isNotRedundant() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api-1
                  namespace: a
                  labels: {app: api, version: v1}
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, controller: true, uid: u}]
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api-2
                  namespace: a
                  labels: {app: api, version: v2}
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, controller: true, uid: u}]
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: a, labels: {app: client}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: a}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: client}}}]
                    ports: [{port: 80}]
                  - from: [{podSelector: {matchLabels: {app: client}}}]
                    ports: [{port: 8080}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: v1-extra, namespace: a}
                spec:
                  podSelector: {matchLabels: {version: v1}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: client}}}]
                    ports: [{port: 8080}]
                """);

        // v1-extra's rule duplicates rule 1 of "api" for api-1 only: v1-extra is redundant, rule 1 is not
        assertThat(keys(run(c))).containsOnlyKeys("a/v1-extra");
    }

    /** A policy admitting everything, the only one selecting its pods: removing it changes nothing. */
    @Test
    void redundant_allowAllPolicyOfAnOtherwiseOpenPod_isRedundant() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-all, namespace: a}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                  ingress: [{}]
                  egress: [{}]
                """);

        Redundancy.Result r = run(c);

        assertThat(keys(r)).containsOnlyKeys("a/allow-all");
        assertThat(r.fullReanalyses()).isZero();
    }

    /** Admitting every address on every port by ipBlocks is as open as not being isolated: the whole cluster is re-analysed. */
    @Test
    void redundant_onlyIsolatorAdmittingEveryAddress_isJudgedOnTheWholeCluster() {
        Cluster c = QueryFixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: a, labels: {app: web}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other, namespace: b, labels: {app: other}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: every-address, namespace: a}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]
                """);

        // pods have no IPs, so the ipBlocks do not admit b/other: the policy is needed
        Redundancy.Result r = run(c);

        assertThat(keys(r)).isEmpty();
        assertThat(r.fullReanalyses()).isEqualTo(1);
    }
}
