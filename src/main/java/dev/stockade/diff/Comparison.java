package dev.stockade.diff;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pair-by-pair comparison of two analyses, without explanations. Endpoints are numbered in
 * one index space: the union of both versions' workloads first (sorted by namespace, name,
 * kind), then the external ranges that have changes.
 *
 * <p>External ranges differ between two analyses, so they are compared on the common refinement
 * of both: the pieces between every range boundary of either version. Each piece has a "row",
 * the list of its pairs whose ports differ; adjacent pieces of one family with equal rows are
 * merged, and merged ranges with an empty row are not listed. Every address of a listed range
 * therefore changes exactly as the range says, and no two neighbouring listed ranges change
 * alike.
 */
final class Comparison {
    /** One differing pair, by index, with the ports before and after. */
    record Change(int src, int dst, PortSet before, PortSet after) {}

    /** A workload's identity across versions; its pods and labels may differ. */
    private record Key(String namespace, String name, String kind) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::namespace).thenComparing(Key::name)
                .thenComparing(Key::kind);

        static Key of(Workload w) {
            return new Key(w.namespace(), w.name(), w.kind());
        }
    }

    /** A changed pair of an external piece: direction seen from the piece, the other end, the ports. */
    private record RowEntry(boolean outgoing, int other, PortSet before, PortSet after) {}

    private static final long OUTGOING = 1L << 32;

    final List<Endpoint> endpoints = new ArrayList<>();
    final List<Workload> before = new ArrayList<>();
    final List<Workload> after = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    private final Connectivity a;
    private final Connectivity b;
    private final Map<Key, Integer> index = new HashMap<>();

    private Comparison(Connectivity a, Connectivity b) {
        this.a = a;
        this.b = b;
    }

    static Comparison of(Connectivity a, Connectivity b) {
        if (!a.options().equals(b.options())) {
            throw new IllegalArgumentException("the two analyses use different options: " + a.options().describe()
                    + " vs " + b.options().describe());
        }
        Comparison c = new Comparison(a, b);
        c.unionOfWorkloads();
        c.workloadPairs();
        c.externalPairs();
        c.controllerPairs();
        c.changes.sort(Comparator.comparingInt(Change::src).thenComparingInt(Change::dst));
        return c;
    }

    AnalysisOptions options() {
        return a.options();
    }

    int workloadCount() {
        return before.size();
    }

    private void unionOfWorkloads() {
        TreeMap<Key, Workload[]> union = new TreeMap<>(Key.ORDER);
        for (Endpoint e : a.endpoints()) {
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                union.computeIfAbsent(Key.of(w.workload()), k -> new Workload[2])[0] = w.workload();
            }
        }
        for (Endpoint e : b.endpoints()) {
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                union.computeIfAbsent(Key.of(w.workload()), k -> new Workload[2])[1] = w.workload();
            }
        }
        Map<String, Integer> nameCount = new HashMap<>();
        for (Key k : union.keySet()) {
            nameCount.merge(k.namespace() + "/" + k.name(), 1, Integer::sum);
        }
        for (Map.Entry<Key, Workload[]> e : union.entrySet()) {
            Key k = e.getKey();
            String qualified = k.namespace() + "/" + k.name();
            String id = nameCount.get(qualified) > 1 ? qualified + "[" + k.kind() + "]" : qualified;
            Workload shown = e.getValue()[1] != null ? e.getValue()[1] : e.getValue()[0];
            index.put(k, endpoints.size());
            endpoints.add(new Endpoint.WorkloadEndpoint(id, shown));
            before.add(e.getValue()[0]);
            after.add(e.getValue()[1]);
        }
    }

    /** Union index of a workload endpoint of either analysis. */
    private int workload(Endpoint.WorkloadEndpoint w) {
        return index.get(Key.of(w.workload()));
    }

    private void workloadPairs() {
        Map<Long, PortSet[]> pairs = new HashMap<>();
        collectWorkloadPairs(a, 0, pairs);
        collectWorkloadPairs(b, 1, pairs);
        for (Map.Entry<Long, PortSet[]> e : pairs.entrySet()) {
            PortSet[] p = e.getValue();
            if (!p[0].equals(p[1])) {
                changes.add(new Change((int) (e.getKey() >>> 32), (int) (long) e.getKey(), p[0], p[1]));
            }
        }
    }

    private void collectWorkloadPairs(Connectivity c, int side, Map<Long, PortSet[]> pairs) {
        for (Connection x : c.connections()) {
            if (x.src() instanceof Endpoint.WorkloadEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint d) {
                long key = ((long) workload(s) << 32) | workload(d);
                PortSet[] p = pairs.computeIfAbsent(key, k -> new PortSet[] {PortSet.EMPTY, PortSet.EMPTY});
                p[side] = p[side].union(x.allowed());
            }
        }
    }

    /** The ingress controller's pairs: it is listed, after every other endpoint, when one of them changed. */
    private void controllerPairs() {
        Map<Integer, PortSet[]> pairs = new TreeMap<>();
        for (int side = 0; side < 2; side++) {
            for (Connection x : (side == 0 ? a : b).connections()) {
                if (x.src() instanceof Endpoint.ControllerEndpoint && x.dst() instanceof Endpoint.WorkloadEndpoint d) {
                    PortSet[] p = pairs.computeIfAbsent(workload(d), k -> new PortSet[] {PortSet.EMPTY, PortSet.EMPTY});
                    p[side] = p[side].union(x.allowed());
                }
            }
        }
        int controller = -1;
        for (Map.Entry<Integer, PortSet[]> e : pairs.entrySet()) {
            PortSet[] p = e.getValue();
            if (!p[0].equals(p[1])) {
                if (controller < 0) {
                    controller = endpoints.size();
                    endpoints.add(new Endpoint.ControllerEndpoint());
                }
                changes.add(new Change(controller, e.getKey(), p[0], p[1]));
            }
        }
    }

    /** An analysis's external ranges in order, and per range its pairs keyed by direction and other end. */
    private final class Externals {
        final List<IpRange> ranges = new ArrayList<>();
        final List<Map<Long, PortSet>> edges = new ArrayList<>();

        Externals(Connectivity c) {
            Map<String, Integer> ids = new HashMap<>();
            for (Endpoint e : c.endpoints()) {
                if (e instanceof Endpoint.ExternalEndpoint x) {
                    ids.put(x.id(), ranges.size());
                    ranges.add(x.range());
                    edges.add(new HashMap<>());
                }
            }
            for (Connection x : c.connections()) {
                if (x.src() instanceof Endpoint.ExternalEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint d) {
                    edges.get(ids.get(s.id())).merge(OUTGOING | workload(d), x.allowed(), PortSet::union);
                } else if (x.src() instanceof Endpoint.WorkloadEndpoint s
                        && x.dst() instanceof Endpoint.ExternalEndpoint d) {
                    edges.get(ids.get(d.id())).merge((long) workload(s), x.allowed(), PortSet::union);
                }
            }
        }
    }

    private void externalPairs() {
        Externals ea = new Externals(a);
        Externals eb = new Externals(b);
        Map<Long, List<RowEntry>> rows = new HashMap<>();
        IpAddress start = null;
        IpAddress end = null;
        List<RowEntry> row = null;
        int i = 0;
        int j = 0;
        while (i < ea.ranges.size() && j < eb.ranges.size()) {
            IpRange x = ea.ranges.get(i);
            IpRange y = eb.ranges.get(j);
            IpAddress s = max(x.start(), y.start());
            IpAddress e = min(x.end(), y.end());
            if (s.compareTo(e) > 0) {
                throw new IllegalArgumentException("the external ranges of the two analyses do not cover the same"
                        + " addresses: " + x + " and " + y);
            }
            long key = ((long) i << 32) | j;
            final int fi = i;
            final int fj = j;
            List<RowEntry> r = rows.computeIfAbsent(key, k -> row(ea.edges.get(fi), eb.edges.get(fj)));
            if (row != null && s.v6() == start.v6() && r.equals(row)) {
                end = e;
            } else {
                flush(start, end, row);
                start = s;
                end = e;
                row = r;
            }
            int c = x.end().compareTo(y.end());
            if (c <= 0) {
                i++;
            }
            if (c >= 0) {
                j++;
            }
        }
        if (i < ea.ranges.size() || j < eb.ranges.size()) {
            throw new IllegalArgumentException("the external ranges of the two analyses do not cover the same addresses");
        }
        flush(start, end, row);
    }

    /** The pairs of one refined piece whose ports differ, in a canonical order. */
    private static List<RowEntry> row(Map<Long, PortSet> before, Map<Long, PortSet> after) {
        TreeMap<Long, PortSet[]> both = new TreeMap<>();
        before.forEach((k, v) -> both.computeIfAbsent(k, x -> new PortSet[] {PortSet.EMPTY, PortSet.EMPTY})[0] = v);
        after.forEach((k, v) -> both.computeIfAbsent(k, x -> new PortSet[] {PortSet.EMPTY, PortSet.EMPTY})[1] = v);
        List<RowEntry> out = new ArrayList<>();
        for (Map.Entry<Long, PortSet[]> e : both.entrySet()) {
            PortSet[] p = e.getValue();
            if (!p[0].equals(p[1])) {
                out.add(new RowEntry((e.getKey() & OUTGOING) != 0, (int) (long) e.getKey(), p[0], p[1]));
            }
        }
        return out;
    }

    /** Lists a merged range and its changes, when it has any. */
    private void flush(IpAddress start, IpAddress end, List<RowEntry> row) {
        if (row == null || row.isEmpty()) {
            return;
        }
        IpRange range = new IpRange(start, end);
        int x = endpoints.size();
        endpoints.add(new Endpoint.ExternalEndpoint(range.toString(), range));
        for (RowEntry r : row) {
            changes.add(r.outgoing() ? new Change(x, r.other(), r.before(), r.after())
                    : new Change(r.other(), x, r.before(), r.after()));
        }
    }

    private static IpAddress max(IpAddress p, IpAddress q) {
        return p.compareTo(q) >= 0 ? p : q;
    }

    private static IpAddress min(IpAddress p, IpAddress q) {
        return p.compareTo(q) <= 0 ? p : q;
    }
}
