package dev.stockade.engine;

import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A set of addresses of both families as ranges: sorted (IPv4 before IPv6), disjoint and
 * non-adjacent, so equal sets have equal representations. {@link #union} of ipBlocks is a
 * sort-and-sweep over their CIDRs and except blocks, O(n log n) in their number whatever
 * their overlap; an ipBlock is its CIDR minus its except blocks (the API puts every except
 * block inside the CIDR; as for {@link IpBlock#contains}, one holding the CIDR removes all of
 * it and a disjoint one nothing).
 */
record AddressSet(List<IpRange> ranges) {
    AddressSet {
        ranges = List.copyOf(ranges);
        for (int i = 1; i < ranges.size(); i++) {
            IpRange a = ranges.get(i - 1);
            IpRange b = ranges.get(i);
            if (a.start().compareTo(b.start()) >= 0 || touches(a, b)) {
                throw new IllegalArgumentException("ranges not sorted, disjoint and non-adjacent: " + a + ", " + b);
            }
        }
    }

    /** The addresses in at least one of the blocks. */
    static AddressSet union(Collection<IpBlock> blocks) {
        List<IpRange> all = new ArrayList<>();
        for (IpBlock b : blocks) {
            all.addAll(minusExcepts(b));
        }
        return new AddressSet(merged(all));
    }

    /** One block's CIDR minus its except blocks, as sorted disjoint ranges. */
    private static List<IpRange> minusExcepts(IpBlock b) {
        IpRange whole = range(b.cidr());
        if (b.except().isEmpty()) {
            return List.of(whole);
        }
        List<IpRange> holes = new ArrayList<>(b.except().size());
        for (Cidr e : b.except()) {
            if (e.contains(b.cidr())) {
                return List.of();
            }
            if (b.cidr().contains(e)) {
                holes.add(range(e));
            }
        }
        List<IpRange> out = new ArrayList<>();
        IpAddress next = whole.start();
        boolean done = false;
        for (IpRange h : merged(holes)) {
            if (h.start().compareTo(next) > 0) {
                out.add(new IpRange(next, h.start().previous()));
            }
            if (h.end().equals(whole.end())) {
                done = true;
                break;
            }
            next = h.end().next();
        }
        if (!done) {
            out.add(new IpRange(next, whole.end()));
        }
        return out;
    }

    private static IpRange range(Cidr c) {
        return new IpRange(c.first(), c.last());
    }

    /** Ranges sorted and joined where they overlap or touch. */
    private static List<IpRange> merged(List<IpRange> ranges) {
        List<IpRange> sorted = new ArrayList<>(ranges);
        sorted.sort(null);
        List<IpRange> out = new ArrayList<>(sorted.size());
        for (IpRange r : sorted) {
            int last = out.size() - 1;
            if (last >= 0) {
                IpRange p = out.get(last);
                if (touches(p, r)) {
                    if (r.end().compareTo(p.end()) > 0) {
                        out.set(last, new IpRange(p.start(), r.end()));
                    }
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    /** Whether {@code r}, starting at or after {@code p}, overlaps or directly follows it. */
    private static boolean touches(IpRange p, IpRange r) {
        return p.start().v6() == r.start().v6() && (p.end().isFamilyMax() || p.end().next().compareTo(r.start()) >= 0);
    }

    boolean contains(IpAddress ip) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            IpRange r = ranges.get(mid);
            if (r.end().compareTo(ip) < 0) {
                lo = mid + 1;
            } else if (r.start().compareTo(ip) > 0) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
