package dev.stockade.engine;

import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Differential and permutation properties of the engine: {@link Analyzer} and {@link Explainer}
 * against {@link SlowEvaluator} on generated clusters ({@link ClusterGenerator}, about one
 * workload in ten on the host network), in both ipBlock modes and both host-network modes.
 * Long runs: {@code -Dstockade.long=true}.
 *
 * <p>Edge-case mixing is off: jqwik's mixed-in edge cases of the cluster arbitrary are empty
 * policy lists and single workloads, and they made up almost half of the tries; plain random
 * generation still produces those often enough (about one try in six each).
 */
class EnginePropertyTest {
    private static final List<AnalysisOptions> MODES = List.of(new AnalysisOptions(true), new AnalysisOptions(false));
    private static final List<AnalysisOptions> WITH_POD_MODES = List.of(new AnalysisOptions(true),
            new AnalysisOptions(false), new AnalysisOptions(true, HostNetworkMode.POD),
            new AnalysisOptions(false, HostNetworkMode.POD));

    /**
     * Both ipBlock modes; both host-network modes too when the cluster has a host-network pod
     * (without one they are the same analysis, and the tries stay as fast as before).
     */
    static List<AnalysisOptions> modes(Cluster cluster) {
        boolean host = cluster.workloads().stream().flatMap(w -> w.pods().stream()).anyMatch(Pod::hostNetwork);
        return host ? WITH_POD_MODES : MODES;
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return ClusterGenerator.clusters();
    }

    @Provide
    Arbitrary<Cluster> tieredClusters() {
        return ClusterGenerator.clustersWithTiers();
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void analyze_generatedClusterWithTiers_agreesWithSlowEvaluator(@ForAll("tieredClusters") Cluster cluster) {
        assertAgreesWithSlowEvaluator(cluster);
    }

    @Property(tries = 20_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LongRunsOnly.class)
    void analyze_generatedClusterWithTiersLongRun_agreesWithSlowEvaluator(@ForAll("tieredClusters") Cluster cluster) {
        assertAgreesWithSlowEvaluator(cluster);
    }

    /** Admin policies are ordered by tier, priority, kind and name, never by their place in the input. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void analyze_shuffledAdminPolicies_givesIdenticalConnections(@ForAll("tieredClusters") Cluster cluster,
                                                                 @ForAll long seed) {
        assertSameConnections(cluster, cluster.withAdminPolicies(shuffled(cluster.adminPolicies(), new Random(seed))));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void explain_sampledFlowsWithTiers_agreesWithSlowEvaluator(@ForAll("tieredClusters") Cluster cluster,
                                                               @ForAll long seed) {
        explain_sampledFlows_agreesWithSlowEvaluator(cluster, seed);
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void analyze_generatedCluster_agreesWithSlowEvaluator(@ForAll("clusters") Cluster cluster) {
        assertAgreesWithSlowEvaluator(cluster);
    }

    @Property(tries = 50_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LongRunsOnly.class)
    void analyze_generatedClusterLongRun_agreesWithSlowEvaluator(@ForAll("clusters") Cluster cluster) {
        assertAgreesWithSlowEvaluator(cluster);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void analyze_shuffledPolicies_givesIdenticalConnections(@ForAll("clusters") Cluster cluster, @ForAll long seed) {
        List<NetworkPolicy> policies = new ArrayList<>(cluster.policies());
        Collections.shuffle(policies, new Random(seed));
        assertSameConnections(cluster, cluster.withPolicies(policies));
    }

    /** Order carries no meaning anywhere: namespaces, workloads, pods, rules, peers, ports. */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void analyze_shuffledEverything_givesIdenticalConnections(@ForAll("clusters") Cluster cluster,
                                                              @ForAll long seed) {
        Random random = new Random(seed);
        List<NetworkPolicy> policies = new ArrayList<>();
        for (NetworkPolicy p : shuffled(cluster.policies(), random)) {
            policies.add(new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.policyTypes(),
                    shuffledRules(p.ingress(), random), shuffledRules(p.egress(), random), p.source()));
        }
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : shuffled(cluster.workloads(), random)) {
            workloads.add(new Workload(w.kind(), w.namespace(), w.name(), shuffled(w.pods(), random), w.source()));
        }
        assertSameConnections(cluster, Cluster.of(shuffled(cluster.namespaces(), random), workloads, policies));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void explain_sampledFlows_agreesWithSlowEvaluator(@ForAll("clusters") Cluster cluster, @ForAll long seed) {
        Random random = new Random(seed);
        List<Target> pods = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                pods.add(new Target.PodTarget(w, p));
            }
        }
        List<Target> addresses = new ArrayList<>();
        List<IpAddress> candidates = probeAddresses();
        for (int i = 0; i < 6; i++) {
            addresses.add(new Target.AddressTarget(candidates.get(random.nextInt(candidates.size()))));
        }
        List<Integer> ports = new ArrayList<>(DifferentialCheck.probes(cluster));
        List<String> problems = new ArrayList<>();
        for (AnalysisOptions mode : modes(cluster)) {
            Explainer explainer = new Explainer(cluster, mode);
            SlowEvaluator slow = new SlowEvaluator(cluster, mode.ipBlockMatchesPods(),
                    mode.hostNetwork() == HostNetworkMode.POD);
            List<Target[]> flows = new ArrayList<>();
            for (Target s : pods) {
                for (Target d : pods) {
                    flows.add(new Target[] {s, d});
                }
                for (Target a : addresses) {
                    flows.add(new Target[] {s, a});
                    flows.add(new Target[] {a, s});
                }
            }
            for (Target[] f : flows) {
                for (Protocol protocol : Protocol.values()) {
                    for (int k = 0; k < 3; k++) {
                        int port = ports.get(random.nextInt(ports.size()));
                        boolean expected = slow.allowed(end(f[0]), end(f[1]), protocol, port);
                        Verdict v = explainer.explain(f[0], f[1], protocol, port);
                        if (v.allowed() != expected) {
                            problems.add("[" + mode.describe() + "] " + f[0] + " => " + f[1] + " " + protocol + " "
                                    + port + ": expected " + (expected ? "allowed" : "denied") + ", explain says "
                                    + (v.allowed() ? "allowed" : "denied") + " (egress " + v.egress().status()
                                    + ", ingress " + v.ingress().status() + ")");
                        }
                    }
                }
            }
        }
        failIfAny(cluster, problems);
    }

    private static void assertAgreesWithSlowEvaluator(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        for (AnalysisOptions mode : modes(cluster)) {
            problems.addAll(DifferentialCheck.problems(cluster, mode));
        }
        failIfAny(cluster, problems);
    }

    private static void assertSameConnections(Cluster original, Cluster permuted) {
        List<String> problems = new ArrayList<>();
        for (AnalysisOptions mode : modes(original)) {
            Connectivity a = new Analyzer(mode).analyze(original);
            Connectivity b = new Analyzer(mode).analyze(permuted);
            if (!a.endpoints().toString().equals(b.endpoints().toString())) {
                problems.add("[" + mode.describe() + "] endpoints differ:\n  original " + a.endpoints()
                        + "\n  permuted " + b.endpoints());
            }
            if (!a.connections().toString().equals(b.connections().toString())) {
                problems.add("[" + mode.describe() + "] connections differ:\n  original " + a.connections()
                        + "\n  permuted " + b.connections() + "\npermuted cluster:\n" + ClusterText.describe(permuted));
            }
        }
        failIfAny(original, problems);
    }

    private static void failIfAny(Cluster cluster, List<String> problems) {
        if (!problems.isEmpty()) {
            int shown = Math.min(10, problems.size());
            throw new AssertionError(problems.size() + " disagreement(s) on this cluster:\n" + ClusterText.describe(cluster)
                    + "\n" + String.join("\n", problems.subList(0, shown))
                    + (shown < problems.size() ? "\n... and " + (problems.size() - shown) + " more" : ""));
        }
    }

    private static SlowEvaluator.End end(Target t) {
        return switch (t) {
            case Target.PodTarget p -> SlowEvaluator.pod(p.pod());
            case Target.AddressTarget a -> SlowEvaluator.address(a.address());
        };
    }

    /** The first and last address of every generator CIDR and their outside neighbours, plus two far ones. */
    private static List<IpAddress> probeAddresses() {
        TreeSet<IpAddress> out = new TreeSet<>();
        for (Cidr c : ClusterGenerator.allCidrs()) {
            out.add(c.first());
            out.add(c.last());
            if (!c.first().isFamilyMin()) {
                out.add(c.first().previous());
            }
            if (!c.last().isFamilyMax()) {
                out.add(c.last().next());
            }
        }
        out.add(IpAddress.parse("8.8.8.8").orElseThrow());
        out.add(IpAddress.parse("2001:db8::1").orElseThrow());
        return List.copyOf(out);
    }

    private static List<PolicyRule> shuffledRules(List<PolicyRule> rules, Random random) {
        List<PolicyRule> out = new ArrayList<>();
        for (PolicyRule r : shuffled(rules, random)) {
            out.add(new PolicyRule(shuffled(r.peers(), random), shuffled(r.ports(), random), r.source()));
        }
        return out;
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
