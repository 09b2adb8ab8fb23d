package dev.stockade.lab;

import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which pod addresses the lab can give a pod: a unicast address the router can forward to and
 * from. Refused, with what they are: loopback (127.0.0.0/8, ::1), multicast (224.0.0.0/4,
 * ff00::/8), the broadcast address, link-local (169.254.0.0/16, fe80::/10: the router's own
 * next hops are there), the unspecified address (0.0.0.0, ::), 0.0.0.0/8 (the kernel drops it as a
 * martian source) and IPv4-mapped IPv6 (::ffff:0:0/96, which no interface holds).
 */
final class LabAddresses {
    private record Kind(Cidr range, String what) {}

    private static final List<Kind> UNUSABLE = List.of(
            new Kind(Cidr.of("0.0.0.0/32"), "the unspecified address"),
            new Kind(Cidr.of("::/128"), "the unspecified address"),
            new Kind(Cidr.of("255.255.255.255/32"), "the broadcast address"),
            new Kind(Cidr.of("0.0.0.0/8"), "in 0.0.0.0/8 (this network)"),
            new Kind(Cidr.of("127.0.0.0/8"), "a loopback address"),
            new Kind(Cidr.of("::1/128"), "a loopback address"),
            new Kind(Cidr.of("224.0.0.0/4"), "a multicast address"),
            new Kind(Cidr.of("ff00::/8"), "a multicast address"),
            new Kind(Cidr.of("169.254.0.0/16"), "a link-local address"),
            new Kind(Cidr.of("fe80::/10"), "a link-local address"),
            new Kind(Cidr.of("::ffff:0:0/96"), "an IPv4-mapped IPv6 address"));

    static final String EXPECTED = "expected a unicast pod address: not loopback, link-local, multicast, broadcast,"
            + " unspecified, 0.0.0.0/8 or IPv4-mapped";

    private LabAddresses() {}

    /** What {@code ip} is when the lab cannot give it to a pod ({@code a loopback address}); empty when it can. */
    static Optional<String> unusable(IpAddress ip) {
        return UNUSABLE.stream().filter(k -> k.range().contains(ip)).map(Kind::what).findFirst();
    }
}
