package dev.stockade.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.cli.Main;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab on this host's kernel: every probe of {@code lab probe} (TCP connect, UDP
 * request/response) must be the engine's verdict for the same pods, protocol and port. Skipped
 * unless root with ip, nft and python3; every test removes the lab afterwards.
 */
@Tag("kernel")
class LabTest {
    static void assumeLab() {
        Assumptions.assumeTrue(Lab.isRoot(), "the lab needs root");
        for (String tool : List.of("/usr/sbin/nft", "/usr/bin/python3")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(tool)) || Files.isExecutable(Path.of(tool.replace("/usr", ""))),
                    tool + " is needed");
        }
        Assumptions.assumeTrue(Lab.run(List.of("ip", "netns", "list")).ok(), "ip netns is needed");
    }

    static Cluster load(String path) {
        LoadResult r = Loader.load(List.of(path), new ByteArrayInputStream(new byte[0]));
        assertThat(r.hasErrors()).as("errors loading " + path).isFalse();
        return r.cluster();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/nft-inputs/shop", "src/test/resources/lab-inputs/e2e"})
    void probe_kernelAgreesWithTheEngine(String input) {
        assumeLab();
        Lab lab = Lab.plan(load(input));
        List<Lab.Probe> probes;
        try {
            lab.up(AnalysisOptions.DEFAULT);
            probes = lab.probe(1000);
        } finally {
            lab.close();
            Lab.down();
        }
        Map<String, Target.PodTarget> targets = new HashMap<>();
        for (Workload w : lab.cluster().workloads()) {
            for (Pod p : w.pods()) {
                targets.put(p.toString(), new Target.PodTarget(w, p));
            }
        }
        Explainer engine = new Explainer(lab.cluster(), AnalysisOptions.DEFAULT);
        List<String> disagreements = new ArrayList<>();
        long tcp = 0;
        long udp = 0;
        for (Lab.Probe p : probes) {
            boolean expected = engine.explain(targets.get(p.src().id()), targets.get(p.dst().id()), p.protocol(), p.port())
                    .allowed();
            if (expected != p.connected()) {
                disagreements.add(p.src().id() + " -> " + p.dst().id() + " (" + p.address() + ") " + p.protocol() + "/" + p.port() + ": engine "
                        + (expected ? "allows" : "blocks") + ", kernel " + (p.connected() ? "connects" : "drops"));
            }
            if (p.connected()) {
                tcp += p.protocol() == dev.stockade.model.Protocol.TCP ? 1 : 0;
                udp += p.protocol() == dev.stockade.model.Protocol.UDP ? 1 : 0;
            }
        }
        assertThat(disagreements).as("kernel vs engine").isEmpty();
        assertThat(probes.size() - probes.stream().filter(Lab.Probe::connected).count())
                .as("some probes must be blocked").isPositive();
        assertThat(tcp).as("some TCP probes must connect").isPositive();
        assertThat(udp).as("some UDP probes must get an answer").isPositive();
        assertThat(Lab.down()).as("nothing left behind").isEmpty();
    }

    @Test
    void cli_probeJson_isTheAnalyzeContractFromTheKernel_andLeavesNothing() {
        assumeLab();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit;
        try {
            exit = Main.run(new String[] {"lab", "probe", "-o", "json", "src/test/resources/nft-inputs/shop"},
                    new ByteArrayInputStream(new byte[0]), new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        } finally {
            Lab.down();
        }
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"schemaVersion\": 1", "\"source\": \"kernel\"",
                "{\"src\": \"shop/api\", \"dst\": \"shop/db\", \"allowed\": {\"TCP\": [\"5432\"]}}",
                "SCTP: this kernel has no SCTP sockets");
        assertThat(Lab.run(List.of("ip", "netns", "list")).output()).doesNotContain(Lab.PREFIX);
    }

    @Test
    void down_afterAnAbandonedUp_removesEverything_andIsIdempotent() {
        assumeLab();
        Lab lab = Lab.plan(load("src/test/resources/nft-inputs/shop"));
        try {
            lab.up(AnalysisOptions.DEFAULT);
            // the process that made the lab is gone: only the names are left to find it by
            assertThat(Lab.down()).contains(Lab.ROUTER).hasSize(lab.pods().size() + 1);
            assertThat(Lab.down()).isEmpty();
            assertThat(Lab.run(List.of("ip", "netns", "list")).output()).doesNotContain(Lab.PREFIX);
        } finally {
            lab.close();
            Lab.down();
        }
    }
}
