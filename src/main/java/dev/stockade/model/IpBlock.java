package dev.stockade.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A NetworkPolicy ipBlock: a CIDR minus its {@code except} blocks. The API requires every
 * except block to lie inside the CIDR (checked by the loader, with the field path).
 */
public record IpBlock(Cidr cidr, List<Cidr> except) {
    public IpBlock {
        except = List.copyOf(except);
    }

    public static IpBlock of(String cidr, String... except) {
        return new IpBlock(Cidr.of(cidr), Arrays.stream(except).map(Cidr::of).toList());
    }

    public boolean contains(IpAddress ip) {
        if (!cidr.contains(ip)) {
            return false;
        }
        for (Cidr e : except) {
            if (e.contains(ip)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16}. */
    @Override
    public String toString() {
        return except.isEmpty() ? cidr.toString()
                : cidr + " except " + except.stream().map(Cidr::toString).collect(Collectors.joining(", "));
    }
}
