package dev.stockade.engine;

import dev.stockade.model.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Splits the whole IPv4 and IPv6 space into elementary intervals at every boundary of the
 * rules' {@link AddressSet}s, so that every set either contains an interval entirely or not at
 * all. Intervals contained in exactly the same sets form one address class.
 *
 * <p>One sweep over the sorted boundaries finds the intervals and the sets holding each, in
 * O(b log b) for b boundaries plus the total membership (the sum over intervals of the number
 * of sets holding them). That total grows as the product of sets and intervals when many
 * distinct sets overlap, so it is capped: past {@link #MAX_MEMBERSHIPS} the input is refused
 * with {@link InputTooLargeException}, naming the set that spans the most intervals.
 */
final class IpPartition {
    /** The most (interval, set) memberships a partition may hold; about 20 bytes each. */
    static final long MAX_MEMBERSHIPS = 5_000_000;

    private final IpAddress[] starts;
    private final IpAddress[] ends;
    private final int[] intervalClass;
    private final List<int[]> classBlocks = new ArrayList<>();
    private final long memberships;

    IpPartition(List<AddressSet> sets) {
        this(sets, MAX_MEMBERSHIPS, i -> "address set " + i);
    }

    /** A partition refusing more than {@code limit} memberships; {@code origin} names a set in the error. */
    IpPartition(List<AddressSet> sets, long limit, IntFunction<String> origin) {
        // boundaries: where a set's range starts (it enters) and one past where it ends (it leaves;
        // a range to the end of IPv4 leaves where IPv6 begins)
        List<Boundary> bounds = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            for (IpRange r : sets.get(k).ranges()) {
                bounds.add(new Boundary(r.start(), k, true));
                if (!r.end().isFamilyMax()) {
                    bounds.add(new Boundary(r.end().next(), k, false));
                } else if (!r.end().v6()) {
                    bounds.add(new Boundary(IpAddress.V6_MIN, k, false));
                }
            }
        }
        bounds.sort(null);
        TreeSet<IpAddress> cuts = new TreeSet<>();
        cuts.add(IpAddress.V4_MIN);
        cuts.add(IpAddress.V6_MIN);
        for (Boundary b : bounds) {
            cuts.add(b.at());
        }
        starts = cuts.toArray(new IpAddress[0]);
        ends = new IpAddress[starts.length];
        for (int i = 0; i < starts.length; i++) {
            boolean lastOfFamily = i + 1 == starts.length || starts[i + 1].v6() != starts[i].v6();
            ends[i] = lastOfFamily ? (starts[i].v6() ? IpAddress.V6_MAX : IpAddress.V4_MAX) : starts[i + 1].previous();
        }
        intervalClass = new int[starts.length];
        Map<Members, Integer> classes = new HashMap<>();
        TreeSet<Integer> current = new TreeSet<>();
        long[] spans = new long[sets.size()];
        long total = 0;
        int next = 0;
        for (int i = 0; i < starts.length; i++) {
            while (next < bounds.size() && bounds.get(next).at().equals(starts[i])) {
                Boundary b = bounds.get(next++);
                if (b.enters()) {
                    current.add(b.set());
                } else {
                    current.remove(b.set());
                }
            }
            total += current.size();
            if (total > limit) {
                throw tooLarge(sets, limit, origin, spans, current);
            }
            int[] members = new int[current.size()];
            int m = 0;
            for (int k : current) {
                members[m++] = k;
                spans[k]++;
            }
            Integer c = classes.get(new Members(members));
            if (c == null) {
                c = classBlocks.size();
                classes.put(new Members(members), c);
                classBlocks.add(members);
            }
            intervalClass[i] = c;
        }
        memberships = total;
    }

    /** How many (interval, set) pairs the partition holds: the work it took beyond sorting. */
    long memberships() {
        return memberships;
    }

    /** Where a set starts or stops holding addresses; ordered by address, leaving before entering. */
    private record Boundary(IpAddress at, int set, boolean enters) implements Comparable<Boundary> {
        @Override
        public int compareTo(Boundary o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Boolean.compare(enters, o.enters);
        }
    }

    /** The sets holding an interval, ascending, compared by content. */
    private record Members(int[] sets) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Members m && Arrays.equals(sets, m.sets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sets);
        }
    }

    private static InputTooLargeException tooLarge(List<AddressSet> sets, long limit,
                                                   IntFunction<String> origin, long[] spans,
                                                   TreeSet<Integer> current) {
        for (int k : current) {
            spans[k]++;
        }
        int widest = 0;
        for (int k = 1; k < spans.length; k++) {
            if (spans[k] > spans[widest]) {
                widest = k;
            }
        }
        return new InputTooLargeException(String.format(Locale.ROOT,
                "input too large: %,d distinct ipBlock lists overlap in more than %,d (address range, list) pairs,"
                        + " the limit of the analysis; the widest is %s, over %,d ranges",
                sets.size(), limit, origin.apply(widest), spans[widest]));
    }

    /** Index of the elementary interval holding {@code ip}. */
    int find(IpAddress ip) {
        int i = Arrays.binarySearch(starts, ip);
        return i >= 0 ? i : -i - 2;
    }

    int intervals() {
        return starts.length;
    }

    IpRange interval(int i) {
        return new IpRange(starts[i], ends[i]);
    }

    int classOf(int interval) {
        return intervalClass[interval];
    }

    int classes() {
        return classBlocks.size();
    }

    /** The address sets (indexes into the constructor's list) containing the class's addresses. */
    int[] blocksOfClass(int cls) {
        return classBlocks.get(cls);
    }

    /** The address sets containing {@code ip}. */
    int[] blocksContaining(IpAddress ip) {
        return classBlocks.get(intervalClass[find(ip)]);
    }
}
