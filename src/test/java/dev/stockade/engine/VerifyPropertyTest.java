package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.ExpectationsLoad;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectation.Expect;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Namespace;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import dev.stockade.report.ExpectationsYaml;
import dev.stockade.verify.Baseline;
import dev.stockade.verify.ExpectationResult;
import dev.stockade.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Properties of {@code verify} on generated clusters, in both ipBlock modes. It lives in the
 * engine's test package to share {@link ClusterGenerator} and {@link SlowEvaluator}:
 * <ul>
 *   <li>random expectations of every form agree with a brute-force check through the slow
 *       evaluator, pod by pod, port by port (at probe ports) and address by address (at the start
 *       of every address cell the cluster's and the expectation's blocks make);</li>
 *   <li>the baseline {@code verify --generate} writes holds on the cluster it describes, and reads
 *       back unchanged.</li>
 * </ul>
 */
class VerifyPropertyTest {
    private static final List<IpBlock> EXPECTATION_BLOCKS = List.of(
            IpBlock.of("0.0.0.0/0"), IpBlock.of("10.0.0.0/29"), IpBlock.of("10.0.0.4/31"), IpBlock.of("10.0.0.0/8",
                    "10.0.0.0/30"), IpBlock.of("192.168.0.0/16"), IpBlock.of("::/0"), IpBlock.of("fd00::/120",
                    "fd00::4/126"), IpBlock.of("10.0.0.5/32"));

    @Provide
    Arbitrary<Cluster> clusters() {
        return ClusterGenerator.clusters();
    }

    @Property(tries = 120, edgeCases = EdgeCasesMode.NONE)
    void verify_randomExpectations_agreeWithSlowEvaluator(@ForAll("clusters") Cluster cluster, @ForAll long seed) {
        checkRandomExpectations(cluster, seed);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(LongRunsOnly.class)
    void verify_randomExpectationsLongRun_agreeWithSlowEvaluator(@ForAll("clusters") Cluster cluster,
                                                                 @ForAll long seed) {
        checkRandomExpectations(cluster, seed);
    }

    private static void checkRandomExpectations(Cluster cluster, long seed) {
        Random random = new Random(seed);
        // both ipBlock modes; both host-network modes too when the cluster has a host-network pod
        for (AnalysisOptions mode : EnginePropertyTest.modes(cluster)) {
            Verifier verifier = new Verifier(cluster, new Analyzer(mode).analyze(cluster));
            SlowEvaluator slow = new SlowEvaluator(cluster, mode.ipBlockMatchesPods(),
                    mode.hostNetwork() == HostNetworkMode.POD);
            SortedSet<Integer> probes = DifferentialCheck.probes(cluster);
            for (int i = 0; i < 12; i++) {
                ConnectivityExpectation e = expectation(cluster, random);
                ExpectationResult r = verifier.check(e);
                String expected = bruteForce(cluster, slow, probes, e);
                assertThat(r.outcome().name()).as("%s (%s) on %s\nmessage: %s", e, mode.describe(), cluster, r.message())
                        .isEqualTo(expected);
            }
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void generate_baseline_holdsAndReadsBack(@ForAll("clusters") Cluster cluster) {
        for (AnalysisOptions mode : EnginePropertyTest.modes(cluster)) {
            Connectivity c = new Analyzer(mode).analyze(cluster);
            List<ConnectivityExpectation> baseline = Baseline.describe(c);
            List<ExpectationResult> results = new Verifier(cluster, c).check(baseline);
            assertThat(results).as("%s on %s", mode.describe(), cluster)
                    .allSatisfy(r -> assertThat(r.passed()).as(r.expectation() + ": " + r.message()).isTrue());

            ExpectationsLoad back = ExpectationsReader.readString("b.yaml",
                    ExpectationsYaml.render("b", baseline, List.of("header")));
            assertThat(back.diagnostics()).isEmpty();
            assertThat(back.expectations().stream().map(VerifyPropertyTest::withoutSource).toList())
                    .isEqualTo(baseline);
        }
    }

    private static ConnectivityExpectation withoutSource(ConnectivityExpectation e) {
        return new ConnectivityExpectation(e.from(), e.to(), e.port(), e.expect(), e.description(), Source.UNKNOWN);
    }

    // ---------------------------------------------------------------- random expectations

    private static ConnectivityExpectation expectation(Cluster cluster, Random r) {
        EndpointSelector from = endpoint(cluster, r, true);
        EndpointSelector to = endpoint(cluster, r, !(from instanceof EndpointSelector.CidrForm));
        Optional<PolicyPort> port = switch (r.nextInt(4)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new PolicyPort.AllPorts(protocol(r)));
            case 2 -> Optional.of(PolicyPort.PortRange.of(protocol(r), pick(ClusterGenerator.PORT_NUMBERS, r)));
            default -> to instanceof EndpointSelector.CidrForm ? Optional.empty()
                    : Optional.of(new PolicyPort.NamedPort(protocol(r), pick(ClusterGenerator.PORT_NAMES, r)));
        };
        return ConnectivityExpectation.of(from, to, port, r.nextBoolean() ? Expect.Allow : Expect.Deny);
    }

    private static EndpointSelector endpoint(Cluster cluster, Random r, boolean cidrAllowed) {
        int kind = r.nextInt(cidrAllowed ? 4 : 3);
        return switch (kind) {
            case 0 -> {
                if (r.nextInt(8) == 0) {
                    yield EndpointSelector.WorkloadRef.of("a", "absent");
                }
                Workload w = pick(cluster.workloads(), r);
                yield new EndpointSelector.WorkloadRef(w.namespace(), w.name(), r.nextInt(4) == 0 ? w.kind() : "");
            }
            case 1, 2 -> {
                Optional<String> ns = r.nextBoolean() ? Optional.of(pick(ClusterGenerator.NAMESPACES, r)) : Optional.empty();
                Optional<LabelSelector> nsSel = r.nextBoolean() ? Optional.of(selector(r, true)) : Optional.empty();
                Optional<LabelSelector> podSel = r.nextBoolean() || (ns.isEmpty() && nsSel.isEmpty())
                        ? Optional.of(selector(r, false)) : Optional.empty();
                yield new EndpointSelector.SelectorForm(ns, nsSel, podSel);
            }
            default -> new EndpointSelector.CidrForm(pick(EXPECTATION_BLOCKS, r));
        };
    }

    private static LabelSelector selector(Random r, boolean namespaces) {
        if (r.nextInt(4) == 0) {
            return LabelSelector.all();
        }
        List<String> keys = new ArrayList<>(ClusterGenerator.LABEL_KEYS);
        if (namespaces) {
            keys.add(Namespace.NAME_LABEL);
        }
        String key = pick(keys, r);
        String value = key.equals(Namespace.NAME_LABEL) ? pick(ClusterGenerator.NAMESPACES, r)
                : pick(ClusterGenerator.LABEL_VALUES, r);
        if (r.nextBoolean()) {
            return LabelSelector.matchLabels(key, value);
        }
        LabelSelector.Operator op = pick(List.of(LabelSelector.Operator.values()), r);
        List<String> values = op == LabelSelector.Operator.In || op == LabelSelector.Operator.NotIn ? List.of(value) : List.of();
        return new LabelSelector(new TreeMap<>(), List.of(new LabelSelector.Requirement(key, op, values)));
    }

    private static Protocol protocol(Random r) {
        return pick(List.of(Protocol.values()), r);
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    // ---------------------------------------------------------------- brute force

    /** The outcome by the documented semantics, from the slow evaluator. */
    private static String bruteForce(Cluster cluster, SlowEvaluator slow, SortedSet<Integer> probes,
                                     ConnectivityExpectation e) {
        List<Object> sources = ends(cluster, e.from());
        List<Object> destinations = ends(cluster, e.to());
        if (sources.isEmpty() || destinations.isEmpty()) {
            return "UNMATCHED";
        }
        PolicyPort.NamedPort name = e.port().orElse(null) instanceof PolicyPort.NamedPort n ? n : null;
        if (name != null && destinations.stream().allMatch(d -> named((Workload) d, name).isEmpty())) {
            return "UNMATCHED";
        }
        int pairs = 0;
        boolean allHold = true;
        for (Object s : sources) {
            for (Object d : destinations) {
                if (s == d) {
                    continue;
                }
                pairs++;
                List<int[]> flows = flows(e, name, d, probes);
                boolean allowed = false;
                for (int[] f : flows) {
                    allowed |= allowed(slow, s, d, Protocol.values()[f[0]], f[1]);
                }
                boolean holds = e.expect() == Expect.Allow ? allowed : !allowed;
                allHold &= holds;
            }
        }
        if (pairs == 0) {
            return "UNMATCHED";
        }
        return allHold ? "PASSED" : "FAILED";
    }

    /** (protocol ordinal, port) pairs to try towards {@code d}. */
    private static List<int[]> flows(ConnectivityExpectation e, PolicyPort.NamedPort name, Object d,
                                     SortedSet<Integer> probes) {
        List<int[]> out = new ArrayList<>();
        if (name != null) {
            for (int p : named((Workload) d, name)) {
                out.add(new int[] {name.protocol().ordinal(), p});
            }
            return out;
        }
        if (e.port().isPresent() && e.port().get() instanceof PolicyPort.PortRange r) {
            out.add(new int[] {r.protocol().ordinal(), r.from()});
            return out;
        }
        for (Protocol p : Protocol.values()) {
            if (e.port().isPresent() && e.port().get().protocol() != p) {
                continue;
            }
            for (int port : probes) {
                out.add(new int[] {p.ordinal(), port});
            }
        }
        return out;
    }

    private static SortedSet<Integer> named(Workload w, PolicyPort.NamedPort name) {
        SortedSet<Integer> out = new TreeSet<>();
        for (Pod p : w.pods()) {
            for (ContainerPort c : p.ports()) {
                if (c.name().equals(name.name()) && c.protocol() == name.protocol()) {
                    out.add(c.port());
                }
            }
        }
        return out;
    }

    /** A workload pair is allowed when some pod pair is; an address stands for itself. */
    private static boolean allowed(SlowEvaluator slow, Object s, Object d, Protocol protocol, int port) {
        for (SlowEvaluator.End a : podsOrAddress(s)) {
            for (SlowEvaluator.End b : podsOrAddress(d)) {
                if (slow.allowed(a, b, protocol, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<SlowEvaluator.End> podsOrAddress(Object o) {
        if (o instanceof IpAddress a) {
            return List.of(SlowEvaluator.address(a));
        }
        return ((Workload) o).pods().stream().map(SlowEvaluator::pod).toList();
    }

    /** Workloads, or probe addresses: the first address of every cell the blocks cut the expectation's block into. */
    private static List<Object> ends(Cluster cluster, EndpointSelector s) {
        List<Object> out = new ArrayList<>();
        switch (s) {
            case EndpointSelector.WorkloadRef ref -> {
                for (Workload w : cluster.workloads()) {
                    if (w.namespace().equals(ref.namespace()) && w.name().equals(ref.name())
                            && (ref.kind().isEmpty() || ref.kind().equals(w.kind()))) {
                        out.add(w);
                    }
                }
            }
            case EndpointSelector.SelectorForm f -> {
                for (Workload w : cluster.workloads()) {
                    Map<String, String> nsLabels = cluster.namespaces().stream()
                            .filter(n -> n.name().equals(w.namespace())).<Map<String, String>>map(n -> n.labels().map()).findFirst()
                            .orElse(Map.of(Namespace.NAME_LABEL, w.namespace()));
                    boolean ok = f.namespace().map(w.namespace()::equals).orElse(true)
                            && f.namespaceSelector().map(sel -> SlowEvaluator.selectorMatches(sel, nsLabels)).orElse(true)
                            && f.podSelector().map(sel -> w.pods().stream()
                                    .anyMatch(p -> SlowEvaluator.selectorMatches(sel, p.labels().map()))).orElse(true);
                    if (ok) {
                        out.add(w);
                    }
                }
            }
            case EndpointSelector.CidrForm c -> {
                List<Cidr> edges = new ArrayList<>(ClusterGenerator.allCidrs());
                edges.add(c.block().cidr());
                edges.addAll(c.block().except());
                TreeSet<IpAddress> starts = new TreeSet<>();
                for (Cidr e : edges) {
                    starts.add(e.first());
                    if (!e.last().isFamilyMax()) {
                        starts.add(e.last().next());
                    }
                }
                for (IpAddress a : starts) {
                    if (SlowEvaluator.inBlock(c.block().cidr(), c.block().except(), a)) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }
}
