package dev.stockade.model;

import java.util.List;

/**
 * One ingress or egress rule. An empty {@code peers} list (the field absent or {@code []})
 * admits every peer; an empty {@code ports} list admits every port of every protocol. The
 * rule admits a connection when a peer matches AND a port matches.
 */
public record PolicyRule(List<Peer> peers, List<PolicyPort> ports, Source source) {
    public PolicyRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    public boolean allPeers() {
        return peers.isEmpty();
    }

    public boolean allPorts() {
        return ports.isEmpty();
    }
}
