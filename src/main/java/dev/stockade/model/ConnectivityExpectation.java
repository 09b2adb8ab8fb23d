package dev.stockade.model;

import java.util.Optional;

/**
 * One entry of a {@code ConnectivityExpectations} file: whether {@code from} may open connections
 * to {@code to} on a port.
 *
 * <p>{@code port} follows the NetworkPolicy ports convention: empty means every port of every
 * protocol; {@link PolicyPort.AllPorts} every port of one protocol (a protocol without a port);
 * {@link PolicyPort.PortRange} one port number (never a wider range); {@link PolicyPort.NamedPort}
 * a port name, resolved on the destination workload's pods.
 *
 * @param description free text for reviewers; empty when none
 */
public record ConnectivityExpectation(EndpointSelector from, EndpointSelector to, Optional<PolicyPort> port,
                                      Expect expect, String description, Source source) {

    /** What must hold. */
    public enum Expect {
        /** Every matching pair is allowed (on the port; on at least one port when it is omitted). */
        Allow,
        /** No matching pair is allowed (on the port; on any port when it is omitted). */
        Deny;

        /** Parses the file's spelling; case-sensitive, as Kubernetes enums are. */
        public static Optional<Expect> parse(String s) {
            for (Expect e : values()) {
                if (e.name().equals(s)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    public ConnectivityExpectation {
        description = description == null ? "" : description;
        if (from instanceof EndpointSelector.CidrForm && to instanceof EndpointSelector.CidrForm) {
            throw new IllegalArgumentException("from and to may not both be CIDRs");
        }
        if (port.isPresent() && port.get() instanceof PolicyPort.PortRange r && r.from() != r.to()) {
            throw new IllegalArgumentException("an expectation names one port, not a range");
        }
        if (port.isPresent() && port.get() instanceof PolicyPort.NamedPort && to instanceof EndpointSelector.CidrForm) {
            throw new IllegalArgumentException("a port name needs a workload destination");
        }
    }

    public static ConnectivityExpectation of(EndpointSelector from, EndpointSelector to, Optional<PolicyPort> port,
                                             Expect expect) {
        return new ConnectivityExpectation(from, to, port, expect, "", Source.UNKNOWN);
    }

    /** {@code 8080/TCP}, {@code http/TCP}, {@code any/UDP} (every port of UDP) or {@code any} (everything). */
    public String portText() {
        if (port.isEmpty()) {
            return "any";
        }
        return switch (port.get()) {
            case PolicyPort.AllPorts a -> "any/" + a.protocol();
            case PolicyPort.PortRange r -> r.from() + "/" + r.protocol();
            case PolicyPort.NamedPort n -> n.name() + "/" + n.protocol();
        };
    }

    /** {@code prod/web -> prod/api 8080/TCP Allow}: also the JUnit test case name. */
    @Override
    public String toString() {
        return from + " -> " + to + " " + portText() + " " + expect;
    }
}
