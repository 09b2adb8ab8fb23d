package dev.stockade.model;

/**
 * One entry of a rule's {@code ports} list, after the API defaults (protocol TCP) are applied.
 * An entry with a protocol and no port is {@link AllPorts}; {@code port} with optional
 * {@code endPort} is {@link PortRange}; a port name is {@link NamedPort}, resolved per
 * destination pod.
 */
public sealed interface PolicyPort {
    int MIN = 1;
    int MAX = 65535;

    Protocol protocol();

    /** Every port of one protocol. */
    record AllPorts(Protocol protocol) implements PolicyPort {
        @Override
        public String toString() {
            return protocol + " all ports";
        }
    }

    /** Ports {@code from..to} inclusive; a single port when equal. */
    record PortRange(Protocol protocol, int from, int to) implements PolicyPort {
        public PortRange {
            if (from < MIN || to > MAX || from > to) {
                throw new IllegalArgumentException("bad port range " + from + "-" + to);
            }
        }

        public static PortRange of(Protocol p, int port) {
            return new PortRange(p, port, port);
        }

        @Override
        public String toString() {
            return protocol + " " + (from == to ? String.valueOf(from) : from + "-" + to);
        }
    }

    /** A named port: matches the destination container port with this name and protocol. */
    record NamedPort(Protocol protocol, String name) implements PolicyPort {
        public NamedPort {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("empty port name");
            }
        }

        @Override
        public String toString() {
            return protocol + " " + name;
        }
    }
}
