package dev.stockade.model;

import java.util.List;

/**
 * A cluster Node as admin policies see it: its labels (for {@code nodes} peers) and the IP
 * addresses of its {@code status.addresses} (InternalIP and ExternalIP), where host-network pods
 * are reached.
 */
public record Node(String name, Labels labels, List<IpAddress> addresses, Source source) {
    public Node {
        addresses = List.copyOf(addresses);
    }

    @Override
    public String toString() {
        return name;
    }
}
