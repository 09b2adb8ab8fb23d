package dev.stockade.engine;

import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import java.util.List;

/**
 * Whether one flow (source, destination, protocol, port) is allowed, and why: the egress side
 * of the source and the ingress side of the destination, each with every policy that selects
 * the pod and, per rule, the peer that matched (or none) and whether the port matched.
 */
public record Verdict(Target source, Target destination, Protocol protocol, int port, Side egress, Side ingress) {

    public boolean allowed() {
        return egress.allowed() && ingress.allowed();
    }

    /** How a side's pod stands with respect to policies of that direction. */
    public enum Status {
        /** The end is an address outside every pod: no NetworkPolicy applies to it. */
        EXTERNAL,
        /** A host-network pod: NetworkPolicies do not apply to it. */
        HOST_NETWORK,
        /** No policy of that direction selects the pod: everything is allowed. */
        UNSELECTED,
        /** At least one policy selects the pod: only what a rule admits is allowed. */
        ISOLATED
    }

    /** One direction's decision. */
    public record Side(PolicyType direction, Target subject, Status status, List<PolicyTrace> policies) {
        public Side {
            policies = List.copyOf(policies);
        }

        public boolean allowed() {
            return status != Status.ISOLATED || policies.stream().anyMatch(PolicyTrace::admits);
        }
    }

    /** A policy selecting the side's pod, and each of its rules of that direction. */
    public record PolicyTrace(NetworkPolicy policy, List<RuleTrace> rules) {
        public PolicyTrace {
            rules = List.copyOf(rules);
        }

        public boolean admits() {
            return rules.stream().anyMatch(RuleTrace::admits);
        }
    }

    /**
     * One rule. {@code peer} is the index of the first peer that matched, {@link #ALL_PEERS}
     * when the rule has no peer list, {@link #NO_PEER} when none matched. {@code port} is the
     * index of the first ports entry that matched, {@link #ALL_PORTS} when the rule has no ports
     * list, {@link #NO_PORT} when none matched.
     */
    public record RuleTrace(int index, PolicyRule rule, int peer, int port) {
        public static final int ALL_PEERS = -2;
        public static final int NO_PEER = -1;
        public static final int ALL_PORTS = -2;
        public static final int NO_PORT = -1;

        public boolean admits() {
            return peer != NO_PEER && port != NO_PORT;
        }
    }
}
