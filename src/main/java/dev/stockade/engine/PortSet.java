package dev.stockade.engine;

import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable set of (protocol, port) pairs, kept per protocol as sorted, disjoint,
 * non-adjacent inclusive intervals {@code [lo0, hi0, lo1, hi1, …]} within 1..65535. Equal sets
 * have equal representations, so {@link #equals} is set equality.
 * {@link #toString()} is {@code TCP 80,8000-8080; UDP 53}, {@code All connections} for the
 * full set and {@code No connections} for the empty one.
 */
public final class PortSet {
    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final int[] NONE = new int[0];
    private static final int[] FULL = {PolicyPort.MIN, PolicyPort.MAX};

    public static final PortSet EMPTY = new PortSet(new int[][] {NONE, NONE, NONE});
    public static final PortSet ALL = new PortSet(new int[][] {FULL, FULL, FULL});

    private final int[][] ranges;
    private final int hash;

    private PortSet(int[][] ranges) {
        this.ranges = ranges;
        this.hash = Arrays.deepHashCode(ranges);
    }

    public static PortSet of(Protocol protocol, int from, int to) {
        if (from < PolicyPort.MIN || to > PolicyPort.MAX || from > to) {
            throw new IllegalArgumentException("bad port range " + from + "-" + to);
        }
        int[][] r = {NONE, NONE, NONE};
        r[protocol.ordinal()] = new int[] {from, to};
        return new PortSet(r);
    }

    public static PortSet of(Protocol protocol, int port) {
        return of(protocol, port, port);
    }

    public static PortSet allOf(Protocol protocol) {
        return of(protocol, PolicyPort.MIN, PolicyPort.MAX);
    }

    public boolean isEmpty() {
        return this == EMPTY || (ranges[0].length == 0 && ranges[1].length == 0 && ranges[2].length == 0);
    }

    public boolean isAll() {
        return this == ALL || equals(ALL);
    }

    public boolean contains(Protocol protocol, int port) {
        int[] r = ranges[protocol.ordinal()];
        for (int i = 0; i < r.length; i += 2) {
            if (port < r[i]) {
                return false;
            }
            if (port <= r[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** True when every pair of {@code other} is in this set. */
    public boolean containsAll(PortSet other) {
        return other.union(this).equals(this);
    }

    public PortSet union(PortSet o) {
        if (o.isEmpty() || this == o || isAll()) {
            return this;
        }
        if (isEmpty() || o.isAll()) {
            return o;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = union(ranges[p], o.ranges[p]);
        }
        return canonical(r);
    }

    public PortSet intersect(PortSet o) {
        if (isEmpty() || o.isAll() || this == o) {
            return this;
        }
        if (o.isEmpty() || isAll()) {
            return o;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = intersect(ranges[p], o.ranges[p]);
        }
        return canonical(r);
    }

    /** This set minus {@code o}. */
    public PortSet subtract(PortSet o) {
        if (isEmpty() || o.isEmpty()) {
            return this;
        }
        int[][] r = new int[3][];
        for (int p = 0; p < 3; p++) {
            r[p] = intersect(ranges[p], complement(o.ranges[p]));
        }
        return canonical(r);
    }

    private static PortSet canonical(int[][] r) {
        PortSet s = new PortSet(r);
        if (s.equals(EMPTY)) {
            return EMPTY;
        }
        if (s.equals(ALL)) {
            return ALL;
        }
        return s;
    }

    private static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int lo;
            int hi;
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                lo = a[i];
                hi = a[i + 1];
                i += 2;
            } else {
                lo = b[j];
                hi = b[j + 1];
                j += 2;
            }
            if (n > 0 && lo <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], hi);
            } else {
                out[n++] = lo;
                out[n++] = hi;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] intersect(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return NONE;
        }
        int[] out = new int[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int lo = Math.max(a[i], b[j]);
            int hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out[n++] = lo;
                out[n++] = hi;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    private static int[] complement(int[] a) {
        List<Integer> out = new ArrayList<>();
        int next = PolicyPort.MIN;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] > next) {
                out.add(next);
                out.add(a[i] - 1);
            }
            next = a[i + 1] + 1;
        }
        if (next <= PolicyPort.MAX) {
            out.add(next);
            out.add(PolicyPort.MAX);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The contract's map: protocol name to ranges as strings ({@code "80"}, {@code "8000-8080"}),
     * protocols with no ports left out; {@code ["1-65535"]} for a whole protocol.
     */
    public Map<Protocol, List<String>> toRangeStrings() {
        Map<Protocol, List<String>> m = new EnumMap<>(Protocol.class);
        for (Protocol p : PROTOCOLS) {
            int[] r = ranges[p.ordinal()];
            if (r.length == 0) {
                continue;
            }
            List<String> l = new ArrayList<>(r.length / 2);
            for (int i = 0; i < r.length; i += 2) {
                l.add(r[i] == r[i + 1] ? String.valueOf(r[i]) : r[i] + "-" + r[i + 1]);
            }
            m.put(p, List.copyOf(l));
        }
        return m;
    }

    /** The raw intervals of one protocol, {@code [lo0, hi0, lo1, hi1, …]} (a copy). */
    public int[] intervals(Protocol protocol) {
        return ranges[protocol.ordinal()].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet s && s.hash == hash && Arrays.deepEquals(s.ranges, ranges);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (isAll()) {
            return "All connections";
        }
        if (isEmpty()) {
            return "No connections";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Protocol, List<String>> e : toRangeStrings().entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.getKey()).append(' ').append(String.join(",", e.getValue()));
        }
        return sb.toString();
    }
}
