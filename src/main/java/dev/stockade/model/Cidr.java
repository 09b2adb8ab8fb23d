package dev.stockade.model;

import java.util.Optional;

/**
 * A CIDR block. {@link #parse} accepts what the API accepts for ipBlock: an address with a
 * prefix length; host bits may be set (the API normalises {@code 10.0.0.1/8} to
 * {@code 10.0.0.0/8}, and so does this type).
 */
public record Cidr(IpAddress base, int prefix) {
    public Cidr {
        if (prefix < 0 || prefix > base.bits()) {
            throw new IllegalArgumentException("prefix out of range");
        }
        base = base.maskTo(prefix);
    }

    public static Optional<Cidr> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<IpAddress> ip = IpAddress.parse(s.substring(0, slash));
        String p = s.substring(slash + 1);
        if (ip.isEmpty() || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(p);
        if (prefix > ip.get().bits()) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), prefix));
    }

    /** {@link #parse} that throws on bad input; for code and tests with literal CIDRs. */
    public static Cidr of(String s) {
        return parse(s).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + s));
    }

    public IpAddress first() {
        return base;
    }

    public IpAddress last() {
        return base.fillFrom(prefix);
    }

    public boolean contains(IpAddress ip) {
        return ip.v6() == base.v6() && ip.compareTo(first()) >= 0 && ip.compareTo(last()) <= 0;
    }

    /** True when every address of {@code other} is in this block. */
    public boolean contains(Cidr other) {
        return other.base.v6() == base.v6() && other.prefix >= prefix && contains(other.base);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
