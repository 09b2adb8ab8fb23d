package dev.stockade.model;

import java.util.List;

/**
 * What users think of as "an app": a controller (Deployment, StatefulSet, …) or a bare Pod,
 * identified by its top owner, with the pods that stand for it: its Pod objects when the input
 * has any, else one pod made from its template.
 */
public record Workload(String kind, String namespace, String name, List<Pod> pods, Source source) {
    public Workload {
        pods = List.copyOf(pods);
        if (pods.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one pod");
        }
    }

    public ObjectRef ref() {
        return new ObjectRef(kind, namespace, name);
    }

    /** {@code ns/name}. */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
