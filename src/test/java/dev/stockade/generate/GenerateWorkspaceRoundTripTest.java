package dev.stockade.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cidr;
import dev.stockade.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trip: the generated workspace baseline, analysed together with workloads inside and
 * outside the workspaces, gives exactly the isolation it promises, for every combination of
 * environment and flags: nothing into or out of a workspace except DNS to kube-dns and what was
 * opted into (intra-namespace, from a namespace, to external blocks), and nothing between two
 * workspaces.
 */
class GenerateWorkspaceRoundTripTest {
    private static final List<String> WORKSPACES = List.of("team-a", "team-b");

    /** Workloads in both workspaces and around them; the platform namespaces have no policies. */
    private static final String WORLD = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: kube-system}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: other}
            """ + deployment("team-a", "api", "app: api", "{name: http, containerPort: 8080}")
            + deployment("team-a", "worker", "app: worker", "{name: metrics, containerPort: 9090}")
            + deployment("team-b", "api", "app: api", "{name: http, containerPort: 8080}")
            + deployment("kube-system", "coredns", "k8s-app: kube-dns",
                    "{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}")
            + deployment("kube-system", "metrics-server", "k8s-app: metrics-server", "{containerPort: 443}")
            + deployment("monitoring", "prometheus", "app: prometheus", "{containerPort: 9090}")
            + deployment("other", "client", "app: client", "{containerPort: 80}");

    private static String deployment(String ns, String name, String labels, String ports) {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: " + ns + "}\n"
                + "spec:\n  selector: {matchLabels: {" + labels + "}}\n  template:\n    metadata: {labels: {" + labels + "}}\n"
                + "    spec: {containers: [{name: c, ports: [" + ports + "], image: i}]}\n";
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (Environment env : Environment.values()) {
            for (boolean dns : new boolean[] {true, false}) {
                for (boolean same : new boolean[] {false, true}) {
                    for (List<String> from : List.of(List.<String>of(), List.of("monitoring"),
                            List.of("monitoring", "other"))) {
                        for (List<String> cidrs : List.of(List.<String>of(), List.of("192.168.100.10/32", "fd00::/64"))) {
                            out.add(Arguments.of(env, dns, same, from, cidrs));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "env {0}, dns {1}, same-namespace {2}, from {3}, egress {4}")
    @MethodSource("combinations")
    void generate_everyCombination_givesExactlyThePromisedIsolation(Environment env, boolean dns, boolean same,
                                                                      List<String> from, List<String> cidrs) {
        List<Cidr> blocks = cidrs.stream().map(Cidr::of).toList();
        if (env == Environment.PROD && same) {
            assertThatThrownBy(() -> new WorkspaceSpec(WORKSPACES, env, dns, true, from, blocks))
                    .hasMessageStartingWith("--allow-same-namespace is refused for --env prod");
            return;
        }
        Generated g = WorkspaceBaseline.generate(new WorkspaceSpec(WORKSPACES, env, dns, same, from, blocks));
        LoadResult loaded = Loader.loadString("world.yaml", g.yaml() + "---\n" + WORLD);
        assertThat(loaded.diagnostics()).as(g.yaml()).isEmpty();
        for (String ws : WORKSPACES) {
            Namespace n = loaded.cluster().namespaces().stream().filter(x -> x.name().equals(ws)).findFirst().orElseThrow();
            assertThat(n.labels().get("workspace")).contains(ws);
            assertThat(n.labels().get("env")).contains(env.toString());
        }

        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());

        assertThat(observed(c)).as(g.yaml()).containsExactlyElementsOf(promised(dns, same, from, cidrs));
    }

    /** Every connection with a workspace workload at either end. */
    private static Set<String> observed(Connectivity c) {
        Set<String> out = new TreeSet<>();
        for (Connection k : c.connections()) {
            if (inWorkspace(k.src()) || inWorkspace(k.dst())) {
                out.add(k.toString());
            }
        }
        return out;
    }

    private static boolean inWorkspace(Endpoint e) {
        return e instanceof Endpoint.WorkloadEndpoint w && WORKSPACES.contains(w.workload().namespace());
    }

    /** What the baseline promises, written independently of the generator. */
    private static Set<String> promised(boolean dns, boolean same, List<String> from, List<String> cidrs) {
        List<String> workloads = List.of("team-a/api", "team-a/worker", "team-b/api");
        Set<String> out = new TreeSet<>();
        for (String w : workloads) {
            String ns = w.substring(0, w.indexOf('/'));
            if (dns) {
                out.add(w + " => kube-system/coredns : TCP 53; UDP 53");
            }
            for (String other : workloads) {
                if (same && !other.equals(w) && other.startsWith(ns + "/")) {
                    out.add(w + " => " + other + " : All connections");
                }
            }
            if (from.contains("monitoring")) {
                out.add("monitoring/prometheus => " + w + " : All connections");
            }
            if (from.contains("other")) {
                out.add("other/client => " + w + " : All connections");
            }
            for (String cidr : cidrs) {
                out.add(w + " => " + cidr + " : All connections");
            }
        }
        return out;
    }

    @Test
    void generate_prodEgressToEverything_isRefusedElsewhereWarned() {
        assertThatThrownBy(() -> new WorkspaceSpec(List.of("p"), Environment.PROD, true, false, List.of(),
                List.of(Cidr.of("0.0.0.0/0")))).hasMessage("--allow-egress-cidr 0.0.0.0/0 is refused for --env prod:"
                + " it opens egress to every address (expected the external blocks the workspace needs, e.g."
                + " 192.168.100.10/32)");
        Generated g = WorkspaceBaseline.generate(new WorkspaceSpec(List.of("d"), Environment.DEV, true, false, List.of(),
                List.of(Cidr.of("0.0.0.0/0"))));
        assertThat(g.warnings()).containsExactly("--allow-egress-cidr 0.0.0.0/0 opens egress to every IPv4 address;"
                + " list the blocks the workspace needs instead");
    }

    @Test
    void generate_badNames_areRefusedWithTheField() {
        assertThatThrownBy(() -> new WorkspaceSpec(List.of("a", "a"), Environment.DEV, true, false, List.of(), List.of()))
                .hasMessage("NAMESPACE: a is given twice");
        assertThatThrownBy(() -> new WorkspaceSpec(List.of("a"), Environment.DEV, true, false, List.of("a"), List.of()))
                .hasMessageStartingWith("--allow-from-namespace: a is a workspace being generated");
        assertThatThrownBy(() -> new WorkspaceSpec(List.of("a"), Environment.DEV, true, false, List.of("Mon"), List.of()))
                .hasMessageStartingWith("--allow-from-namespace: 'Mon' is not a valid namespace name");
        assertThatThrownBy(() -> new WorkspaceSpec(List.of(), Environment.DEV, true, false, List.of(), List.of()))
                .hasMessage("no namespace (expected at least one workspace namespace)");
    }

    @Test
    void generate_mtls_isThePeerAuthenticationOfTheWorkspace() {
        String yaml = MutualTls.generate("production", MutualTls.Mode.STRICT);
        LoadResult loaded = Loader.loadString("mtls.yaml", yaml);

        assertThat(yaml).contains("apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n"
                + "  name: default\n  namespace: production\nspec:\n  mtls:\n    mode: STRICT\n");
        assertThat(loaded.hasErrors()).isFalse();
        assertThat(loaded.skippedKinds()).containsEntry("PeerAuthentication (security.istio.io/v1beta1)", 1);
        assertThatThrownBy(() -> MutualTls.generate("Prod", MutualTls.Mode.STRICT))
                .hasMessageStartingWith("--workspace: 'Prod' is not a valid namespace name");
    }

    /** kubectl reads YAML 1.1: workspaces named like booleans or numbers are quoted, so they stay names. */
    @Test
    void generate_quotesNamesThatYaml11ReadsAsBooleansOrNumbers() {
        Generated g = WorkspaceBaseline.generate(new WorkspaceSpec(List.of("on", "no", "123", "1e3", "team-a"),
                Environment.DEV, true, false, List.of("y"), List.of()));
        LoadResult loaded = Loader.loadString("ws.yaml", g.yaml());

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(g.yaml()).contains("  name: \"on\"\n", "  namespace: \"123\"\n", ": \"y\"\n", "  name: team-a\n");
        assertThat(loaded.cluster().namespaces()).extracting(Namespace::name)
                .contains("on", "no", "123", "1e3", "team-a");

        String mtls = MutualTls.generate("off", MutualTls.Mode.STRICT);
        assertThat(mtls).contains("  namespace: \"off\"\n");
        assertThat(Loader.loadString("mtls.yaml", mtls).diagnostics()).isEmpty();
    }
}
