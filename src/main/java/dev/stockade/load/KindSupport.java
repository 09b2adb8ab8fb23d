package dev.stockade.load;

import java.util.Map;
import java.util.Optional;

/** Which kinds (and API groups) Stockade reads. */
final class KindSupport {
    private KindSupport() {}

    private static final String TIERS_GROUP = "policy.networking.k8s.io";

    /** Kind → the API groups it is read from ("" is the core group). */
    private static final Map<String, java.util.Set<String>> GROUPS = Map.ofEntries(
            Map.entry("Namespace", java.util.Set.of("")),
            Map.entry("Pod", java.util.Set.of("")),
            Map.entry("ReplicationController", java.util.Set.of("")),
            Map.entry("Deployment", java.util.Set.of("apps", "extensions")),
            Map.entry("ReplicaSet", java.util.Set.of("apps", "extensions")),
            Map.entry("StatefulSet", java.util.Set.of("apps")),
            Map.entry("DaemonSet", java.util.Set.of("apps", "extensions")),
            Map.entry("Job", java.util.Set.of("batch")),
            Map.entry("CronJob", java.util.Set.of("batch")),
            Map.entry("NetworkPolicy", java.util.Set.of("networking.k8s.io", "extensions")),
            Map.entry("Node", java.util.Set.of("")),
            Map.entry("AdminNetworkPolicy", java.util.Set.of(TIERS_GROUP)),
            Map.entry("BaselineAdminNetworkPolicy", java.util.Set.of(TIERS_GROUP)),
            Map.entry("ClusterNetworkPolicy", java.util.Set.of(TIERS_GROUP)));

    /** Kinds read from exactly these apiVersions (their schemas differ between versions). */
    private static final Map<String, java.util.Set<String>> VERSIONS = Map.of(
            "AdminNetworkPolicy", java.util.Set.of(TIERS_GROUP + "/v1alpha1"),
            "BaselineAdminNetworkPolicy", java.util.Set.of(TIERS_GROUP + "/v1alpha1"),
            "ClusterNetworkPolicy", java.util.Set.of(TIERS_GROUP + "/v1alpha2"));

    /** Kind → the apiVersion messages suggest. */
    private static final Map<String, String> USUAL = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("Pod", "v1"),
            Map.entry("ReplicationController", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Node", "v1"),
            Map.entry("AdminNetworkPolicy", TIERS_GROUP + "/v1alpha1"),
            Map.entry("BaselineAdminNetworkPolicy", TIERS_GROUP + "/v1alpha1"),
            Map.entry("ClusterNetworkPolicy", TIERS_GROUP + "/v1alpha2"));

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
        java.util.Set<String> versions = VERSIONS.get(kind);
        if (versions != null) {
            return versions.contains(apiVersion) ? Optional.of(kind) : Optional.empty();
        }
        return groups.contains(group) ? Optional.of(kind) : Optional.empty();
    }
}
