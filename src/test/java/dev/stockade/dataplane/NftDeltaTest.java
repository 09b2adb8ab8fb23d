package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.GeneratedClusters;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link NftDelta}: the script of deltas turns a kernel holding the old table into one holding
 * exactly what loading the new table whole gives ({@code nft list table}, element order aside),
 * checked in a throwaway network namespace of Stockade's own. Without the kernel: equal rulesets
 * give no script, and a removed policy gives the expected few lines.
 */
class NftDeltaTest {
    private static String namespace;

    @BeforeContainer
    static void createNamespace() {
        if (!Nft.available()) {
            return;
        }
        String ns = "stockade-delta-" + ProcessHandle.current().pid();
        if (Nft.run(List.of("ip", "netns", "add", ns)).ok()) {
            namespace = ns;
        }
    }

    @AfterContainer
    static void deleteNamespace() {
        if (namespace != null) {
            Nft.run(List.of("ip", "netns", "del", namespace));
        }
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return GeneratedClusters.clusters();
    }

    @Property(tries = 15, edgeCases = EdgeCasesMode.NONE)
    void between_sameRuleset_isEmpty(@ForAll("clusters") Cluster cluster) {
        Ruleset r = NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, Map.of());
        assertThat(NftDelta.between(r, r)).isEmpty();
    }

    @Tag("kernel")
    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void between_twoClusters_kernelEndsWithTheNewTable(@ForAll("clusters") Cluster a, @ForAll("clusters") Cluster b) {
        Nft.assumeAvailable();
        Assumptions.assumeTrue(namespace != null, "cannot create a network namespace");
        Ruleset before = NftCompiler.compile(a, AnalysisOptions.DEFAULT, NftKernelTest.interfaces(a));
        Ruleset after = NftCompiler.compile(b, AnalysisOptions.DEFAULT, NftKernelTest.interfaces(b));
        String delta = NftDelta.between(before, after);
        String direct = loadAndList(NftText.render(after), null);
        String viaDelta = loadAndList(NftText.render(before), delta);
        assertThat(normalize(direct)).as("the forward chain and four maps at least").hasSizeGreaterThanOrEqualTo(5);
        assertThat(normalize(viaDelta)).as("delta:%n%s", delta).isEqualTo(normalize(direct));
    }

    @Tag("kernel")
    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    void between_onePolicyRemoved_kernelEndsWithTheNewTable(@ForAll("clusters") Cluster a) {
        Nft.assumeAvailable();
        Assumptions.assumeTrue(namespace != null && !a.policies().isEmpty());
        List<NetworkPolicy> fewer = new ArrayList<>(a.policies());
        fewer.removeFirst();
        Cluster b = a.withPolicies(fewer);
        Ruleset before = NftCompiler.compile(a, AnalysisOptions.DEFAULT, Map.of());
        Ruleset after = NftCompiler.compile(b, AnalysisOptions.DEFAULT, Map.of());
        String delta = NftDelta.between(before, after);
        assertThat(normalize(loadAndList(NftText.render(before), delta)))
                .as("delta:%n%s", delta).isEqualTo(normalize(loadAndList(NftText.render(after), null)));
    }

    /** Loads {@code full} in the namespace, then applies {@code delta} (if any), and lists the table. */
    private static String loadAndList(String full, String delta) {
        Nft.Result load = Nft.withFile(full, f -> List.of("ip", "netns", "exec", namespace, Nft.binary(), "-f", f.toString()));
        assertThat(load.ok()).as("load: %s%n%s", load.output(), full).isTrue();
        if (delta != null && !delta.isEmpty()) {
            Nft.Result apply = Nft.withFile(delta,
                    f -> List.of("ip", "netns", "exec", namespace, Nft.binary(), "-f", f.toString()));
            assertThat(apply.ok()).as("delta: %s%n%s%nfrom:%n%s", apply.output(), delta, full).isTrue();
        }
        Nft.Result list = Nft.run(List.of("ip", "netns", "exec", namespace, Nft.binary(), "list", "table", "inet",
                NftCompiler.TABLE));
        assertThat(list.ok()).as(list.output()).isTrue();
        return list.output();
    }

    /**
     * The listing with each top-level block (set, map, chain) as one item, sorted, and the elements
     * of each set or map sorted: what the kernel holds, not the order it was built in.
     */
    static List<String> normalize(String listing) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : listing.replaceAll(",\\n\\s+", ", ").split("\n")) {
            if (line.matches("\t(set|map|chain) .*\\{")) {
                current = new StringBuilder();
                blocks.add(null);
            }
            if (current != null) {
                String l = line;
                int e = l.indexOf("elements = { ");
                if (e >= 0 && l.endsWith(" }")) {
                    String[] items = l.substring(e + 13, l.length() - 2).split(", ");
                    Arrays.sort(items);
                    l = l.substring(0, e + 13) + String.join(", ", items) + " }";
                }
                current.append(l).append('\n');
                blocks.set(blocks.size() - 1, current.toString());
                if (line.equals("\t}")) {
                    current = null;
                }
            }
        }
        blocks.sort(null);
        return blocks;
    }
}
