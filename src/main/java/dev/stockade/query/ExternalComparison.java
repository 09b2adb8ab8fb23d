package dev.stockade.query;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.model.IpAddress;
import dev.stockade.model.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Compares the connections between workloads and external addresses of two analyses whose
 * external ranges may be cut differently: for each workload and direction, both sides' ranges
 * are walked together over their common refinement (every boundary of either side), and
 * adjacent pieces with the same pair of values are joined, so each difference covers a maximal
 * run of addresses where the two sides disagree in the same way.
 */
final class ExternalComparison {
    private final Connectivity left;
    private final Connectivity right;
    private final Map<ObjectRef, Endpoint.WorkloadEndpoint> common;
    private final Predicate<String> namespaces;

    ExternalComparison(Connectivity left, Connectivity right, Map<ObjectRef, Endpoint.WorkloadEndpoint> common,
                       Predicate<String> namespaces) {
        this.left = left;
        this.right = right;
        this.common = common;
        this.namespaces = namespaces;
    }

    /** Workload-to-external differences (by workload, then address), then external-to-workload ones (by address). */
    List<Equivalence.Difference> differences() {
        Side l = new Side(left);
        Side r = new Side(right);
        List<Equivalence.Difference> outgoing = new ArrayList<>();
        List<Equivalence.Difference> incoming = new ArrayList<>();
        for (Map.Entry<ObjectRef, Endpoint.WorkloadEndpoint> e : common.entrySet()) {
            if (!namespaces.test(e.getKey().namespace())) {
                continue;
            }
            for (Piece p : walk(l.ranges, l.out.getOrDefault(e.getKey(), Map.of()), r.ranges,
                    r.out.getOrDefault(e.getKey(), Map.of()))) {
                outgoing.add(new Equivalence.Difference(e.getValue(), Equivalence.range(p.range()), p.left(), p.right()));
            }
            for (Piece p : walk(l.ranges, l.in.getOrDefault(e.getKey(), Map.of()), r.ranges,
                    r.in.getOrDefault(e.getKey(), Map.of()))) {
                incoming.add(new Equivalence.Difference(Equivalence.range(p.range()), e.getValue(), p.left(), p.right()));
            }
        }
        Map<ObjectRef, Integer> rank = new HashMap<>();
        common.keySet().forEach(k -> rank.put(k, rank.size()));
        incoming.sort(Comparator.comparing((Equivalence.Difference d) -> ((Endpoint.ExternalEndpoint) d.src()).range())
                .thenComparingInt(d -> rank.get(((Endpoint.WorkloadEndpoint) d.dst()).workload().ref())));
        outgoing.addAll(incoming);
        return outgoing;
    }

    /** One side: its external ranges in address order, and each workload's ports to and from each range. */
    private static final class Side {
        final List<IpRange> ranges = new ArrayList<>();
        final Map<ObjectRef, Map<Integer, PortSet>> out = new HashMap<>();
        final Map<ObjectRef, Map<Integer, PortSet>> in = new HashMap<>();

        Side(Connectivity c) {
            Map<String, Integer> index = new HashMap<>();
            for (Endpoint e : c.endpoints()) {
                if (e instanceof Endpoint.ExternalEndpoint x) {
                    index.put(x.id(), ranges.size());
                    ranges.add(x.range());
                }
            }
            for (Connection x : c.connections()) {
                if (x.src() instanceof Endpoint.WorkloadEndpoint w && x.dst() instanceof Endpoint.ExternalEndpoint d) {
                    out.computeIfAbsent(w.workload().ref(), k -> new HashMap<>()).put(index.get(d.id()), x.allowed());
                } else if (x.src() instanceof Endpoint.ExternalEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint w) {
                    in.computeIfAbsent(w.workload().ref(), k -> new HashMap<>()).put(index.get(s.id()), x.allowed());
                }
            }
        }
    }

    private record Piece(IpRange range, PortSet left, PortSet right) {}

    /**
     * Walks two partitions of the same address space (IPv4 then IPv6) together and returns the
     * maximal runs where the two values differ.
     */
    private static List<Piece> walk(List<IpRange> lr, Map<Integer, PortSet> lv, List<IpRange> rr,
                                    Map<Integer, PortSet> rv) {
        List<Piece> out = new ArrayList<>();
        if (lv.isEmpty() && rv.isEmpty()) {
            return out;
        }
        int i = 0;
        int j = 0;
        IpAddress start = lr.get(0).start();
        while (i < lr.size() && j < rr.size()) {
            IpRange a = lr.get(i);
            IpRange b = rr.get(j);
            IpAddress end = a.end().compareTo(b.end()) <= 0 ? a.end() : b.end();
            PortSet x = lv.getOrDefault(i, PortSet.EMPTY);
            PortSet y = rv.getOrDefault(j, PortSet.EMPTY);
            if (!x.equals(y)) {
                Piece last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last.left().equals(x) && last.right().equals(y)
                        && last.range().start().v6() == start.v6() && last.range().end().next().equals(start)) {
                    out.set(out.size() - 1, new Piece(new IpRange(last.range().start(), end), x, y));
                } else {
                    out.add(new Piece(new IpRange(start, end), x, y));
                }
            }
            boolean advanceLeft = a.end().equals(end);
            boolean advanceRight = b.end().equals(end);
            if (advanceLeft) {
                i++;
            }
            if (advanceRight) {
                j++;
            }
            if (i < lr.size() && j < rr.size()) {
                start = end.isFamilyMax() ? lr.get(i).start() : end.next();
            }
        }
        return out;
    }
}
