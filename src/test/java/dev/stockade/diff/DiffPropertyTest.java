package dev.stockade.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.GeneratedClusters;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link Differ} on generated clusters, in both ipBlock modes: a version compared
 * with itself has no changes; swapping the versions mirrors the diff; applying the diff to the
 * old connectivity gives the new one, pair by pair on the common refinement of both versions'
 * external ranges (checked here without the differ's own code); the reported ranges are minimal;
 * and every witness flow is decided by the {@code Explainer} as the analysis says.
 *
 * <p>The new version mixes the old one with a second generated cluster: policies and workloads
 * dropped or added, workloads with the same identity but other pods (label changes), namespaces
 * relabelled.
 */
class DiffPropertyTest {

    record Versions(Cluster before, Cluster after, AnalysisOptions options) {
        @Override
        public String toString() {
            return "[" + options.describe() + "]\nbefore:\n" + GeneratedClusters.describe(before) + "\nafter:\n"
                    + GeneratedClusters.describe(after);
        }
    }

    @Provide
    Arbitrary<Versions> versions() {
        return Combinators.combine(GeneratedClusters.clusters(), GeneratedClusters.clusters(), Arbitraries.longs(),
                        Arbitraries.of(true, false), Arbitraries.of(HostNetworkMode.values()))
                .as((a, c, seed, mode, hostNetwork) -> new Versions(a, mix(a, c, new Random(seed)),
                        new AnalysisOptions(mode, hostNetwork)));
    }

    @Provide
    Arbitrary<Cluster> clusters() {
        return GeneratedClusters.clusters();
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void diff_sameVersion_isEmpty(@ForAll("clusters") Cluster cluster, @ForAll boolean ipBlockMatchesPods) {
        ConnectivityDiff d = Differ.diff(cluster, cluster, new AnalysisOptions(ipBlockMatchesPods));

        assertThat(d.isEmpty()).as("diff of a cluster with itself: %s", d.changes()).isTrue();
        assertThat(d.endpoints()).isEmpty();
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void diff_swappedVersions_mirrors(@ForAll("versions") Versions v) {
        ConnectivityDiff forward = Differ.diff(v.before(), v.after(), v.options());
        ConnectivityDiff backward = Differ.diff(v.after(), v.before(), v.options());

        assertThat(ids(backward.endpoints())).isEqualTo(ids(forward.endpoints()));
        assertThat(ids(backward.workloadsAdded())).isEqualTo(ids(forward.workloadsRemoved()));
        assertThat(ids(backward.workloadsRemoved())).isEqualTo(ids(forward.workloadsAdded()));
        assertThat(backward.changes().stream().map(c -> row(c, true)).toList())
                .isEqualTo(forward.changes().stream().map(c -> row(c, false)).toList());
        assertThat(lines(backward.added())).isEqualTo(lines(forward.removed()).stream()
                .map(l -> "+" + l.substring(1)).toList());
        assertThat(backward.changed().size()).isEqualTo(forward.changed().size());
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void diff_appliedToBefore_givesAfter(@ForAll("versions") Versions v) {
        Connectivity a = new Analyzer(v.options()).analyze(v.before());
        Connectivity b = new Analyzer(v.options()).analyze(v.after());
        ConnectivityDiff d = Differ.diff(v.before(), v.after(), v.options());
        List<String> problems = new ArrayList<>();
        new Replay(a, b, d, problems).check();
        assertThat(problems).as("%s", v).isEmpty();
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void diff_witnesses_agreeWithTheAnalysis(@ForAll("versions") Versions v) {
        ConnectivityDiff d = Differ.diff(v.before(), v.after(), v.options());
        List<String> problems = new ArrayList<>();
        for (PairChange c : d.changes()) {
            int expected = (c.opened().isEmpty() ? 0 : 1) + (c.closed().isEmpty() ? 0 : 1);
            if (c.witnesses().size() != expected) {
                problems.add(c + ": " + c.witnesses().size() + " witnesses, expected " + expected);
            }
            for (Witness w : c.witnesses()) {
                check(c, w, "before", c.before(), w.before(), problems);
                check(c, w, "after", c.after(), w.after(), problems);
                if (w.opened() != c.opened().contains(w.protocol(), w.port())) {
                    problems.add(c + ": witness " + w + " is not in the part it claims");
                }
            }
        }
        assertThat(problems).as("%s", v).isEmpty();
    }

    private static void check(PairChange c, Witness w, String version, PortSet ports, Decision d, List<String> problems) {
        boolean analysed = ports.contains(w.protocol(), w.port());
        if (d.allowed() != analysed) {
            problems.add(c + ": " + w + " " + version + ": the analysis says " + (analysed ? "allowed" : "blocked")
                    + ", explain says " + (d.allowed() ? "allowed" : "blocked") + " " + d.reasons());
        }
        boolean consistent = d.allowed()
                ? d.reasons().stream().noneMatch(r -> r instanceof Reason.AdmitsNothing || r instanceof Reason.Absent)
                : !d.reasons().isEmpty() && d.reasons().stream()
                        .allMatch(r -> r instanceof Reason.AdmitsNothing || r instanceof Reason.Absent);
        if (!consistent) {
            problems.add(c + ": " + w + " " + version + ": reasons do not fit the decision: " + d);
        }
    }

    /** {@code src|dst|before|after}, or with before and after swapped. */
    private static String row(PairChange c, boolean swap) {
        return c.src().id() + "|" + c.dst().id() + "|" + (swap ? c.after() : c.before()) + "|"
                + (swap ? c.before() : c.after()) + "|" + c.witnesses().stream()
                .map(w -> w + " " + (swap ? w.after() : w.before()).allowed() + ">" + (swap ? w.before() : w.after())
                        .allowed()).sorted().collect(Collectors.joining(","));
    }

    private static List<String> lines(List<PairChange> changes) {
        return changes.stream().map(PairChange::toString).toList();
    }

    private static List<String> ids(List<Endpoint> endpoints) {
        return endpoints.stream().map(Endpoint::id).toList();
    }

    /**
     * The new version: each of the old policies kept with probability 0.8, each of the other
     * cluster's added with 0.3; workloads likewise (an other workload with an old one's identity
     * replaces it: new pods, new labels); namespaces relabelled from the other cluster with 0.3.
     */
    static Cluster mix(Cluster a, Cluster other, Random random) {
        Map<String, Namespace> otherNamespaces = new HashMap<>();
        other.namespaces().forEach(n -> otherNamespaces.put(n.name(), n));
        List<Namespace> namespaces = new ArrayList<>();
        for (Namespace n : a.namespaces()) {
            Namespace o = otherNamespaces.get(n.name());
            namespaces.add(o != null && random.nextDouble() < 0.3 ? o : n);
        }
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (Workload w : a.workloads()) {
            if (random.nextDouble() < 0.8) {
                workloads.put(key(w), w);
            }
        }
        for (Workload w : other.workloads()) {
            if (random.nextDouble() < 0.3) {
                workloads.put(key(w), w);
            }
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        for (NetworkPolicy p : a.policies()) {
            if (random.nextDouble() < 0.8) {
                policies.add(p);
            }
        }
        for (NetworkPolicy p : other.policies()) {
            if (random.nextDouble() < 0.3) {
                policies.add(new NetworkPolicy(p.namespace(), "other-" + p.name(), p.podSelector(), p.policyTypes(),
                        p.ingress(), p.egress(), p.source()));
            }
        }
        return Cluster.of(namespaces, new ArrayList<>(workloads.values()), policies);
    }

    private static String key(Workload w) {
        return w.namespace() + "/" + w.name() + "[" + w.kind() + "]";
    }

    /**
     * Applies a diff to the old connectivity and compares with the new one, independently of
     * the differ: workload pairs by identity, external pairs on every piece between two range
     * boundaries of either version.
     */
    private static final class Replay {
        private final Connectivity a;
        private final Connectivity b;
        private final ConnectivityDiff d;
        private final List<String> problems;
        private final TreeSet<String> keys = new TreeSet<>();
        private final Map<String, String> idOf = new HashMap<>();
        private final Map<String, PairChange> changes = new HashMap<>();

        Replay(Connectivity a, Connectivity b, ConnectivityDiff d, List<String> problems) {
            this.a = a;
            this.b = b;
            this.d = d;
            this.problems = problems;
        }

        void check() {
            for (Connectivity c : List.of(a, b)) {
                for (Endpoint e : c.endpoints()) {
                    if (e instanceof Endpoint.WorkloadEndpoint w) {
                        keys.add(key(w.workload()));
                    }
                }
            }
            Map<String, Integer> names = new HashMap<>();
            for (String k : keys) {
                names.merge(k.substring(0, k.indexOf('[')), 1, Integer::sum);
            }
            for (String k : keys) {
                String name = k.substring(0, k.indexOf('['));
                idOf.put(k, names.get(name) > 1 ? k : name);
            }
            for (PairChange c : d.changes()) {
                if (changes.put(c.src().id() + " => " + c.dst().id(), c) != null) {
                    problems.add("pair listed twice: " + c);
                }
            }
            checkWorkloadPairs();
            checkExternalPairs();
            checkRangesMinimal();
        }

        private void checkWorkloadPairs() {
            Map<String, PortSet> before = workloadPairs(a);
            Map<String, PortSet> after = workloadPairs(b);
            for (String s : keys) {
                for (String t : keys) {
                    if (!s.equals(t)) {
                        compare(idOf.get(s) + " => " + idOf.get(t), before.getOrDefault(s + ">" + t, PortSet.EMPTY),
                                after.getOrDefault(s + ">" + t, PortSet.EMPTY));
                    }
                }
            }
        }

        private Map<String, PortSet> workloadPairs(Connectivity c) {
            Map<String, PortSet> out = new HashMap<>();
            for (Connection x : c.connections()) {
                if (x.src() instanceof Endpoint.WorkloadEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint t) {
                    out.put(key(s.workload()) + ">" + key(t.workload()), x.allowed());
                }
            }
            return out;
        }

        /** The old value of a pair, the change the diff reports for it (if any), and the new value. */
        private void compare(String pair, PortSet before, PortSet after) {
            PairChange c = changes.remove(pair);
            PortSet replayed = before;
            if (c != null) {
                if (!c.before().equals(before)) {
                    problems.add(pair + ": the diff says it was " + c.before() + ", it was " + before);
                }
                replayed = c.after();
            }
            if (!replayed.equals(after)) {
                problems.add(pair + ": applying the diff gives " + replayed + ", the new version has " + after);
            }
        }

        private void checkExternalPairs() {
            TreeSet<IpAddress> starts = new TreeSet<>();
            List<Endpoint.ExternalEndpoint> reported = new ArrayList<>();
            for (Connectivity c : List.of(a, b)) {
                for (Endpoint e : c.endpoints()) {
                    if (e instanceof Endpoint.ExternalEndpoint x) {
                        starts.add(x.range().start());
                    }
                }
            }
            for (Endpoint e : d.endpoints()) {
                if (e instanceof Endpoint.ExternalEndpoint x) {
                    reported.add(x);
                }
            }
            Set<String> pairsOfReported = new TreeSet<>();
            List<IpAddress> s = new ArrayList<>(starts);
            for (int i = 0; i < s.size(); i++) {
                IpAddress start = s.get(i);
                IpAddress end = i + 1 < s.size() && s.get(i + 1).v6() == start.v6() ? s.get(i + 1).previous()
                        : start.v6() ? IpAddress.V6_MAX : IpAddress.V4_MAX;
                IpRange piece = new IpRange(start, end);
                String ra = containing(a, piece);
                String rb = containing(b, piece);
                String rd = null;
                for (Endpoint.ExternalEndpoint x : reported) {
                    if (x.range().contains(start)) {
                        rd = x.id();
                        if (!x.range().contains(end)) {
                            problems.add("reported range " + x.id() + " cuts the piece " + piece);
                        }
                    }
                }
                Map<String, PortSet> before = externalPairs(a, ra);
                Map<String, PortSet> after = externalPairs(b, rb);
                for (String k : keys) {
                    for (boolean out : new boolean[] {true, false}) {
                        String dk = out ? "out>" + k : "in>" + k;
                        String pair = out ? rd + " => " + idOf.get(k) : idOf.get(k) + " => " + rd;
                        PortSet pb = before.getOrDefault(dk, PortSet.EMPTY);
                        PortSet pa = after.getOrDefault(dk, PortSet.EMPTY);
                        PairChange c = rd == null ? null : changes.get(pair);
                        if (c != null) {
                            pairsOfReported.add(pair);
                        }
                        PortSet replayed = pb;
                        if (c != null) {
                            if (!c.before().equals(pb)) {
                                problems.add(pair + " on " + piece + ": the diff says it was " + c.before() + ", it was "
                                        + pb);
                            }
                            replayed = c.after();
                        }
                        if (!replayed.equals(pa)) {
                            problems.add(pair + " on " + piece + ": applying the diff gives " + replayed
                                    + ", the new version has " + pa);
                        }
                    }
                }
            }
            pairsOfReported.forEach(changes::remove);
            if (!changes.isEmpty()) {
                problems.add("changes of pairs that do not exist: " + changes.keySet());
            }
        }

        private static String containing(Connectivity c, IpRange piece) {
            for (Endpoint e : c.endpoints()) {
                if (e instanceof Endpoint.ExternalEndpoint x && x.range().contains(piece.start())) {
                    return x.id();
                }
            }
            throw new AssertionError("no range of the analysis holds " + piece.start());
        }

        /** An external endpoint's pairs, keyed {@code out>workload} and {@code in>workload}. */
        private static Map<String, PortSet> externalPairs(Connectivity c, String id) {
            Map<String, PortSet> out = new TreeMap<>();
            for (Connection x : c.connections()) {
                if (x.src().id().equals(id) && x.dst() instanceof Endpoint.WorkloadEndpoint w) {
                    out.put("out>" + key(w.workload()), x.allowed());
                } else if (x.dst().id().equals(id) && x.src() instanceof Endpoint.WorkloadEndpoint w) {
                    out.put("in>" + key(w.workload()), x.allowed());
                }
            }
            return out;
        }

        /** Touching reported ranges of one family must change differently, else they would be one range. */
        private void checkRangesMinimal() {
            List<Endpoint.ExternalEndpoint> reported = new ArrayList<>();
            for (Endpoint e : d.endpoints()) {
                if (e instanceof Endpoint.ExternalEndpoint x) {
                    reported.add(x);
                }
            }
            for (int i = 1; i < reported.size(); i++) {
                IpRange p = reported.get(i - 1).range();
                IpRange q = reported.get(i).range();
                if (p.end().v6() == q.start().v6() && !p.end().isFamilyMax() && p.end().next().equals(q.start())
                        && rowOf(reported.get(i - 1).id()).equals(rowOf(reported.get(i).id()))) {
                    problems.add("touching ranges " + p + " and " + q + " change identically; they should be one");
                }
            }
        }

        private List<String> rowOf(String id) {
            List<String> out = new ArrayList<>();
            for (PairChange c : d.changes()) {
                if (c.src().id().equals(id)) {
                    out.add("out " + c.dst().id() + " " + c.before() + " " + c.after());
                } else if (c.dst().id().equals(id)) {
                    out.add("in " + c.src().id() + " " + c.before() + " " + c.after());
                }
            }
            return out;
        }
    }
}
