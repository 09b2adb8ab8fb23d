package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Compares one {@link Connectivity} with {@link SlowEvaluator} and lists every disagreement.
 *
 * <p>Ports are compared at probe points: a fixed set, every container port, every policy port
 * number and range edge with its neighbours, and the edges of the engine's own intervals with
 * their neighbours. The true allowed set only changes at policy and container port edges, so
 * this finds every difference, including ports the engine allows for no reason.
 */
final class DifferentialCheck {
    static final int[] BASE_PROBES = {1, 52, 53, 54, 79, 80, 81, 443, 8080, 65535};
    private static final int MAX_DIFFS_PER_PAIR = 6;

    private final Cluster cluster;
    private final AnalysisOptions options;
    private final Connectivity result;
    private final SlowEvaluator slow;
    private final SortedSet<Integer> probes;
    private final Map<String, PortSet> connections = new HashMap<>();
    private final List<Endpoint.WorkloadEndpoint> workloads = new ArrayList<>();
    private final List<Endpoint.ExternalEndpoint> externals = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private DifferentialCheck(Cluster cluster, AnalysisOptions options) {
        this.cluster = cluster;
        this.options = options;
        this.result = new Analyzer(options).analyze(cluster);
        this.slow = new SlowEvaluator(cluster, options.ipBlockMatchesPods(),
                options.hostNetwork() == HostNetworkMode.POD);
        this.probes = probes(cluster);
    }

    /** Every disagreement between the engine and the slow evaluator, in the given mode. */
    static List<String> problems(Cluster cluster, AnalysisOptions options) {
        DifferentialCheck c = new DifferentialCheck(cluster, options);
        c.checkEndpoints();
        if (c.problems.isEmpty()) {
            c.checkWorkloadPairs();
            c.checkExternals();
            c.checkRangesMinimal();
        }
        return c.problems;
    }

    /** The fixed probes plus every port number a container or a policy of the cluster mentions, ±1. */
    static SortedSet<Integer> probes(Cluster cluster) {
        SortedSet<Integer> out = new TreeSet<>();
        for (int p : BASE_PROBES) {
            out.add(p);
        }
        for (Workload w : cluster.workloads()) {
            for (Pod pod : w.pods()) {
                for (ContainerPort c : pod.ports()) {
                    addAround(out, c.port());
                }
            }
        }
        for (NetworkPolicy p : cluster.policies()) {
            List<PolicyRule> rules = new ArrayList<>(p.ingress());
            rules.addAll(p.egress());
            for (PolicyRule r : rules) {
                for (PolicyPort pp : r.ports()) {
                    if (pp instanceof PolicyPort.PortRange range) {
                        addAround(out, range.from());
                        addAround(out, range.to());
                    }
                }
            }
        }
        for (dev.stockade.model.AdminPolicy p : cluster.adminPolicies()) {
            List<dev.stockade.model.AdminRule> rules = new ArrayList<>(p.ingress());
            rules.addAll(p.egress());
            for (dev.stockade.model.AdminRule r : rules) {
                for (dev.stockade.model.AdminPort ap : r.ports()) {
                    if (ap instanceof dev.stockade.model.AdminPort.Number n) {
                        addAround(out, n.port());
                    } else if (ap instanceof dev.stockade.model.AdminPort.Range range) {
                        addAround(out, range.start());
                        addAround(out, range.end());
                    }
                }
            }
        }
        return out;
    }

    private static void addAround(Set<Integer> out, int port) {
        for (int p = port - 1; p <= port + 1; p++) {
            if (p >= PolicyPort.MIN && p <= PolicyPort.MAX) {
                out.add(p);
            }
        }
    }

    private void checkEndpoints() {
        Set<String> ids = new HashSet<>();
        for (Endpoint e : result.endpoints()) {
            if (!ids.add(e.id())) {
                problems.add("endpoint id " + e.id() + " is not unique");
            }
            switch (e) {
                case Endpoint.WorkloadEndpoint w -> {
                    if (!externals.isEmpty()) {
                        problems.add("workload endpoint " + w.id() + " listed after an external one");
                    }
                    workloads.add(w);
                }
                case Endpoint.ExternalEndpoint x -> externals.add(x);
                case Endpoint.ControllerEndpoint c -> {
                    if (cluster.entrances().routes().isEmpty()) {
                        problems.add("the ingress controller is listed though the input has no routes");
                    }
                }
            }
        }
        List<Workload> listed = workloads.stream().map(Endpoint.WorkloadEndpoint::workload).toList();
        if (listed.size() != cluster.workloads().size() || !new HashSet<>(listed).equals(new HashSet<>(cluster.workloads()))) {
            problems.add("workload endpoints " + workloads + " are not the cluster's workloads " + cluster.workloads());
        }
        int v4Count = (int) externals.stream().filter(x -> !x.range().start().v6()).count();
        for (int i = 0; i < externals.size(); i++) {
            if (externals.get(i).range().start().v6() != (i >= v4Count)) {
                problems.add("external endpoints are not IPv4 first, then IPv6: " + externals);
                break;
            }
        }
        checkCoverage(false);
        checkCoverage(true);
        for (Connection c : result.connections()) {
            if (!ids.contains(c.src().id()) || !ids.contains(c.dst().id())) {
                problems.add("connection between unknown endpoints: " + c);
            }
            if (c.src().id().equals(c.dst().id())) {
                problems.add("connection from an endpoint to itself: " + c);
            }
            if (c.src() instanceof Endpoint.ExternalEndpoint && c.dst() instanceof Endpoint.ExternalEndpoint) {
                problems.add("connection between two external endpoints: " + c);
            }
            if (connections.put(key(c.src(), c.dst()), c.allowed()) != null) {
                problems.add("connection listed twice: " + c);
            }
        }
    }

    /** External ranges of one family: sorted, disjoint, adjacent and covering the whole family. */
    private void checkCoverage(boolean v6) {
        List<IpRange> ranges = externals.stream().map(Endpoint.ExternalEndpoint::range)
                .filter(r -> r.start().v6() == v6).toList();
        String family = v6 ? "IPv6" : "IPv4";
        BigInteger max = BigInteger.ONE.shiftLeft(v6 ? 128 : 32).subtract(BigInteger.ONE);
        BigInteger next = BigInteger.ZERO;
        for (IpRange r : ranges) {
            BigInteger start = SlowEvaluator.value(r.start());
            BigInteger end = SlowEvaluator.value(r.end());
            if (!start.equals(next) || start.compareTo(end) > 0) {
                problems.add(family + " external ranges do not tile the space at " + r + ": " + ranges);
                return;
            }
            next = end.add(BigInteger.ONE);
        }
        if (!next.equals(max.add(BigInteger.ONE))) {
            problems.add(family + " external ranges do not reach the end of the space: " + ranges);
        }
    }

    private void checkWorkloadPairs() {
        for (Endpoint.WorkloadEndpoint s : workloads) {
            for (Endpoint.WorkloadEndpoint d : workloads) {
                if (s == d) {
                    continue;
                }
                compare(s.id() + " => " + d.id(), connection(s, d), (protocol, port) ->
                        anyPodPair(s.workload().pods(), d.workload().pods(), protocol, port));
            }
        }
    }

    private boolean anyPodPair(List<Pod> sources, List<Pod> destinations, Protocol protocol, int port) {
        for (Pod s : sources) {
            for (Pod d : destinations) {
                if (slow.allowed(SlowEvaluator.pod(s), SlowEvaluator.pod(d), protocol, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Start, middle and end of every external range, as a source and as a destination. */
    private void checkExternals() {
        for (Endpoint.ExternalEndpoint x : externals) {
            BigInteger start = SlowEvaluator.value(x.range().start());
            BigInteger end = SlowEvaluator.value(x.range().end());
            Set<BigInteger> samples = new TreeSet<>(List.of(start, start.add(end).shiftRight(1), end));
            for (BigInteger v : samples) {
                IpAddress ip = SlowEvaluator.fromValue(x.range().start().v6(), v);
                SlowEvaluator.End address = SlowEvaluator.address(ip);
                for (Endpoint.WorkloadEndpoint w : workloads) {
                    compare(x.id() + " (at " + ip + ") => " + w.id(), connection(x, w), (protocol, port) ->
                            w.workload().pods().stream().anyMatch(d ->
                                    slow.allowed(address, SlowEvaluator.pod(d), protocol, port)));
                    compare(w.id() + " => " + x.id() + " (at " + ip + ")", connection(w, x), (protocol, port) ->
                            w.workload().pods().stream().anyMatch(s ->
                                    slow.allowed(SlowEvaluator.pod(s), address, protocol, port)));
                }
            }
        }
    }

    /**
     * Adjacent external ranges of one family must differ in some connection, else the engine
     * should have merged them (its ranges are the places where connectivity changes).
     */
    private void checkRangesMinimal() {
        for (int i = 1; i < externals.size(); i++) {
            Endpoint.ExternalEndpoint a = externals.get(i - 1);
            Endpoint.ExternalEndpoint b = externals.get(i);
            if (a.range().start().v6() == b.range().start().v6() && fingerprint(a).equals(fingerprint(b))) {
                problems.add("[" + options.describe() + "] adjacent external ranges " + a + " and " + b
                        + " have identical connections and were not merged");
            }
        }
    }

    private Map<String, PortSet> fingerprint(Endpoint.ExternalEndpoint x) {
        Map<String, PortSet> f = new HashMap<>();
        for (Endpoint.WorkloadEndpoint w : workloads) {
            f.put("to " + w.id(), connection(x, w));
            f.put("from " + w.id(), connection(w, x));
        }
        return f;
    }

    private void compare(String pair, PortSet observed, BiPredicate<Protocol, Integer> expected) {
        List<String> diffs = new ArrayList<>();
        Map<Protocol, List<Integer>> expectedAllowed = new java.util.EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            SortedSet<Integer> ports = new TreeSet<>(probes);
            int[] edges = observed.intervals(protocol);
            for (int e : edges) {
                addAround(ports, e);
            }
            for (int port : ports) {
                boolean exp = expected.test(protocol, port);
                if (exp) {
                    expectedAllowed.computeIfAbsent(protocol, k -> new ArrayList<>()).add(port);
                }
                if (exp != observed.contains(protocol, port)) {
                    diffs.add(protocol + " " + port + (exp ? " (engine denies)" : " (engine allows)"));
                }
            }
        }
        if (diffs.isEmpty()) {
            return;
        }
        String expectedText = expectedAllowed.isEmpty() ? "nothing" : expectedAllowed.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
        problems.add("[" + options.describe() + "] " + pair + "\n    expected (at probes): " + expectedText
                + "\n    observed: " + observed + "\n    differ at: "
                + String.join(", ", diffs.subList(0, Math.min(MAX_DIFFS_PER_PAIR, diffs.size())))
                + (diffs.size() > MAX_DIFFS_PER_PAIR ? " and " + (diffs.size() - MAX_DIFFS_PER_PAIR) + " more" : ""));
    }

    private PortSet connection(Endpoint src, Endpoint dst) {
        return connections.getOrDefault(key(src, dst), PortSet.EMPTY);
    }

    private static String key(Endpoint src, Endpoint dst) {
        return src.id() + " => " + dst.id();
    }
}
