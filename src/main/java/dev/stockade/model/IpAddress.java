package dev.stockade.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as an unsigned 128-bit number ({@code hi}, {@code lo}); IPv4 uses
 * {@code lo} only. Addresses of the two families never compare equal and IPv4 sorts first.
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress> {
    public static final IpAddress V4_MIN = new IpAddress(false, 0, 0);
    public static final IpAddress V4_MAX = new IpAddress(false, 0, 0xFFFF_FFFFL);
    public static final IpAddress V6_MIN = new IpAddress(true, 0, 0);
    public static final IpAddress V6_MAX = new IpAddress(true, -1L, -1L);

    public IpAddress {
        if (!v6 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    public int bits() {
        return v6 ? 128 : 32;
    }

    /**
     * Parses a literal IPv4 ({@code 10.0.0.1}) or IPv6 ({@code fd00::1}) address, without any
     * name lookup. IPv4 needs four decimal octets.
     */
    public static Optional<IpAddress> parse(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        if (!s.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address) {
                // the JDK turns IPv4-mapped IPv6 (::ffff:a.b.c.d) into IPv4; it was written as IPv6
                IpAddress v4 = fromBytes(false, b);
                return Optional.of(new IpAddress(true, 0, 0x0000_FFFF_0000_0000L | v4.lo()));
            }
            if (a instanceof Inet6Address) {
                return Optional.of(fromBytes(true, b));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<IpAddress> parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                return Optional.empty();
            }
            v = (v << 8) | o;
        }
        return Optional.of(new IpAddress(false, 0, v));
    }

    private static IpAddress fromBytes(boolean v6, byte[] b) {
        long hi = 0;
        long lo = 0;
        if (v6) {
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xFF);
            }
            for (int i = 8; i < 16; i++) {
                lo = (lo << 8) | (b[i] & 0xFF);
            }
        } else {
            for (byte x : b) {
                lo = (lo << 8) | (x & 0xFF);
            }
        }
        return new IpAddress(v6, hi, lo);
    }

    public static IpAddress v4(long value) {
        return new IpAddress(false, 0, value);
    }

    /** This address plus one; the caller ensures it is not the family's maximum. */
    public IpAddress next() {
        long nlo = lo + 1;
        long nhi = nlo == 0 ? hi + 1 : hi;
        return new IpAddress(v6, nhi, nlo);
    }

    /** This address minus one; the caller ensures it is not the family's minimum. */
    public IpAddress previous() {
        long nlo = lo - 1;
        long nhi = lo == 0 ? hi - 1 : hi;
        return new IpAddress(v6, nhi, nlo);
    }

    public boolean isFamilyMax() {
        return equals(v6 ? V6_MAX : V4_MAX);
    }

    public boolean isFamilyMin() {
        return hi == 0 && lo == 0;
    }

    /** The address with the low {@code bits() - prefix} bits cleared (prefix in 0..bits()). */
    public IpAddress maskTo(int prefix) {
        return withHostBits(prefix, false);
    }

    /** The address with the low {@code bits() - prefix} bits set. */
    public IpAddress fillFrom(int prefix) {
        return withHostBits(prefix, true);
    }

    private IpAddress withHostBits(int prefix, boolean set) {
        int host = bits() - prefix;
        long hmask;
        long lmask;
        if (host >= 128) {
            hmask = -1L;
            lmask = -1L;
        } else if (host >= 64) {
            hmask = host == 64 ? 0 : (-1L >>> (128 - host));
            lmask = -1L;
        } else {
            hmask = 0;
            lmask = host == 0 ? 0 : (-1L >>> (64 - host));
        }
        if (!v6) {
            lmask &= 0xFFFF_FFFFL;
            hmask = 0;
        }
        return set ? new IpAddress(v6, hi | hmask, lo | lmask) : new IpAddress(v6, hi & ~hmask, lo & ~lmask);
    }

    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    @Override
    public String toString() {
        if (!v6) {
            return ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "." + (lo & 0xFF);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
            g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        }
        // RFC 5952: compress the longest run (length >= 2) of zero groups, the first one on ties.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
