package dev.stockade.model;

/**
 * One destination port entry of an admin rule (v1alpha1 {@code ports}, v1alpha2 {@code
 * protocols}): a number or an inclusive range of one protocol, or a container port name. A name
 * carries no protocol: it matches the destination pod's container ports of that name, whatever
 * their protocol, and nothing towards addresses outside the pods.
 */
public sealed interface AdminPort {
    record Number(Protocol protocol, int port) implements AdminPort {
        public Number {
            if (port < PolicyPort.MIN || port > PolicyPort.MAX) {
                throw new IllegalArgumentException("bad port " + port);
            }
        }

        @Override
        public String toString() {
            return protocol + " " + port;
        }
    }

    record Range(Protocol protocol, int start, int end) implements AdminPort {
        public Range {
            if (start < PolicyPort.MIN || end > PolicyPort.MAX || start > end) {
                throw new IllegalArgumentException("bad port range " + start + "-" + end);
            }
        }

        @Override
        public String toString() {
            return protocol + " " + start + "-" + end;
        }
    }

    record Named(String name) implements AdminPort {
        public Named {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("empty port name");
            }
        }

        @Override
        public String toString() {
            return "port " + name;
        }
    }
}
