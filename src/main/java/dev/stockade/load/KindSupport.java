package dev.stockade.load;

import java.util.Map;
import java.util.Optional;

/** Which kinds (and API groups) Stockade reads. */
final class KindSupport {
    private KindSupport() {}

    /** Kind → the API groups it is read from ("" is the core group). */
    private static final Map<String, java.util.Set<String>> GROUPS = Map.of(
            "Namespace", java.util.Set.of(""),
            "Pod", java.util.Set.of(""),
            "ReplicationController", java.util.Set.of(""),
            "Deployment", java.util.Set.of("apps", "extensions"),
            "ReplicaSet", java.util.Set.of("apps", "extensions"),
            "StatefulSet", java.util.Set.of("apps"),
            "DaemonSet", java.util.Set.of("apps", "extensions"),
            "Job", java.util.Set.of("batch"),
            "CronJob", java.util.Set.of("batch"),
            "NetworkPolicy", java.util.Set.of("networking.k8s.io", "extensions"));

    /** Kind → the apiVersion messages suggest. */
    private static final Map<String, String> USUAL = Map.of(
            "Namespace", "v1",
            "Pod", "v1",
            "ReplicationController", "v1",
            "Deployment", "apps/v1",
            "ReplicaSet", "apps/v1",
            "StatefulSet", "apps/v1",
            "DaemonSet", "apps/v1",
            "Job", "batch/v1",
            "CronJob", "batch/v1",
            "NetworkPolicy", "networking.k8s.io/v1");

    /**
     * The usual apiVersion of a kind Stockade reads from some API group (so an object of that
     * kind with another apiVersion, such as a Calico {@code projectcalico.org/v3} NetworkPolicy,
     * deserves a word), else empty.
     */
    static Optional<String> usualApiVersion(String kind) {
        return Optional.ofNullable(USUAL.get(kind));
    }

    /** The kind when Stockade reads it with this apiVersion, else empty (the object is skipped). */
    static Optional<String> recognise(String kind, String apiVersion) {
        java.util.Set<String> groups = GROUPS.get(kind);
        if (groups == null) {
            return Optional.empty();
        }
        String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
        return groups.contains(group) ? Optional.of(kind) : Optional.empty();
    }
}
