package dev.stockade.model;

import java.util.List;

/**
 * One ingress or egress rule of an {@link AdminPolicy}: an optional name, an action, the peers
 * (at least one; OR-ed) and the ports (empty: every port of every protocol; else OR-ed). It
 * matches a connection when a peer matches the far end AND a port matches.
 */
public record AdminRule(String name, Action action, List<AdminPeer> peers, List<AdminPort> ports, Source source) {
    /** What a matching rule does. ClusterNetworkPolicy's Accept is {@link #ALLOW}. */
    public enum Action {
        ALLOW("Allow"), DENY("Deny"), PASS("Pass");

        private final String apiName;

        Action(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public AdminRule {
        name = name == null ? "" : name;
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    public boolean allPorts() {
        return ports.isEmpty();
    }
}
