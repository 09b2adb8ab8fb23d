package dev.stockade.model;

import java.util.List;

/**
 * A ReferenceGrant (gateway.networking.k8s.io): lets routes of other namespaces ({@code from})
 * send to objects of its own namespace ({@code to}). Without one, a Gateway API backendRef to a
 * Service of another namespace is refused.
 */
public record ReferenceGrant(String namespace, String name, List<From> from, List<To> to, Source source) {
    public ReferenceGrant {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    /** Routes of {@code kind} (group gateway.networking.k8s.io) in {@code namespace}. */
    public record From(String group, String kind, String namespace) {}

    /** Objects of {@code kind} (core group "" for Service), one by {@code name} or all when it is empty. */
    public record To(String group, String kind, String name) {
        public To {
            name = name == null ? "" : name;
        }
    }

    /** Whether a route of {@code routeKind} in {@code routeNamespace} may send to Service {@code service} here. */
    public boolean permits(String routeKind, String routeNamespace, String service) {
        boolean fromOk = from.stream().anyMatch(f -> f.group().equals("gateway.networking.k8s.io")
                && f.kind().equals(routeKind) && f.namespace().equals(routeNamespace));
        boolean toOk = to.stream().anyMatch(t -> t.group().isEmpty() && t.kind().equals("Service")
                && (t.name().isEmpty() || t.name().equals(service)));
        return fromOk && toOk;
    }
}
