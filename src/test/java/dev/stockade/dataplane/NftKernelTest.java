package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.GeneratedClusters;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel accepts what the compiler writes: {@code nft -c} (check mode: parsed, resolved and
 * validated by the kernel, nothing loaded) on the example inputs and on generated clusters, and a
 * real load into a throwaway network namespace of Stockade's own (never the host's ruleset).
 * Skipped when nft is missing or may not talk to the kernel; scripts/test installs it.
 */
@Tag("kernel")
class NftKernelTest {
    static Cluster load(String path) {
        LoadResult r = Loader.load(List.of(path), new ByteArrayInputStream(new byte[0]));
        assertThat(r.hasErrors()).as("errors loading " + path).isFalse();
        return r.cluster();
    }

    static Map<String, String> interfaces(Cluster cluster) {
        Map<String, String> m = new HashMap<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                m.put(p.toString(), "st" + m.size());
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"src/test/resources/nft-inputs/shop", "src/test/resources/golden-inputs/pod-ips",
        "examples/hexabase", "examples/alt-las"})
    void check_exampleInputs_kernelAcceptsRuleset(String path) {
        Nft.assumeAvailable();
        Cluster c = load(path);
        for (boolean mode : List.of(true, false)) {
            for (Map<String, String> ifaces : List.of(Map.<String, String>of(), interfaces(c))) {
                String text = NftText.render(NftCompiler.compile(c, new AnalysisOptions(mode), ifaces));
                Nft.Result r = Nft.check(text);
                assertThat(r.ok()).as("nft -c: %s%n%s", r.output(), text).isTrue();
            }
        }
    }

    @BeforeProperty
    void requireNft() {
        Nft.assumeAvailable();
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return GeneratedClusters.clusters();
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void check_generatedCluster_kernelAcceptsRuleset(@ForAll("clusters") Cluster cluster) {
        String text = NftText.render(NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, interfaces(cluster)));
        Nft.Result r = Nft.check(text);
        assertThat(r.ok()).as("nft -c: %s%n%s", r.output(), text).isTrue();
    }

    /**
     * Loads the shop's ruleset in a fresh network namespace, twice (the script replaces the table
     * it made before), and reads it back: the sets, maps and chains are all there.
     */
    @Test
    void load_shopInNetworkNamespace_kernelHoldsTable() {
        Nft.assumeAvailable();
        String ns = "stockade-test-" + ProcessHandle.current().pid();
        Nft.Result add = Nft.run(List.of("ip", "netns", "add", ns));
        org.junit.jupiter.api.Assumptions.assumeTrue(add.ok(), "cannot create a network namespace: " + add.output());
        try {
            Cluster c = load("src/test/resources/nft-inputs/shop");
            Ruleset ruleset = NftCompiler.compile(c, AnalysisOptions.DEFAULT, interfaces(c));
            String text = NftText.render(ruleset);
            for (int i = 0; i < 2; i++) {
                Nft.Result load = Nft.withFile(text, f -> List.of("ip", "netns", "exec", ns, Nft.binary(), "-f", f.toString()));
                assertThat(load.ok()).as("nft -f in %s: %s", ns, load.output()).isTrue();
            }
            Nft.Result list = Nft.run(List.of("ip", "netns", "exec", ns, Nft.binary(), "list", "table", "inet",
                    NftCompiler.TABLE));
            assertThat(list.ok()).as(list.output()).isTrue();
            for (Ruleset.Chain chain : ruleset.chains()) {
                assertThat(list.output()).contains("chain " + chain.name() + " {");
            }
            for (Ruleset.VerdictMap m : ruleset.maps()) {
                assertThat(list.output()).contains("map " + m.name() + " {");
            }
            for (Ruleset.NamedSet s : ruleset.sets()) {
                assertThat(list.output()).contains("set " + s.name() + " {");
            }
            assertThat(list.output()).contains("10.244.1.10 : jump ingress_shop_web-1")
                    .contains("tcp dport 9000-9010 accept comment \"shop/api ingress[0]\"");
        } finally {
            Nft.run(List.of("ip", "netns", "del", ns));
        }
    }
}
