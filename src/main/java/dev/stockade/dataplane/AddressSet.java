package dev.stockade.dataplane;

import dev.stockade.engine.IpRange;
import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of addresses of both families, kept as sorted, disjoint, non-adjacent
 * inclusive ranges (IPv4 first). Equal sets have equal range lists, so records holding them
 * compare by content: what nftables needs for an interval set (no overlapping elements).
 */
public record AddressSet(List<IpRange> ranges) {
    public static final AddressSet EMPTY = new AddressSet(List.of());

    public AddressSet {
        ranges = canonical(ranges);
    }

    public static AddressSet of(Cidr cidr) {
        return new AddressSet(List.of(new IpRange(cidr.first(), cidr.last())));
    }

    public static AddressSet of(Collection<IpAddress> addresses) {
        return new AddressSet(addresses.stream().map(a -> new IpRange(a, a)).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(IpAddress a) {
        for (IpRange r : ranges) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    public AddressSet union(AddressSet o) {
        List<IpRange> all = new ArrayList<>(ranges);
        all.addAll(o.ranges);
        return new AddressSet(all);
    }

    /** This set minus {@code o}. */
    public AddressSet subtract(AddressSet o) {
        List<IpRange> out = new ArrayList<>();
        for (IpRange r : ranges) {
            List<IpRange> pieces = List.of(r);
            for (IpRange cut : o.ranges) {
                List<IpRange> next = new ArrayList<>();
                for (IpRange p : pieces) {
                    if (p.start().v6() != cut.start().v6() || cut.end().compareTo(p.start()) < 0
                            || cut.start().compareTo(p.end()) > 0) {
                        next.add(p);
                        continue;
                    }
                    if (cut.start().compareTo(p.start()) > 0) {
                        next.add(new IpRange(p.start(), cut.start().previous()));
                    }
                    if (cut.end().compareTo(p.end()) < 0) {
                        next.add(new IpRange(cut.end().next(), p.end()));
                    }
                }
                pieces = next;
            }
            out.addAll(pieces);
        }
        return new AddressSet(out);
    }

    /** Whether the set holds at most {@code limit} addresses. */
    public boolean holdsAtMost(long limit) {
        long n = 0;
        for (IpRange r : ranges) {
            // ranges across a /64 boundary of IPv6 are counted as large: a conservative answer
            long gap = r.start().hi() != r.end().hi() ? -1 : r.end().lo() - r.start().lo();
            if (gap < 0 || gap >= limit) {
                return false;
            }
            n += gap + 1;
            if (n > limit) {
                return false;
            }
        }
        return true;
    }

    /** Every address of the set, in order; for sets that {@link #holdsAtMost hold few}. */
    public List<IpAddress> addresses() {
        List<IpAddress> out = new ArrayList<>();
        for (IpRange r : ranges) {
            for (IpAddress a = r.start(); ; a = a.next()) {
                out.add(a);
                if (a.equals(r.end())) {
                    break;
                }
            }
        }
        return out;
    }

    /** The addresses of one family. */
    public AddressSet only(Family family) {
        return new AddressSet(ranges.stream().filter(r -> Family.of(r.start()) == family).toList());
    }

    private static List<IpRange> canonical(List<IpRange> in) {
        List<IpRange> sorted = new ArrayList<>(in);
        sorted.sort(null);
        List<IpRange> out = new ArrayList<>();
        for (IpRange r : sorted) {
            if (!out.isEmpty()) {
                IpRange last = out.getLast();
                boolean touches = last.start().v6() == r.start().v6()
                        && (last.end().isFamilyMax() || r.start().compareTo(last.end().next()) <= 0);
                if (touches) {
                    if (r.end().compareTo(last.end()) > 0) {
                        out.set(out.size() - 1, new IpRange(last.start(), r.end()));
                    }
                    continue;
                }
            }
            out.add(r);
        }
        return List.copyOf(out);
    }
}
