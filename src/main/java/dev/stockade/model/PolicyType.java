package dev.stockade.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The directions a NetworkPolicy isolates. */
public enum PolicyType {
    Ingress, Egress;

    /**
     * The API server's default for an absent or empty {@code policyTypes}: a policy always
     * affects Ingress, and also Egress when it has at least one egress rule
     * ({@code egress: []} counts as none). A non-empty declared list is taken as is.
     */
    public static Set<PolicyType> defaulted(Set<PolicyType> declared, int egressRuleCount) {
        if (!declared.isEmpty()) {
            return Set.copyOf(declared);
        }
        return egressRuleCount > 0 ? Set.copyOf(EnumSet.of(Ingress, Egress)) : Set.of(Ingress);
    }

    public static Optional<PolicyType> parse(String s) {
        for (PolicyType t : values()) {
            if (t.name().equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
