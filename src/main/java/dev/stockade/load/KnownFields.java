package dev.stockade.load;

import java.util.Set;

/**
 * The field names the Kubernetes API defines for the parts of objects Stockade reads, so a
 * misspelled field is reported (with a suggestion) instead of silently changing the meaning.
 */
final class KnownFields {
    private KnownFields() {}

    static final Set<String> OBJECT = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    static final Set<String> LIST = Set.of("apiVersion", "kind", "metadata", "items");
    static final Set<String> METADATA = Set.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");
    static final Set<String> OWNER_REFERENCE = Set.of("apiVersion", "kind", "name", "uid", "controller",
            "blockOwnerDeletion");
    static final Set<String> LABEL_SELECTOR = Set.of("matchLabels", "matchExpressions");
    static final Set<String> REQUIREMENT = Set.of("key", "operator", "values");

    static final Set<String> NETWORK_POLICY_SPEC = Set.of("podSelector", "ingress", "egress", "policyTypes");
    static final Set<String> INGRESS_RULE = Set.of("ports", "from");
    static final Set<String> EGRESS_RULE = Set.of("ports", "to");
    static final Set<String> PEER = Set.of("podSelector", "namespaceSelector", "ipBlock");
    static final Set<String> IP_BLOCK = Set.of("cidr", "except");
    static final Set<String> POLICY_PORT = Set.of("protocol", "port", "endPort");

    static final Set<String> POD_TEMPLATE = Set.of("metadata", "spec");
    static final Set<String> POD_SPEC = Set.of("activeDeadlineSeconds", "affinity", "automountServiceAccountToken",
            "containers", "dnsConfig", "dnsPolicy", "enableServiceLinks", "ephemeralContainers", "hostAliases",
            "hostIPC", "hostNetwork", "hostPID", "hostUsers", "hostname", "hostnameOverride", "imagePullSecrets",
            "initContainers", "nodeName", "nodeSelector", "os", "overhead", "preemptionPolicy", "priority",
            "priorityClassName", "readinessGates", "resourceClaims", "resources", "restartPolicy", "runtimeClassName",
            "schedulerName", "schedulingGates", "securityContext", "serviceAccount", "serviceAccountName",
            "setHostnameAsFQDN", "shareProcessNamespace", "subdomain", "terminationGracePeriodSeconds",
            "tolerations", "topologySpreadConstraints", "volumes");
    static final Set<String> CONTAINER = Set.of("args", "command", "env", "envFrom", "image", "imagePullPolicy",
            "lifecycle", "livenessProbe", "name", "ports", "readinessProbe", "resizePolicy", "resources",
            "restartPolicy", "restartPolicyRules", "securityContext", "startupProbe", "stdin", "stdinOnce",
            "terminationMessagePath", "terminationMessagePolicy", "tty", "volumeDevices", "volumeMounts",
            "workingDir");
    static final Set<String> CONTAINER_PORT = Set.of("containerPort", "hostIP", "hostPort", "name", "protocol");

    static final Set<String> DEPLOYMENT_SPEC = Set.of("minReadySeconds", "paused", "progressDeadlineSeconds",
            "replicas", "revisionHistoryLimit", "selector", "strategy", "template");
    static final Set<String> REPLICA_SET_SPEC = Set.of("minReadySeconds", "replicas", "selector", "template");
    static final Set<String> STATEFUL_SET_SPEC = Set.of("minReadySeconds", "ordinals",
            "persistentVolumeClaimRetentionPolicy", "podManagementPolicy", "replicas", "revisionHistoryLimit",
            "selector", "serviceName", "template", "updateStrategy", "volumeClaimTemplates");
    static final Set<String> DAEMON_SET_SPEC = Set.of("minReadySeconds", "revisionHistoryLimit", "selector",
            "template", "updateStrategy");
    static final Set<String> JOB_SPEC = Set.of("activeDeadlineSeconds", "backoffLimit", "backoffLimitPerIndex",
            "completionMode", "completions", "managedBy", "manualSelector", "maxFailedIndexes", "parallelism",
            "podFailurePolicy", "podReplacementPolicy", "selector", "successPolicy", "suspend", "template",
            "ttlSecondsAfterFinished");
    static final Set<String> CRON_JOB_SPEC = Set.of("concurrencyPolicy", "failedJobsHistoryLimit", "jobTemplate",
            "schedule", "startingDeadlineSeconds", "successfulJobsHistoryLimit", "suspend", "timeZone");
    static final Set<String> JOB_TEMPLATE = Set.of("metadata", "spec");
    static final Set<String> NAMESPACE_SPEC = Set.of("finalizers");

    static final Set<String> SERVICE_SPEC = Set.of("allocateLoadBalancerNodePorts", "clusterIP", "clusterIPs",
            "externalIPs", "externalName", "externalTrafficPolicy", "healthCheckNodePort", "internalTrafficPolicy",
            "ipFamilies", "ipFamilyPolicy", "loadBalancerClass", "loadBalancerIP", "loadBalancerSourceRanges",
            "ports", "publishNotReadyAddresses", "selector", "sessionAffinity", "sessionAffinityConfig",
            "trafficDistribution", "type");
    static final Set<String> SERVICE_PORT = Set.of("appProtocol", "name", "nodePort", "port", "protocol",
            "targetPort");

    static final Set<String> INGRESS_SPEC = Set.of("defaultBackend", "ingressClassName", "rules", "tls");
    static final Set<String> INGRESS_RULE_HOST = Set.of("host", "http");
    static final Set<String> INGRESS_HTTP = Set.of("paths");
    static final Set<String> INGRESS_PATH = Set.of("backend", "path", "pathType");
    static final Set<String> INGRESS_BACKEND = Set.of("resource", "service");
    static final Set<String> INGRESS_SERVICE_BACKEND = Set.of("name", "port");
    static final Set<String> INGRESS_SERVICE_PORT = Set.of("name", "number");

    static final Set<String> OPENSHIFT_ROUTE_SPEC = Set.of("alternateBackends", "host", "httpHeaders", "path",
            "port", "subdomain", "tls", "to", "wildcardPolicy");
    static final Set<String> OPENSHIFT_ROUTE_TARGET = Set.of("kind", "name", "weight");
    static final Set<String> OPENSHIFT_ROUTE_PORT = Set.of("targetPort");

    static final Set<String> GATEWAY_SPEC = Set.of("addresses", "allowedListeners", "backendTLS", "defaultScope",
            "gatewayClassName", "infrastructure", "listeners", "tls");
    static final Set<String> LISTENER = Set.of("allowedRoutes", "hostname", "name", "port", "protocol", "tls");
    static final Set<String> ALLOWED_ROUTES = Set.of("kinds", "namespaces");
    static final Set<String> ROUTE_NAMESPACES = Set.of("from", "selector");
    static final Set<String> ROUTE_GROUP_KIND = Set.of("group", "kind");
    static final Set<String> PARENT_REFERENCE = Set.of("group", "kind", "name", "namespace", "port", "sectionName");
    static final Set<String> REFERENCE_GRANT_SPEC = Set.of("from", "to");
    static final Set<String> REFERENCE_GRANT_FROM = Set.of("group", "kind", "namespace");
    static final Set<String> REFERENCE_GRANT_TO = Set.of("group", "kind", "name");

    /** The spec fields of a Gateway API route kind. */
    static Set<String> gatewayRouteSpec(String kind) {
        return switch (kind) {
            case "HTTPRoute", "GRPCRoute", "TLSRoute" -> Set.of("hostnames", "parentRefs", "rules",
                    "useDefaultGateways");
            default -> Set.of("parentRefs", "rules", "useDefaultGateways");
        };
    }

    /** The fields of a rule of a Gateway API route kind. */
    static Set<String> gatewayRouteRule(String kind) {
        return switch (kind) {
            case "HTTPRoute" -> Set.of("backendRefs", "filters", "matches", "name", "retry", "sessionPersistence",
                    "timeouts");
            case "GRPCRoute" -> Set.of("backendRefs", "filters", "matches", "name", "sessionPersistence");
            default -> Set.of("backendRefs", "name");
        };
    }

    /** The fields of a backendRef of a Gateway API route kind (HTTP and gRPC ones have filters). */
    static Set<String> gatewayBackendRef(String kind) {
        return switch (kind) {
            case "HTTPRoute", "GRPCRoute" -> Set.of("filters", "group", "kind", "name", "namespace", "port", "weight");
            default -> Set.of("group", "kind", "name", "namespace", "port", "weight");
        };
    }

    /** The spec fields of a workload kind. */
    static Set<String> workloadSpec(String kind) {
        return switch (kind) {
            case "Deployment" -> DEPLOYMENT_SPEC;
            case "ReplicaSet", "ReplicationController" -> REPLICA_SET_SPEC;
            case "StatefulSet" -> STATEFUL_SET_SPEC;
            case "DaemonSet" -> DAEMON_SET_SPEC;
            case "Job" -> JOB_SPEC;
            case "CronJob" -> CRON_JOB_SPEC;
            default -> Set.of();
        };
    }
}
