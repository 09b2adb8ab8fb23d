package dev.stockade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.ConnectivityExpectation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's messages, counts, kept violations and traces. */
class VerifyVerifierTest {
    private static Verifier verifier(String yaml) {
        LoadResult loaded = Loader.loadString("c.yaml", yaml);
        assertThat(loaded.hasErrors()).isFalse();
        return new Verifier(loaded.cluster(), new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster()));
    }

    private static ConnectivityExpectation expectation(String yaml) {
        var l = ExpectationsReader.readString("e.yaml", "apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\n"
                + "metadata: {name: e}\nspec:\n  expectations:\n  - " + yaml + "\n");
        assertThat(l.diagnostics()).isEmpty();
        return l.expectations().get(0);
    }

    private static String deployment(String ns, String name, String labels) {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: \"" + ns + "\"}\n"
                + "spec: {selector: {matchLabels: {" + labels + "}}, template: {metadata: {labels: {" + labels + "}},"
                + " spec: {containers: [{name: c, image: i}]}}}\n";
    }

    /** 15 clients in namespace a, 10 servers in namespace b behind an ingress default deny. */
    private static String manyPairs() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            sb.append(deployment("a", "client-" + (char) ('a' + i), "app: client"));
        }
        for (int i = 0; i < 10; i++) {
            sb.append(deployment("b", "server-" + i, "app: server"));
        }
        return sb + "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: b}\n"
                + "spec: {podSelector: {}}\n";
    }

    @Test
    void check_brokenAllowOverManyPairs_countsAllKeepsTheFirstHundred() {
        ExpectationResult r = verifier(manyPairs()).check(expectation("{from: {namespace: a}, to: {namespace: b},"
                + " port: 80, expect: Allow}"));

        assertThat(r.outcome()).isEqualTo(ExpectationResult.Outcome.FAILED);
        assertThat(r.pairs()).isEqualTo(150);
        assertThat(r.failing()).isEqualTo(150);
        assertThat(r.violations()).hasSize(100);
        assertThat(r.violations().get(0)).hasToString("a/client-a => b/server-0 (blocked on TCP 80)");
        assertThat(r.violations().get(99)).hasToString("a/client-j => b/server-9 (blocked on TCP 80)");
        assertThat(r.message()).isEqualTo("fails for 150 of 150 pairs: a/client-a => b/server-0 (blocked on TCP 80);"
                + " a/client-a => b/server-1 (blocked on TCP 80); a/client-a => b/server-2 (blocked on TCP 80);"
                + " a/client-a => b/server-3 (blocked on TCP 80); a/client-a => b/server-4 (blocked on TCP 80);"
                + " and 145 more");
        assertThat(r.trace()).singleElement().satisfies(v -> assertThat(v.allowed()).isFalse());
    }

    @Test
    void check_brokenDenyOverManyPairs_countsAllKeepsTheFirstHundred() {
        ExpectationResult r = verifier(manyPairs()).check(expectation("{from: {namespace: b}, to: {namespace: a},"
                + " expect: Deny}"));

        assertThat(r.failing()).isEqualTo(150);
        assertThat(r.violations()).hasSize(100);
        assertThat(r.violations().get(0)).hasToString("b/server-0 => a/client-a (allowed All connections)");
        assertThat(r.message()).endsWith("; and 145 more");
    }

    @Test
    void check_heldOverManyPairs_saysHowMany() {
        ExpectationResult r = verifier(manyPairs()).check(expectation("{from: {namespace: a}, to: {namespace: b},"
                + " expect: Deny}"));

        assertThat(r.passed()).isTrue();
        assertThat(r.message()).isEqualTo("holds for 150 pairs");
        assertThat(r.violations()).isEmpty();
        assertThat(r.trace()).isEmpty();
    }

    /** Two pods of one workload with different labels: only one is reachable; a Deny's trace shows that one. */
    @Test
    void check_brokenDeny_tracesThePodPairThatIsAllowed() {
        String cluster = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db-0, namespace: p, labels: {app: db}, ownerReferences: [{kind: StatefulSet, name: db, controller: true, uid: u, apiVersion: apps/v1}]}
                spec: {containers: [{name: c, ports: [{name: pg, containerPort: 5432}], image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db-1, namespace: p, labels: {app: db, open: "yes"}, ownerReferences: [{kind: StatefulSet, name: db, controller: true, uid: u, apiVersion: apps/v1}]}
                spec: {containers: [{name: c, ports: [{name: pg, containerPort: 5432}], image: i}]}
                """ + deployment("p", "web", "app: web") + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: p}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: 5432}]
                  - from: [{podSelector: {}}]
                    ports: [{port: 9999}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: open, namespace: p}
                spec:
                  podSelector: {matchLabels: {open: "yes"}}
                  ingress: [{}]
                """;
        Verifier v = verifier(cluster);

        ExpectationResult deny = v.check(expectation("{from: p/web, to: p/db, port: 22, expect: Deny}"));
        ExpectationResult named = v.check(expectation("{from: p/web, to: p/db, port: pg, expect: Deny}"));

        assertThat(deny.outcome()).isEqualTo(ExpectationResult.Outcome.FAILED);
        Verdict trace = deny.trace().get(0);
        assertThat(trace.allowed()).isTrue();
        assertThat(((Target.PodTarget) trace.destination()).pod().name()).isEqualTo("db-1");
        assertThat(trace.port()).isEqualTo(22);
        assertThat(named.message()).isEqualTo("fails for 1 of 1 pair: p/web => p/db (allowed TCP 5432)");
    }

    @Test
    void check_namedPortOnSomeDestinations_breaksAllowOnlyWhereMissing() {
        String cluster = deployment("n", "client", "app: client")
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: \"n\"}\n"
                + "spec: {selector: {matchLabels: {tier: back}}, template: {metadata: {labels: {tier: back}}, spec: {containers: [{name: c, ports: [{name: metrics,"
                + " containerPort: 9090}], image: i}]}}}\n" + deployment("n", "db", "tier: back");
        Verifier v = verifier(cluster);

        ExpectationResult allow = v.check(expectation("{from: n/client, to: {podSelector: {matchLabels: {tier: back}}},"
                + " port: metrics, expect: Allow}"));
        ExpectationResult deny = v.check(expectation("{from: n/client, to: {podSelector: {matchLabels: {tier: back}}},"
                + " port: metrics, expect: Deny}"));

        assertThat(allow.message()).isEqualTo("fails for 1 of 2 pairs: n/client => n/db (has no TCP port named metrics)");
        assertThat(deny.message()).isEqualTo("fails for 1 of 2 pairs: n/client => n/api (allowed TCP 9090)");
    }

    @Test
    void check_unmatched_saysWhichSide() {
        Verifier v = verifier(deployment("n", "a", "app: a") + deployment("n", "b", "app: b"));

        assertThat(List.of(
                v.check(expectation("{from: n/x, to: n/a, expect: Deny}")).message(),
                v.check(expectation("{from: n/a, to: {namespace: m}, expect: Deny}")).message(),
                v.check(expectation("{from: n/a, to: n/a, expect: Deny}")).message(),
                v.check(expectation("{from: n/a, to: n/b, port: http, expect: Allow}")).message(),
                v.check(expectation("{from: n/a, to: {namespace: \"n\"}, port: http, expect: Allow}")).message(),
                v.check(expectation("{from: {cidr: 10.0.0.0/8, except: [10.0.0.0/9, 10.128.0.0/9]}, to: n/a,"
                        + " expect: Deny}")).message()))
                .containsExactly(
                        "from matches no workload (there is no n/x in the input)",
                        "to matches no workload",
                        "from and to match only the same workload (a workload's connections to itself are not analysed)",
                        "the destination n/b has no TCP port named \"http\"",
                        "no destination has a TCP port named \"http\"",
                        "from matches no address (its exceptions cover the whole cidr)");
    }
}
