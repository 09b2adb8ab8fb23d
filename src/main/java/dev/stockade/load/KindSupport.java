package dev.stockade.load;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which kinds (and API groups) Stockade reads. */
final class KindSupport {
    private KindSupport() {}

    private static final String TIERS_GROUP = "policy.networking.k8s.io";
    private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
    private static final String ROUTE_GROUP = "route.openshift.io";

    /** Kind → the API groups it is read from ("" is the core group). */
    private static final Map<String, Set<String>> GROUPS = Map.ofEntries(
            Map.entry("Namespace", Set.of("")),
            Map.entry("Pod", Set.of("")),
            Map.entry("ReplicationController", Set.of("")),
            Map.entry("Deployment", Set.of("apps", "extensions")),
            Map.entry("ReplicaSet", Set.of("apps", "extensions")),
            Map.entry("StatefulSet", Set.of("apps")),
            Map.entry("DaemonSet", Set.of("apps", "extensions")),
            Map.entry("Job", Set.of("batch")),
            Map.entry("CronJob", Set.of("batch")),
            Map.entry("NetworkPolicy", Set.of("networking.k8s.io", "extensions")),
            Map.entry("Node", Set.of("")),
            Map.entry("AdminNetworkPolicy", Set.of(TIERS_GROUP)),
            Map.entry("BaselineAdminNetworkPolicy", Set.of(TIERS_GROUP)),
            Map.entry("ClusterNetworkPolicy", Set.of(TIERS_GROUP)),
            Map.entry("Service", Set.of("")),
            Map.entry("Ingress", Set.of("networking.k8s.io", "extensions")),
            Map.entry("Route", Set.of(ROUTE_GROUP)),
            Map.entry("Gateway", Set.of(GATEWAY_GROUP)),
            Map.entry("HTTPRoute", Set.of(GATEWAY_GROUP)),
            Map.entry("GRPCRoute", Set.of(GATEWAY_GROUP)),
            Map.entry("TLSRoute", Set.of(GATEWAY_GROUP)),
            Map.entry("TCPRoute", Set.of(GATEWAY_GROUP)),
            Map.entry("UDPRoute", Set.of(GATEWAY_GROUP)),
            Map.entry("ReferenceGrant", Set.of(GATEWAY_GROUP)));

    /** Kinds read from exactly these apiVersions (their schemas differ between versions). */
    private static final Map<String, Set<String>> VERSIONS = Map.ofEntries(
            Map.entry("AdminNetworkPolicy", Set.of(TIERS_GROUP + "/v1alpha1")),
            Map.entry("BaselineAdminNetworkPolicy", Set.of(TIERS_GROUP + "/v1alpha1")),
            Map.entry("ClusterNetworkPolicy", Set.of(TIERS_GROUP + "/v1alpha2")),
            // extensions/v1beta1 and networking.k8s.io/v1beta1 Ingresses were removed in Kubernetes 1.22
            Map.entry("Ingress", Set.of("networking.k8s.io/v1")),
            Map.entry("Route", Set.of(ROUTE_GROUP + "/v1")),
            Map.entry("Gateway", Set.of(GATEWAY_GROUP + "/v1", GATEWAY_GROUP + "/v1beta1")),
            Map.entry("HTTPRoute", Set.of(GATEWAY_GROUP + "/v1", GATEWAY_GROUP + "/v1beta1")),
            Map.entry("GRPCRoute", Set.of(GATEWAY_GROUP + "/v1", GATEWAY_GROUP + "/v1beta1")),
            Map.entry("ReferenceGrant", Set.of(GATEWAY_GROUP + "/v1", GATEWAY_GROUP + "/v1beta1",
                    GATEWAY_GROUP + "/v1alpha2")),
            // TLSRoute v1 (the same schema as v1alpha3) is the storage version of newer Gateway API releases
            Map.entry("TLSRoute", Set.of(GATEWAY_GROUP + "/v1alpha2", GATEWAY_GROUP + "/v1alpha3",
                    GATEWAY_GROUP + "/v1")),
            Map.entry("TCPRoute", Set.of(GATEWAY_GROUP + "/v1alpha2")),
            Map.entry("UDPRoute", Set.of(GATEWAY_GROUP + "/v1alpha2")));

    /**
     * Kinds whose name other API groups use for something else (a Knative Service or Route, an
     * Istio Gateway): objects of another group are skipped without a word.
     */
    private static final Set<String> SHARED_NAMES = Set.of("Service", "Ingress", "Route",
            "Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "ReferenceGrant");

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
            Map.entry("ClusterNetworkPolicy", TIERS_GROUP + "/v1alpha2"),
            Map.entry("Service", "v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("Route", ROUTE_GROUP + "/v1"),
            Map.entry("Gateway", GATEWAY_GROUP + "/v1"),
            Map.entry("HTTPRoute", GATEWAY_GROUP + "/v1"),
            Map.entry("GRPCRoute", GATEWAY_GROUP + "/v1"),
            Map.entry("TLSRoute", GATEWAY_GROUP + "/v1alpha2"),
            Map.entry("TCPRoute", GATEWAY_GROUP + "/v1alpha2"),
            Map.entry("UDPRoute", GATEWAY_GROUP + "/v1alpha2"),
            Map.entry("ReferenceGrant", GATEWAY_GROUP + "/v1beta1"));

    /**
     * The usual apiVersion of a kind Stockade reads from some API group (so an object of that
     * kind with another apiVersion, such as a Calico {@code projectcalico.org/v3} NetworkPolicy,
     * deserves a word), else empty.
     */
    static Optional<String> usualApiVersion(String kind) {
        return Optional.ofNullable(USUAL.get(kind));
    }

    /**
     * The usual apiVersion of {@code kind} when an object of that kind with this apiVersion,
     * skipped, deserves a word: the apiVersion is missing, or names an API group (or a version of
     * one) Stockade reads the kind from; else empty. An object of a kind whose name other groups
     * reuse ({@link #SHARED_NAMES}) from such another group is not worth a word.
     */
    static Optional<String> usualApiVersion(String kind, String apiVersion) {
        if (apiVersion != null && SHARED_NAMES.contains(kind) && !GROUPS.get(kind).contains(group(apiVersion))) {
            return Optional.empty();
        }
        return usualApiVersion(kind);
    }

    private static String group(String apiVersion) {
        return apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
    }

    /** Whether Stockade reads objects of {@code kind} into the model (with some apiVersion). */
    static boolean isModelKind(String kind) {
        return GROUPS.containsKey(kind);
    }

    /** The kind when Stockade reads it with this apiVersion, else empty (the object is skipped). */
    static Optional<String> recognise(String kind, String apiVersion) {
        Set<String> groups = GROUPS.get(kind);
        if (groups == null) {
            return Optional.empty();
        }
        String group = group(apiVersion);
        Set<String> versions = VERSIONS.get(kind);
        if (versions != null) {
            return versions.contains(apiVersion) ? Optional.of(kind) : Optional.empty();
        }
        return groups.contains(group) ? Optional.of(kind) : Optional.empty();
    }
}
