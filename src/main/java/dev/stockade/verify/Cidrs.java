package dev.stockade.verify;

import dev.stockade.engine.IpRange;
import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import java.util.ArrayList;
import java.util.List;

/** Address-range arithmetic that the expectations need and the engine does not offer. */
final class Cidrs {
    private Cidrs() {}

    /** The fewest CIDR blocks whose union is exactly {@code range}, in address order. */
    static List<Cidr> cover(IpRange range) {
        List<Cidr> out = new ArrayList<>();
        IpAddress start = range.start();
        IpAddress end = range.end();
        while (true) {
            int p = 0;
            while (!start.maskTo(p).equals(start) || start.fillFrom(p).compareTo(end) > 0) {
                p++;
            }
            out.add(new Cidr(start, p));
            IpAddress last = start.fillFrom(p);
            if (last.equals(end)) {
                return out;
            }
            start = last.next();
        }
    }

    /**
     * Disjoint, sorted, non-adjacent ranges of one family as ipBlocks: the CIDR blocks covering them,
     * or, when shorter, the smallest block enclosing them all minus the blocks covering the gaps.
     */
    static List<IpBlock> compact(List<IpRange> ranges) {
        List<Cidr> blocks = new ArrayList<>();
        for (IpRange r : ranges) {
            blocks.addAll(cover(r));
        }
        IpAddress min = ranges.get(0).start();
        IpAddress max = ranges.get(ranges.size() - 1).end();
        int p = min.bits();
        while (!min.maskTo(p).equals(max.maskTo(p))) {
            p--;
        }
        Cidr enclosing = new Cidr(min, p);
        List<Cidr> gaps = new ArrayList<>();
        IpAddress next = enclosing.first();
        for (IpRange r : ranges) {
            if (r.start().compareTo(next) > 0) {
                gaps.addAll(cover(new IpRange(next, r.start().previous())));
            }
            next = r.end().isFamilyMax() ? null : r.end().next();
            if (next == null) {
                break;
            }
        }
        if (next != null && next.compareTo(enclosing.last()) <= 0) {
            gaps.addAll(cover(new IpRange(next, enclosing.last())));
        }
        if (1 + gaps.size() < blocks.size()) {
            return List.of(new IpBlock(enclosing, gaps));
        }
        return blocks.stream().map(c -> new IpBlock(c, List.of())).toList();
    }

    /** The whole address space of one family: {@code 0.0.0.0/0} or {@code ::/0}. */
    static Cidr family(boolean v6) {
        return new Cidr(v6 ? IpAddress.V6_MIN : IpAddress.V4_MIN, 0);
    }

    /**
     * The first address of {@code range} that lies in {@code cidr} and outside every block of
     * {@code except}, or null when there is none.
     */
    static IpAddress firstIn(IpRange range, Cidr cidr, List<Cidr> except) {
        if (range.start().v6() != cidr.first().v6()) {
            return null;
        }
        IpAddress lo = max(range.start(), cidr.first());
        IpAddress hi = min(range.end(), cidr.last());
        if (lo.compareTo(hi) > 0) {
            return null;
        }
        // step past every exception covering the candidate; each step moves beyond one block
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Cidr e : except) {
                if (e.contains(lo)) {
                    if (e.last().compareTo(hi) >= 0) {
                        return null;
                    }
                    lo = e.last().next();
                    moved = true;
                }
            }
        }
        return lo;
    }

    private static IpAddress max(IpAddress a, IpAddress b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static IpAddress min(IpAddress a, IpAddress b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
