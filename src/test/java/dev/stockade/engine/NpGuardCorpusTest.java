package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * np-guard's (netpol-analyzer) published connectivity lists against Stockade's analysis, on
 * np-guard's own test inputs ({@code src/test/resources/corpora/np-guard}, unmodified; provenance
 * in its README). np-guard treats ipBlocks as external addresses only and polices host-network
 * pods like any other pod, so Stockade runs with the same choices ({@link #options()}).
 *
 * <p>Each case compares the two lists in {@link NpGuardConnlist}'s normal form and expects
 * exactly the differences the case lists, each with its reason: an unlisted difference fails,
 * and so does a listed one that no longer appears. The cases whose input the API server refuses
 * are in {@link NpGuardRejectedInputTest}.
 */
class NpGuardCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpora/np-guard");
    /** The network-policy-api conformance base as np-guard ships it beside its admin-tier tests. */
    static final String CONFORMANCE_BASE = "tests/anp_test_10/manifests.yaml";

    /**
     * The analysis options np-guard's lists correspond to ({@code analyze --ipblock-matches-pods=false
     * --host-network=pod}): ipBlocks match external addresses only, and host-network pods are
     * policed like ordinary pods.
     */
    static AnalysisOptions options() {
        return new AnalysisOptions(false, HostNetworkMode.POD);
    }

    /**
     * An accepted case: its inputs (paths under the corpus; np-guard's directory {@code tests/<name>}
     * and what else it needs), its list {@code test_outputs/connlist/<name>_connlist_output.txt} (or
     * {@code output}), and the differences expected, each a line of
     * {@link NpGuardConnlist#differences} preceded by its reason in {@code reasons}.
     */
    record Accepted(String name, List<String> inputs, String output, List<String> differences, String reasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Accepted agrees(String name, String... extra) {
        return new Accepted(name, directoryAnd(name, extra), null, List.of(), "");
    }

    /** A case with host-network pods: np-guard polices them as pods, as {@link #options()} does. */
    static Accepted agreesWithHostNetworkPods(String name, String output, String... extra) {
        return new Accepted(name, directoryAnd(name, extra), output, List.of(), "");
    }

    /** The case's directory {@code tests/<name>}, then {@code extra} (paths under the corpus). */
    private static List<String> directoryAnd(String name, String... extra) {
        return Stream.concat(Stream.of("tests/" + name), Stream.of(extra)).toList();
    }

    /**
     * The PodList of the semanticDiff-same-topologies cases: each of their directories ships the
     * same file; the corpus keeps new3's copy, the only one we could take.
     */
    private static final String BANK_PODS = "tests/semanticDiff-same-topologies-new3/bank_pod_list.json";

    static Stream<Accepted> accepted() {
        return Stream.of(
                agrees("anp_banp_core_test", CONFORMANCE_BASE),
                agrees("anp_np_banp_core_test", CONFORMANCE_BASE),
                agrees("anp_test_6", CONFORMANCE_BASE),
                agrees("anp_test_7", CONFORMANCE_BASE),
                agrees("anp_test_6_swapping_rules", CONFORMANCE_BASE),
                agrees("anp_test_4_with_priority_chang_pass_to_banp", CONFORMANCE_BASE),
                agrees("anp_test_7_swapping_rules", CONFORMANCE_BASE),
                agrees("banp_test_core_gress_rules", CONFORMANCE_BASE),
                agrees("banp_test_core_ingress_tcp_rules", CONFORMANCE_BASE),
                agrees("anp_with_banp_pass_test"),
                // Ingresses and OpenShift Routes; np-guard's list names two controllers, read as one
                agrees("demo_app_with_routes_and_ingress"),
                // a raw PodList (items without kind) of three host-network pods
                agreesWithHostNetworkPods("semanticDiff-same-topologies-new3",
                        "tests/semanticDiff-same-topologies-new3/connlist_output.txt"),
                // the same PodList as np-guard ships it in YAML (multiple_topology_resources_3 and _4)
                new Accepted("semanticDiff-same-topologies-new3 with the PodList as YAML", List.of(
                        "tests/semanticDiff-same-topologies-new3/new3.yaml",
                        "tests/multiple_topology_resources_4/bank_pod_list_yaml_version.yml"),
                        "tests/semanticDiff-same-topologies-new3/connlist_output.txt", List.of(), ""),
                agreesWithHostNetworkPods("semanticDiff-same-topologies-new1a",
                        "tests/semanticDiff-same-topologies-new1a/connlist_output.txt", BANK_PODS),
                agreesWithHostNetworkPods("semanticDiff-same-topologies-old2",
                        "tests/output_files/connlist/semanticDiff-same-topologies-old2_connlist_output.txt", BANK_PODS));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void publishedConnlist_matchesAnalysis(Accepted c) throws IOException {
        LoadResult loaded = Loader.load(c.inputs().stream().map(i -> CORPUS.resolve(i).toString()).toList());
        assertThat(loaded.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString))
                .as("errors loading " + c.name()).isEmpty();
        String output = c.output() != null ? c.output() : "test_outputs/connlist/" + c.name() + "_connlist_output.txt";
        NpGuardConnlist theirs = NpGuardConnlist.parse(Files.readString(CORPUS.resolve(output)));
        NpGuardConnlist ours = NpGuardConnlist.of(new Analyzer(options()).analyze(loaded.cluster()));
        TreeSet<Long> cuts = theirs.cuts();
        cuts.addAll(ours.cuts());
        List<String> diff = NpGuardConnlist.differences(theirs.refinedWith(cuts), ours.refinedWith(cuts));
        assertThat(diff).as("differences from np-guard's list for " + c.name()
                + " (np-guard | stockade); listed: " + c.reasons()).containsExactlyElementsOf(c.differences());
    }

    /** np-guard ships the bank PodList both as JSON and as YAML; both read as the same cluster. */
    @Test
    void podListAsYaml_analysesAsThePodListAsJson() {
        NpGuardConnlist json = analyse("tests/semanticDiff-same-topologies-new3/new3.yaml",
                "tests/semanticDiff-same-topologies-new3/bank_pod_list.json");
        NpGuardConnlist yaml = analyse("tests/semanticDiff-same-topologies-new3/new3.yaml",
                "tests/multiple_topology_resources_4/bank_pod_list_yaml_version.yml");
        assertThat(json.ports()).hasSizeGreaterThan(3);
        assertThat(yaml).isEqualTo(json);
    }

    private static NpGuardConnlist analyse(String... inputs) {
        LoadResult loaded = Loader.load(Stream.of(inputs).map(i -> CORPUS.resolve(i).toString()).toList());
        assertThat(loaded.diagnostics().stream().filter(Diagnostic::isError)).isEmpty();
        return NpGuardConnlist.of(new Analyzer(options()).analyze(loaded.cluster()));
    }

    @Test
    void normalForm_refinesRangesOfBothSides() {
        NpGuardConnlist whole = NpGuardConnlist.parse("0.0.0.0-255.255.255.255 => a/b[Pod] : TCP 80,UDP 53\n");
        NpGuardConnlist halves = NpGuardConnlist.parse("""
                0.0.0.0-127.255.255.255 => a/b[Pod] : UDP 53,TCP 80
                128.0.0.0/1 => a/b[Pod] : TCP 80
                128.0.0.0-255.255.255.255 => a/b[Pod] : UDP 53
                """);
        TreeSet<Long> cuts = whole.cuts();
        cuts.addAll(halves.cuts());
        assertThat(NpGuardConnlist.differences(whole.refinedWith(cuts), halves.refinedWith(cuts))).isEmpty();
        NpGuardConnlist less = NpGuardConnlist.parse("10.0.0.0-10.0.0.255 => a/b[Pod] : TCP 80,SCTP x\n");
        cuts.addAll(less.cuts());
        assertThat(NpGuardConnlist.differences(less.refinedWith(cuts), whole.refinedWith(cuts))).containsExactly(
                "0.0.0.0-9.255.255.255 => a/b[Pod] : np-guard No connections | stockade TCP 80; UDP 53",
                "10.0.0.0-10.0.0.255 => a/b[Pod] : np-guard TCP 80 + unresolved SCTP x | stockade TCP 80; UDP 53",
                "10.0.1.0-127.255.255.255 => a/b[Pod] : np-guard No connections | stockade TCP 80; UDP 53",
                "128.0.0.0-255.255.255.255 => a/b[Pod] : np-guard No connections | stockade TCP 80; UDP 53");
    }
}
