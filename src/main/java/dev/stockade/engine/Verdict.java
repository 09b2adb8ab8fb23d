package dev.stockade.engine;

import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminRule;
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
        /** A host-network pod taken as node traffic ({@link HostNetworkMode#NODE}): no policy applies to it. */
        HOST_NETWORK,
        /** No policy of that direction selects the pod: everything is allowed. */
        UNSELECTED,
        /** At least one policy selects the pod: only what a rule admits is allowed. */
        ISOLATED
    }

    /**
     * One direction's decision. {@code policies} are the NetworkPolicies selecting the pod for the
     * direction; {@code admin} and {@code baseline} the admin policies selecting it, in
     * evaluation order, each with its rules of the direction. {@link #walk()} says which tier
     * decided.
     */
    public record Side(PolicyType direction, Target subject, Status status, List<PolicyTrace> policies,
                       List<AdminTrace> admin, List<AdminTrace> baseline) {
        public Side {
            policies = List.copyOf(policies);
            admin = List.copyOf(admin);
            baseline = List.copyOf(baseline);
        }

        /** A side without admin policies. */
        public Side(PolicyType direction, Target subject, Status status, List<PolicyTrace> policies) {
            this(direction, subject, status, policies, List.of(), List.of());
        }

        public boolean allowed() {
            return walk().allowed();
        }

        /**
         * The walk through the tiers: the first admin rule matching the flow (Allow and Deny
         * decide, Pass goes on), then the NetworkPolicies if one selects the pod, then the
         * first matching baseline rule (Pass goes on), then the default: allowed.
         */
        public Walk walk() {
            if (status == Status.EXTERNAL || status == Status.HOST_NETWORK) {
                return new Walk(Stage.DEFAULT, null, null, true);
            }
            Step adminStep = first(admin);
            if (adminStep != null && adminStep.rule().rule().action() != AdminRule.Action.PASS) {
                return new Walk(Stage.ADMIN, adminStep, null, adminStep.rule().rule().action() == AdminRule.Action.ALLOW);
            }
            if (status == Status.ISOLATED) {
                return new Walk(Stage.NETWORK_POLICY, adminStep, null, policies.stream().anyMatch(PolicyTrace::admits));
            }
            Step baselineStep = first(baseline);
            if (baselineStep != null && baselineStep.rule().rule().action() != AdminRule.Action.PASS) {
                return new Walk(Stage.BASELINE, adminStep, baselineStep,
                        baselineStep.rule().rule().action() == AdminRule.Action.ALLOW);
            }
            return new Walk(Stage.DEFAULT, adminStep, baselineStep, true);
        }

        private static Step first(List<AdminTrace> traces) {
            for (AdminTrace t : traces) {
                for (AdminRuleTrace r : t.rules()) {
                    if (r.matches()) {
                        return new Step(t, r);
                    }
                }
            }
            return null;
        }
    }

    /** Which tier decides a side. */
    public enum Stage {
        /** An admin-tier rule allowed or denied. */
        ADMIN,
        /** NetworkPolicies select the pod for the direction, so they decide. */
        NETWORK_POLICY,
        /** A baseline-tier rule allowed or denied. */
        BASELINE,
        /** No tier decided (or the side is external or a host-network pod): allowed. */
        DEFAULT
    }

    /** The rule of an admin policy that matched a flow first in its tier. */
    public record Step(AdminTrace policy, AdminRuleTrace rule) {
        /** {@code AdminNetworkPolicy deny-all (prio 10) rule 2: Pass}. */
        @Override
        public String toString() {
            AdminPolicy p = policy.policy();
            return p.title() + " rule " + rule.index() + (rule.rule().name().isEmpty() ? "" : " \"" + rule.rule().name()
                    + "\"") + ": " + p.actionName(rule.rule().action());
        }
    }

    /**
     * A side's walk: the decisive tier, the admin rule that matched first (its action decides at
     * {@link Stage#ADMIN}; a Pass when the walk went on; null when none matched), the baseline
     * rule that matched first (likewise), and the outcome.
     */
    public record Walk(Stage stage, Step admin, Step baseline, boolean allowed) {}

    /** An admin policy selecting the side's pod, and each of its rules of that direction. */
    public record AdminTrace(AdminPolicy policy, List<AdminRuleTrace> rules) {
        public AdminTrace {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One admin rule: {@code peer} is the index of the first peer matching the far end or
     * {@link RuleTrace#NO_PEER}; {@code port} the index of the first port entry matching or
     * {@link RuleTrace#ALL_PORTS} (no ports listed) or {@link RuleTrace#NO_PORT}.
     */
    public record AdminRuleTrace(int index, AdminRule rule, int peer, int port) {
        public boolean matches() {
            return peer >= 0 && port != RuleTrace.NO_PORT;
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
