package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.GeneratedClusters;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compiler is faithful: on generated clusters, in both ipBlock modes, walking the compiled
 * {@link Ruleset} ({@link RulesetWalker}) decides every packet between two pods, and between a
 * pod and an external address, on every protocol and probe port, as the test oracle
 * ({@code SlowEvaluator}) decides it. Packets enter by their pod's interface (anti-spoofing on).
 * Pods sharing an address (the generator makes some) cannot be told apart by a data plane, and
 * pods without an address send nothing: neither is an end of a probe.
 */
class NftRulesetPropertyTest {
    private static final List<IpAddress> EXTERNAL_CANDIDATES = List.of(
            IpAddress.parse("10.0.0.0").orElseThrow(), IpAddress.parse("10.0.0.3").orElseThrow(),
            IpAddress.parse("10.0.0.6").orElseThrow(), IpAddress.parse("10.0.0.9").orElseThrow(),
            IpAddress.parse("10.1.2.3").orElseThrow(), IpAddress.parse("192.168.3.4").orElseThrow(),
            IpAddress.parse("8.8.8.8").orElseThrow(), IpAddress.parse("fd00::1").orElseThrow(),
            IpAddress.parse("fd00::5").orElseThrow(), IpAddress.parse("2001:db8::1").orElseThrow());

    @Provide
    Arbitrary<Cluster> clusters() {
        return GeneratedClusters.clusters();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void compile_generatedCluster_rulesetAgreesWithOracle(@ForAll("clusters") Cluster cluster) {
        for (boolean mode : List.of(true, false)) {
            assertAgrees(cluster, mode);
        }
    }

    static void assertAgrees(Cluster cluster, boolean ipBlockMatchesPods) {
        Map<String, String> interfaces = new HashMap<>();
        List<Pod> pods = new ArrayList<>();
        Map<IpAddress, Integer> owners = new HashMap<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                pods.add(p);
                interfaces.put(p.toString(), "veth" + pods.size());
                for (IpAddress ip : Set.copyOf(p.ips())) {
                    owners.merge(ip, 1, Integer::sum);
                }
            }
        }
        List<Pod> ends = pods.stream()
                .filter(p -> !p.ips().isEmpty() && p.ips().stream().allMatch(ip -> owners.get(ip) == 1)).toList();
        List<IpAddress> externals = EXTERNAL_CANDIDATES.stream().filter(a -> !owners.containsKey(a)).toList();
        Ruleset r = NftCompiler.compile(cluster, new AnalysisOptions(ipBlockMatchesPods), interfaces);
        RulesetWalker walker = new RulesetWalker(r);
        GeneratedClusters.Oracle oracle = GeneratedClusters.oracle(cluster, ipBlockMatchesPods);
        List<String> disagreements = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            for (int port : GeneratedClusters.probePorts(cluster)) {
                for (Pod src : ends) {
                    String iface = interfaces.get(src.toString());
                    for (Pod dst : ends) {
                        if (src == dst) {
                            continue;
                        }
                        boolean expected = oracle.allowed(src, dst, protocol, port);
                        for (IpAddress s : src.ips()) {
                            for (IpAddress d : dst.ips()) {
                                if (s.v6() == d.v6()) {
                                    check(disagreements, walker, new RulesetWalker.Packet(s, d, iface, protocol, port),
                                            expected, src + " -> " + dst);
                                }
                            }
                        }
                    }
                    for (IpAddress a : externals) {
                        for (IpAddress s : src.ips()) {
                            if (s.v6() == a.v6()) {
                                check(disagreements, walker, new RulesetWalker.Packet(s, a, iface, protocol, port),
                                        oracle.allowed(src, a, protocol, port), src + " -> " + a);
                                check(disagreements, walker, new RulesetWalker.Packet(a, s, "eth0", protocol, port),
                                        oracle.allowed(a, src, protocol, port), a + " -> " + src);
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).as("ruleset vs oracle (ipBlock matches pods: %s)%n%s%n%s", ipBlockMatchesPods,
                GeneratedClusters.describe(cluster), NftText.render(r)).isEmpty();
    }

    private static void check(List<String> out, RulesetWalker walker, RulesetWalker.Packet p, boolean expected,
            String what) {
        boolean observed = walker.accepts(p);
        if (observed != expected && out.size() < 20) {
            out.add(what + " " + p.protocol() + " " + p.port() + " (" + p.saddr() + " -> " + p.daddr() + "): oracle "
                    + (expected ? "allows" : "blocks") + ", ruleset " + (observed ? "accepts" : "drops"));
        }
    }
}
