package dev.stockade.diff;

import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminRule;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import java.util.Locale;
import java.util.Objects;

/**
 * Why one version of the manifests allows or blocks a witness flow, on one side of it: the
 * egress side of the source or the ingress side of the destination. {@link #toString()} is the
 * line the text output prints.
 */
public sealed interface Reason {
    /** The workload or address the reason is about. */
    String subject();

    /** A rule of a policy selecting the subject admits the flow. */
    record Admits(PolicyType direction, String subject, NetworkPolicy policy, int ruleIndex, PolicyRule rule)
            implements Reason {
        /** By where the policy is written: hashing the whole policy would cost its size per witness. */
        @Override
        public int hashCode() {
            return Objects.hash(direction, subject, policy.source(), ruleIndex);
        }

        @Override
        public String toString() {
            return side(direction, subject) + ": NetworkPolicy " + policy + " (" + policy.source().fileLine()
                    + ") rule " + ruleIndex + " (" + rule.source().fileLine() + ") admits it";
        }
    }

    /** A policy selects the subject for this direction and none of its rules admits the flow. */
    record AdmitsNothing(PolicyType direction, String subject, NetworkPolicy policy) implements Reason {
        /** By where the policy is written: hashing the whole policy would cost its size per witness. */
        @Override
        public int hashCode() {
            return Objects.hash(direction, subject, policy.source());
        }

        @Override
        public String toString() {
            return side(direction, subject) + ": NetworkPolicy " + policy + " (" + policy.source().fileLine()
                    + ") admits nothing for it";
        }
    }

    /**
     * A rule of an admin or baseline tier policy selecting the subject decides the flow: Allow
     * (ClusterNetworkPolicy: Accept) or Deny, before (admin tier) or instead of (baseline tier)
     * the NetworkPolicies.
     */
    record AdminRuleDecides(PolicyType direction, String subject, AdminPolicy policy, int ruleIndex, AdminRule rule)
            implements Reason {
        /** By where the policy is written: hashing the whole policy would cost its size per witness. */
        @Override
        public int hashCode() {
            return Objects.hash(direction, subject, policy.source(), ruleIndex);
        }

        @Override
        public String toString() {
            return side(direction, subject) + ": " + policy.title() + " (" + policy.source().fileLine() + ") rule "
                    + ruleIndex + (rule.name().isEmpty() ? "" : " \"" + rule.name() + "\"") + " ("
                    + rule.source().fileLine() + "): " + policy.actionName(rule.action());
        }
    }

    /** No policy of this direction selects the subject, so it is not isolated: everything passes. */
    record Unrestricted(PolicyType direction, String subject) implements Reason {
        @Override
        public String toString() {
            return side(direction, subject) + ": unrestricted (no policy selects it for " + direction + ")";
        }
    }

    /** The subject is a host-network pod: NetworkPolicies do not apply to it. */
    record HostNetwork(PolicyType direction, String subject) implements Reason {
        @Override
        public String toString() {
            return side(direction, subject) + ": host-network pod, NetworkPolicies do not apply";
        }
    }

    /** From the ingress controller: a route of this version leads to the subject on the flow's port. */
    record Routed(String subject, String route, String path, String source) implements Reason {
        @Override
        public String toString() {
            return "route to " + subject + ": " + route + " " + path + " (" + source + ")";
        }
    }

    /** From the ingress controller: no route of this version leads to the subject on the flow's port. */
    record NoRoute(String subject) implements Reason {
        @Override
        public String toString() {
            return "route to " + subject + ": none on this port in this version";
        }
    }

    /** The workload does not exist in this version. */
    record Absent(String subject) implements Reason {
        @Override
        public String toString() {
            return subject + ": no such workload in this version";
        }
    }

    private static String side(PolicyType direction, String subject) {
        return direction.name().toLowerCase(Locale.ROOT) + (direction == PolicyType.Egress ? " from " : " to ")
                + subject;
    }
}
