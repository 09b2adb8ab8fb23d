package dev.stockade.model;

import java.util.List;
import java.util.Set;

/**
 * A networking.k8s.io/v1 NetworkPolicy with defaults applied: {@code policyTypes} holds the
 * effective types (see {@link PolicyType#defaulted}). Rules of a direction the policy does not
 * isolate are kept (the API keeps them) but never admit anything.
 */
public record NetworkPolicy(
        String namespace,
        String name,
        LabelSelector podSelector,
        Set<PolicyType> policyTypes,
        List<PolicyRule> ingress,
        List<PolicyRule> egress,
        Source source) {

    public NetworkPolicy {
        policyTypes = Set.copyOf(policyTypes);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    public ObjectRef ref() {
        return new ObjectRef("NetworkPolicy", namespace, name);
    }

    public boolean affectsIngress() {
        return policyTypes.contains(PolicyType.Ingress);
    }

    public boolean affectsEgress() {
        return policyTypes.contains(PolicyType.Egress);
    }

    public List<PolicyRule> rules(PolicyType direction) {
        return direction == PolicyType.Ingress ? ingress : egress;
    }

    public boolean affects(PolicyType direction) {
        return policyTypes.contains(direction);
    }

    /** {@code prod/allow-web}. */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
