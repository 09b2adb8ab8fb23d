package dev.stockade.model;

import java.util.List;

/**
 * A cluster-wide policy of the policy.networking.k8s.io tiers: a v1alpha1 AdminNetworkPolicy
 * (admin tier), the v1alpha1 BaselineAdminNetworkPolicy {@code default} (baseline tier, no
 * priority: {@link #BANP_PRIORITY}) or a v1alpha2 ClusterNetworkPolicy (either tier).
 *
 * <p>Unlike NetworkPolicy, rules are ordered and first match wins: within a tier, policies by
 * priority (lower number first), and within a policy its rules of the direction in order. A
 * rule's action is final ({@link AdminRule.Action#ALLOW}, {@link AdminRule.Action#DENY}) or
 * hands the flow to the next tier ({@link AdminRule.Action#PASS}). Host-network pods are never
 * subjects.
 */
public record AdminPolicy(Kind kind, Tier tier, String name, int priority, AdminSubject subject,
                          List<AdminRule> ingress, List<AdminRule> egress, Source source) {
    /** Priorities are 0 to 1000 (lower first). */
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 1000;
    /** The BaselineAdminNetworkPolicy has no priority; it is evaluated after every Baseline ClusterNetworkPolicy. */
    public static final int BANP_PRIORITY = MAX_PRIORITY + 1;

    /** The kinds of admin policy, by their API names. */
    public enum Kind {
        AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy
    }

    /** Admin rules come before NetworkPolicies, baseline rules after. */
    public enum Tier {
        ADMIN("Admin"), BASELINE("Baseline");

        private final String apiName;

        Tier(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public AdminPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        if (priority < MIN_PRIORITY || priority > BANP_PRIORITY) {
            throw new IllegalArgumentException("priority " + priority + " out of range");
        }
    }

    public List<AdminRule> rules(PolicyType direction) {
        return direction == PolicyType.Ingress ? ingress : egress;
    }

    public ObjectRef ref() {
        return new ObjectRef(kind.name(), "", name);
    }

    /** How the API spells an action in this kind: ClusterNetworkPolicy says Accept where the others say Allow. */
    public String actionName(AdminRule.Action action) {
        return action == AdminRule.Action.ALLOW && kind == Kind.ClusterNetworkPolicy ? "Accept" : action.apiName();
    }

    /** {@code AdminNetworkPolicy deny-all (prio 10)}, {@code BaselineAdminNetworkPolicy default}. */
    public String title() {
        return kind + " " + name + (kind == Kind.BaselineAdminNetworkPolicy ? ""
                : " (" + (kind == Kind.ClusterNetworkPolicy ? tier.apiName() + " tier, " : "") + "prio " + priority + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
