package dev.stockade.engine;

import dev.stockade.model.IpAddress;

/**
 * An inclusive range of addresses of one family. {@link #toString()} is the CIDR when the
 * range is exactly one block ({@code 10.0.0.0/8}), else {@code start-end}.
 */
public record IpRange(IpAddress start, IpAddress end) implements Comparable<IpRange> {
    public IpRange {
        if (start.v6() != end.v6() || start.compareTo(end) > 0) {
            throw new IllegalArgumentException("bad range " + start + "-" + end);
        }
    }

    public boolean contains(IpAddress ip) {
        return ip.v6() == start.v6() && ip.compareTo(start) >= 0 && ip.compareTo(end) <= 0;
    }

    /** The prefix length when this range is exactly one CIDR block, else -1. */
    public int prefixLength() {
        for (int p = 0; p <= start.bits(); p++) {
            if (start.maskTo(p).equals(start) && start.fillFrom(p).equals(end)) {
                return p;
            }
        }
        return -1;
    }

    @Override
    public int compareTo(IpRange o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        int p = prefixLength();
        return p >= 0 ? start + "/" + p : start + "-" + end;
    }
}
