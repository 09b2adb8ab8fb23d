package dev.stockade.model;

/** A Kubernetes object's identity: kind, namespace (empty for cluster-scoped) and name. */
public record ObjectRef(String kind, String namespace, String name) {
    public ObjectRef {
        if (kind == null || name == null) {
            throw new IllegalArgumentException("kind and name are required");
        }
        namespace = namespace == null ? "" : namespace;
    }

    /** {@code ns/name}, or just {@code name} for cluster-scoped objects. */
    public String qualifiedName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** {@code NetworkPolicy prod/allow-web}. */
    @Override
    public String toString() {
        return kind + " " + qualifiedName();
    }
}
