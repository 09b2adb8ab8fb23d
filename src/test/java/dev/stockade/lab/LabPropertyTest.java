package dev.stockade.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.GeneratedClusters;
import dev.stockade.engine.LongRunsOnly;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The kernel is the engine, on random small clusters (the engine tests' generator): each cluster
 * becomes a lab, probed on every pair of pods and TCP and UDP container port with ipBlocks
 * matching pod IPs, then changed to the other ipBlock mode by {@code lab apply}'s deltas and probed
 * again; every probe must be the engine's verdict. The generator lets pods share addresses, which
 * no network can route: a repeated address is taken from the later pod (which then gets a lab
 * address if it has none left), for the engine and the kernel alike. Bounded (10 clusters, well
 * under a minute); 200 with {@code -Dstockade.long=true}. Skipped unless root with nft and python3.
 */
@Tag("kernel")
class LabPropertyTest {
    private static final int PROBE_TIMEOUT_MILLIS = 300;

    @Provide
    Arbitrary<Cluster> clusters() {
        return GeneratedClusters.clusters().map(LabPropertyTest::distinctAddresses);
    }

    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LabOnly.class)
    void generatedCluster_kernelAgreesWithTheEngine_inBothIpBlockModes(@ForAll("clusters") Cluster cluster) {
        assertAgree(cluster);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LongRunsOnly.class)
    @AddLifecycleHook(LabOnly.class)
    void long_generatedCluster_kernelAgreesWithTheEngine_inBothIpBlockModes(@ForAll("clusters") Cluster cluster) {
        assertAgree(cluster);
    }

    private static void assertAgree(Cluster cluster) {
        Lab lab = Lab.plan(cluster);
        List<String> disagreements = new ArrayList<>();
        try {
            AnalysisOptions first = new AnalysisOptions(true);
            lab.up(first);
            check(lab, first, disagreements);
            AnalysisOptions second = new AnalysisOptions(false);
            lab.apply(cluster, second);
            check(lab, second, disagreements);
        } finally {
            lab.close();
            Lab.down();
        }
        assertThat(disagreements).as("kernel vs engine on\n" + GeneratedClusters.describe(lab.cluster())).isEmpty();
    }

    private static void check(Lab lab, AnalysisOptions options, List<String> disagreements) {
        List<Lab.Probe> probes = lab.probe(PROBE_TIMEOUT_MILLIS);
        for (EngineCheck.Disagreement d : EngineCheck.disagreements(lab.cluster(), options, probes)) {
            disagreements.add("ipBlockMatchesPods=" + options.ipBlockMatchesPods() + ": " + d.line());
        }
    }

    /** The cluster with every address kept by its first pod only. */
    static Cluster distinctAddresses(Cluster cluster) {
        Set<IpAddress> taken = new HashSet<>();
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            List<Pod> pods = new ArrayList<>();
            for (Pod p : w.pods()) {
                List<IpAddress> ips = new ArrayList<>();
                for (IpAddress ip : p.ips()) {
                    if (taken.add(ip)) {
                        ips.add(ip);
                    }
                }
                pods.add(ips.equals(p.ips()) ? p : p.withIps(ips));
            }
            workloads.add(new Workload(w.kind(), w.namespace(), w.name(), pods, w.source()));
        }
        return cluster.withWorkloads(workloads);
    }
}
