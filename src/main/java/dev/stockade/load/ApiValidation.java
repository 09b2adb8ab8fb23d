package dev.stockade.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the API server (or a CRD's schema) refuses, one row per rule, so that the loader refuses
 * the same input: each row names the fields it applies to, the rule, where the API server has
 * it, and the message users see ({@code {value}} stands for the value as {@link Quote} shows it,
 * {@code {length}} for its length in characters). {@code docs/validation.md} is rendered from this
 * table ({@link ValidationDoc}) and every row has a test with a violating manifest.
 *
 * <p>Rows with a {@linkplain #problem syntax check} are checked on one value; other rows are
 * checked by the reader that has the fields they relate, which reports {@link #message}.
 */
enum ApiValidation {
    NAMESPACE_NAME("namespace-name", "`metadata.namespace` of every namespaced kind; `metadata.name` of a Namespace",
            "DNS-1123 label: 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit",
            "apimachinery `ValidateObjectMeta` → `ValidateNamespaceName` (`NameIsDNSLabel`); core `ValidateNamespace`",
            "{value} is not a valid namespace name (expected up to 63 lowercase letters, digits and '-', starting and"
                    + " ending with a letter or digit)", Names::isDnsLabel),
    OBJECT_NAME("object-name", "`metadata.name` of Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,"
            + " ReplicationController, NetworkPolicy, Ingress, Node, OpenShift Route, Gateway, HTTPRoute, GRPCRoute,"
            + " TLSRoute, TCPRoute, UDPRoute, ReferenceGrant, AdminNetworkPolicy, BaselineAdminNetworkPolicy,"
            + " ClusterNetworkPolicy, and of the kinds only audit reads: ConfigMap, Secret, ServiceAccount, LimitRange,"
            + " Istio PeerAuthentication and DestinationRule; the workload names of expectation files",
            "DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters in all",
            "apimachinery `NameIsDNSSubdomain`, the name check of core `ValidatePodName`, `ValidateNodeName`,"
                    + " `ValidateReplicationControllerName`, apps `ValidateDeploymentName` (and ReplicaSet, StatefulSet,"
                    + " DaemonSet), batch `ValidateJob`/`ValidateCronJob`, networking `ValidateNetworkPolicyName`,"
                    + " `ValidateIngressName`, openshift-apiserver `ValidateRouteName`, core `ValidateConfigMapName`,"
                    + " `ValidateSecretName`, `ValidateServiceAccountName`, `ValidateLimitRangeName`; apiextensions-apiserver for"
                    + " every custom resource (the policy and Gateway API kinds)",
            "{value} is not a valid object name (expected a DNS subdomain: dot-separated parts of lowercase letters,"
                    + " digits and '-', each starting and ending with a letter or digit, up to 253 characters in all)",
            Names::isDnsSubdomain),
    SERVICE_NAME("service-name", "`metadata.name` of a Service",
            "DNS-1035 label: 1-63 lowercase letters, digits and '-', starting with a letter, ending with a letter or"
                    + " digit",
            "core `ValidateService` → `ValidateServiceName` (`NameIsDNS1035Label`)",
            "{value} is not a valid Service name (expected a DNS-1035 label: up to 63 lowercase letters, digits and"
                    + " '-', starting with a letter and ending with a letter or digit)", Names::isDns1035Label),
    INGRESS_BACKEND_SERVICE_NAME("ingress-backend-service-name", "Ingress `spec.defaultBackend.service.name`,"
            + " `spec.rules[].http.paths[].backend.service.name`", "DNS-1035 label, as a Service's name",
            "networking `validateIngressBackend` → core `ValidateServiceName`",
            "{value} is not a valid Service name (expected a DNS-1035 label: up to 63 lowercase letters, digits and"
                    + " '-', starting with a letter and ending with a letter or digit)", Names::isDns1035Label),
    CRONJOB_NAME_LENGTH("cronjob-name-length", "`metadata.name` of a CronJob",
            "at most 52 characters (the controller appends 11 to name the Jobs it creates)",
            "batch `ValidateCronJobCreate` (`DNS1035LabelMaxLength - 11`)",
            "is {length} characters long (expected at most 52: the CronJob's Jobs are named after it with 11 more)",
            v -> length(v) <= 52),
    JOB_NAME_LENGTH("job-name-length", "`metadata.name` of a Job without `spec.manualSelector: true`",
            "at most 63 characters: the name becomes the `job-name` label value of the pod template",
            "batch job strategy `PrepareForCreate` (generated selector and labels), then `ValidateJob` on"
                    + " `spec.template.labels` (label values at most 63 characters)",
            "is {length} characters long (expected at most 63: the name becomes the job-name label of the Job's"
                    + " pods)", v -> length(v) <= 63),
    BASELINE_NAME("baseline-name", "`metadata.name` of a BaselineAdminNetworkPolicy", "exactly `default` (a singleton)",
            "network-policy-api CRD `baselineadminnetworkpolicies`: `self.metadata.name == 'default'`",
            "{value} is not allowed (expected default: the BaselineAdminNetworkPolicy is a singleton named default)",
            "default"::equals),
    ADMIN_RULE_NAME_LENGTH("admin-rule-name-length", "`spec.ingress[].name`, `spec.egress[].name` of"
            + " AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy", "at most 100 characters",
            "network-policy-api CRDs: `maxLength: 100`", "is {length} characters long (expected at most 100)",
            v -> length(v) <= 100),
    CONTAINER_NAME("container-name", "`spec.containers[].name`, `spec.initContainers[].name` of a Pod or pod template",
            "DNS-1123 label", "core `validateContainers`/`validateInitContainers` (`ValidateDNS1123Label`)",
            "{value} is not a valid container name (expected up to 63 lowercase letters, digits and '-', starting and"
                    + " ending with a letter or digit)", Names::isDnsLabel),
    GATEWAY_SECTION_NAME("gateway-section-name", "Gateway `spec.listeners[].name`; routes'"
            + " `spec.parentRefs[].sectionName`", "SectionName: DNS-1123 subdomain pattern, 1-253 characters",
            "gateway-api CRDs, type `SectionName` (pattern, `maxLength: 253`)",
            "{value} is not a valid section name (expected a DNS subdomain: dot-separated parts of lowercase"
                    + " letters, digits and '-', each starting and ending with a letter or digit, up to 253 characters"
                    + " in all)", Names::isDnsSubdomain),
    GATEWAY_OBJECT_NAME("gateway-object-name", "routes' `spec.parentRefs[].name`, `spec.rules[].backendRefs[].name`;"
            + " ReferenceGrant `spec.to[].name`", "ObjectName: 1-253 characters",
            "gateway-api CRDs, type `ObjectName` (`minLength: 1`, `maxLength: 253`)",
            "is {length} characters long (expected at most 253)", v -> length(v) <= 253),
    GATEWAY_NAMESPACE("gateway-namespace", "routes' `spec.parentRefs[].namespace`,"
            + " `spec.rules[].backendRefs[].namespace`; ReferenceGrant `spec.from[].namespace`",
            "Namespace: DNS-1123 label pattern, 1-63 characters",
            "gateway-api CRDs, type `Namespace` (pattern, `maxLength: 63`)",
            "{value} is not a valid namespace name (expected up to 63 lowercase letters, digits and '-', starting and"
                    + " ending with a letter or digit)", Names::isDnsLabel),
    RBAC_NAME("rbac-name", "`metadata.name` of Role, ClusterRole, RoleBinding, ClusterRoleBinding",
            "a path segment: not `.` or `..`, no `/` or `%` (RBAC names such as `system:controller:x` are allowed)",
            "rbac `ValidateRBACName` (apimachinery `path.ValidatePathSegmentName`)",
            "{value} is not a valid RBAC object name (expected a name without '/' or '%' that is not . or ..)",
            Names::isPathSegment),
    LABEL_KEY_PREFIX("label-key-prefix", "the prefix (before `/`) of label keys: `metadata.labels`, `matchLabels`,"
            + " `matchExpressions[].key`", "DNS-1123 subdomain",
            "apimachinery `ValidateLabels` → `IsQualifiedName`",
            "label key prefix {value} is not a DNS subdomain (expected e.g. example.com/name)",
            Names::isDnsSubdomain),
    LABEL_KEY("label-key", "label keys (the name after an optional prefix)",
            "1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            "apimachinery `ValidateLabels` → `IsQualifiedName`",
            "{value} is not a valid label key (expected up to 63 letters, digits, '-', '_' or '.', starting and ending"
                    + " with a letter or digit, with an optional DNS prefix and '/')", Names::isLabelKey),
    LABEL_VALUE("label-value", "label values: `metadata.labels`, `matchLabels`, `matchExpressions[].values`",
            "empty, or 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            "apimachinery `ValidateLabels` → `IsValidLabelValue`",
            "{value} is not a valid label value (expected up to 63 letters, digits, '-', '_' or '.', starting and"
                    + " ending with a letter or digit)", Names::isLabelValue),
    WORKLOAD_SELECTOR_REQUIRED("workload-selector-required", "`spec.selector` of Deployment, ReplicaSet,"
            + " StatefulSet and DaemonSet of apps/v1 and apps/v1beta2; of a Job with `spec.manualSelector: true`",
            "must be set (extensions/v1beta1 and apps/v1beta1 defaulted it to the template's labels; apps/v1 does"
                    + " not)", "apps `ValidateDeploymentSpec`, `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`"
                    + " (`field.Required`), `ValidateDaemonSetSpec` (a nil selector matches no template); batch"
                    + " `ValidateJobSpec`",
            "is required (expected a label selector that the pod template's labels match, e.g. matchLabels: {app:"
                    + " web})"),
    WORKLOAD_SELECTOR_EMPTY("workload-selector-empty", "`spec.selector` of Deployment, ReplicaSet, StatefulSet,"
            + " DaemonSet", "must have `matchLabels` or `matchExpressions`",
            "apps `ValidateDeploymentSpec`, `ValidateReplicaSetSpec` (\"empty selector is invalid for deployment\"),"
                    + " `ValidateStatefulSetSpec`, `ValidateDaemonSetSpec`",
            "is empty, so it would select every pod in the namespace (expected matchLabels or matchExpressions that"
                    + " the pod template's labels match)"),
    SELECTOR_MATCHES_TEMPLATE("selector-matches-template", "`spec.template.metadata.labels` of Deployment,"
            + " ReplicaSet, StatefulSet, DaemonSet, ReplicationController and Job",
            "the workload's selector selects its pod template's labels (a Job's template labels include the"
                    + " `job-name` labels the API server adds)",
            "apps `ValidatePodTemplateSpecForReplicaSet`, `ValidatePodTemplateSpecForStatefulSet`,"
                    + " `ValidateDaemonSetSpec`; core `ValidatePodTemplateSpecForRC`; batch `ValidateJobSpec`"
                    + " (\"`selector` does not match template `labels`\")",
            "the template's labels {labels} do not match the selector {selector} (expected labels the selector"
                    + " selects: the controller manages only the pods its selector matches)"),
    RC_SELECTOR_REQUIRED("rc-selector-required", "`spec.selector` of a ReplicationController",
            "not empty; an absent or empty selector defaults to the template's labels, so only a template without"
                    + " labels leaves it empty", "core `SetDefaults_ReplicationController`, then"
                    + " `ValidateReplicationControllerSpec` → `ValidateNonEmptySelector`",
            "is required (expected a selector, or labels on the pod template for it to default to)"),
    JOB_GENERATED_LABEL("job-generated-label", "`spec.template.metadata.labels` `job-name`,"
            + " `batch.kubernetes.io/job-name`, `controller-uid`, `batch.kubernetes.io/controller-uid` of a Job"
            + " without `spec.manualSelector: true`",
            "when written, the job-name labels equal the Job's name and the controller-uid labels its"
                    + " `metadata.uid` (the API server adds them when absent)",
            "batch job strategy `PrepareForCreate` (`generateSelector`), `ValidateGeneratedSelector` → core"
                    + " `ValidateHasLabel`", "{value} is not the value the API server gives this label (expected"
                    + " {expected}, or no such label: the API server adds it)"),
    JOB_SELECTOR_GENERATED("job-selector-generated", "`spec.selector` of a Job without `spec.manualSelector:"
            + " true`", "selects the labels the API server generates for the Job's pods (`job-name`, `controller-uid`"
            + " and their `batch.kubernetes.io/` forms) and requires nothing else",
            "batch `ValidateGeneratedSelector` (\"`selector` not auto-generated\")",
            "{selector} is not a selector the API server generates for a Job (expected no selector, or"
                    + " manualSelector: true with a selector of your own)"),
    CRONJOB_JOB_SELECTOR("cronjob-job-selector", "`spec.jobTemplate.spec.selector` and"
            + " `spec.jobTemplate.spec.manualSelector` of a CronJob",
            "no selector and no `manualSelector: true`: every Job the CronJob creates gets a generated selector",
            "batch `ValidateJobTemplateSpec` (\"`selector` will be auto-generated\"; manualSelector `NotSupported`)",
            "may not be set in a CronJob's job template (expected no selector and no manualSelector: true: each Job"
                    + " the CronJob creates gets a generated selector)"),
    SERVICE_TYPE("service-type", "Service `spec.type`", "ClusterIP (the default), NodePort, LoadBalancer or"
            + " ExternalName", "core `ValidateService` (`field.NotSupported`)",
            "unknown type {value} (expected ClusterIP, NodePort, LoadBalancer or ExternalName)"),
    SERVICE_PORTS_REQUIRED("service-ports-required", "Service `spec.ports`", "at least one port, unless the Service"
            + " is headless (`clusterIP: None`) or of type ExternalName", "core `ValidateService` (`field.Required`)",
            "is required (expected at least one port, unless the Service is headless, clusterIP: None, or of type"
                    + " ExternalName)"),
    SERVICE_PORT_NAME_REQUIRED("service-port-name-required", "Service `spec.ports[].name`",
            "required when the Service has more than one port", "core `validateServicePort` (`field.Required`)",
            "is required when the Service has more than one port (expected a name such as http)"),
    SERVICE_PORT_NAME_UNIQUE("service-port-name-unique", "Service `spec.ports[].name`", "unique in the Service",
            "core `validateServicePort` (`field.Duplicate`)",
            "duplicate port name {value} (also {other}; expected a name unique in the Service)"),
    SERVICE_PORT_UNIQUE("service-port-unique", "Service `spec.ports[]`", "each pair of `port` and `protocol` once",
            "core `ValidateService` (`field.Duplicate` on protocol and port)",
            "{port} is listed twice (also {other}; expected each port number and protocol once in a Service)"),
    SERVICE_NODE_PORT_TYPE("service-node-port-type", "Service `spec.ports[].nodePort`",
            "not set when the type is ClusterIP (the default)",
            "core `ValidateService` (\"may not be used when `type` is 'ClusterIP'\")",
            "may not be set when the Service's type is ClusterIP (expected type NodePort or LoadBalancer, or no"
                    + " nodePort)"),
    SERVICE_HEADLESS_TYPE("service-headless-type", "Service `spec.clusterIP`",
            "`None` (headless) only with type ClusterIP: a NodePort or LoadBalancer Service needs a cluster IP",
            "core `ValidateService` (\"may not be set to 'None' for NodePort services\", and LoadBalancer)",
            "None may not be used with type {type} (expected a cluster IP, or type ClusterIP for a headless"
                    + " Service)"),
    SERVICE_EXTERNAL_NAME("service-external-name", "Service `spec.externalName`", "required for type ExternalName",
            "core `ValidateService` (`field.Required`)",
            "is required for type ExternalName (expected a DNS name such as db.example.com)"),
    PORT_NUMBER("port-number", "container `containerPort`, `hostPort`; Service `port`, `targetPort`, `nodePort`;"
            + " NetworkPolicy `port`, `endPort`; Ingress backend `port.number`", "1-65535 (a container's `hostPort`,"
            + " a Service's `nodePort` and `targetPort` may be 0: unset)", "apimachinery `IsValidPortNum`, from core `validateContainerPorts`,"
            + " `validateServicePort`, networking `ValidateNetworkPolicyPort`, `validateIngressBackend`",
            "{number} is out of range (expected 1-65535)"),
    PROTOCOL("protocol", "`protocol` of container ports, Service ports and NetworkPolicy ports",
            "TCP (the default), UDP or SCTP, case-sensitive", "core `validateContainerPorts`, `validateServicePort`,"
            + " networking `ValidateNetworkPolicyPort` (`field.NotSupported`)",
            "unknown protocol {value} (expected TCP, UDP or SCTP)"),
    CONTAINER_PORT_NAME_UNIQUE("container-port-name-unique", "`ports[].name` of one container",
            "unique in the container", "core `validateContainerPorts` (`field.Duplicate`)",
            "port name {value} is used twice in this container (also {other}; expected names unique in a container)"),
    CONTAINER_NAME_UNIQUE("container-name-unique", "`spec.containers[].name`, `spec.initContainers[].name` of a"
            + " Pod or pod template", "unique across the pod's containers and init containers",
            "core `validateInitContainers`, `validateContainers` (`field.Duplicate`)",
            "container name {value} is used twice in this pod (also {other}; expected names unique across"
                    + " containers and initContainers)"),
    POD_CONTAINERS_REQUIRED("pod-containers-required", "`spec.containers` of a Pod or pod template (Deployment,"
            + " ReplicaSet, StatefulSet, DaemonSet, Job, CronJob `spec.jobTemplate.spec.template`,"
            + " ReplicationController)", "at least one container (a template's pod spec is validated as a Pod's)",
            "core `ValidatePodSpec` → `validateContainers` (`field.Required`); `ValidatePodTemplateSpec` →"
                    + " `ValidatePodSpec`",
            "is required (expected at least one container with a name and an image, e.g. [{name: app, image:"
                    + " nginx}])"),
    CONTAINER_NAME_REQUIRED("container-name-required", "`name` of each entry of `spec.containers`,"
            + " `spec.initContainers` of a Pod or pod template", "set and not empty",
            "core `validateContainerCommon` (`field.Required`)",
            "is required (expected a name for the container, unique in the pod, e.g. app)"),
    CONTAINER_IMAGE_REQUIRED("container-image-required", "`image` of each entry of `spec.containers`,"
            + " `spec.initContainers` of a Pod or pod template", "set and not empty (spaces alone are accepted)",
            "core `validateContainerCommon` (`field.Required`)",
            "is required (expected the container's image, e.g. nginx:1.27)"),
    TEMPLATE_EPHEMERAL_CONTAINERS("template-ephemeral-containers", "`spec.ephemeralContainers` of a pod template"
            + " (a Pod's are kept: a Pod read from a cluster may have them)", "absent or empty",
            "core `ValidatePodTemplateSpec` (\"ephemeral containers not allowed in pod template\")",
            "may not be set in a pod template (expected no ephemeralContainers: they are added to running Pods only,"
                    + " e.g. by kubectl debug)"),
    OWNER_REFERENCE_REQUIRED("owner-reference-required", "`metadata.ownerReferences[].apiVersion`, `kind`, `name`,"
            + " `uid` of every object the loader models (not of the kinds only audit reads)", "each set and not empty",
            "apimachinery `ValidateObjectMeta` → `ValidateOwnerReferences` (\"must not be empty\", \"version must not"
                    + " be empty\")", "is required (expected {expected})"),
    OWNER_REFERENCE_API_VERSION("owner-reference-api-version", "`metadata.ownerReferences[].apiVersion`",
            "a version (`v1`) or a group and version (`apps/v1`): at most one `/`, a version after it",
            "apimachinery `ValidateOwnerReferences` (`schema.FromAPIVersionAndKind`: \"version must not be empty\")",
            "{value} has no version (expected the owner's apiVersion: v1, or a group and version such as apps/v1)"),
    OWNER_REFERENCE_CONTROLLER("owner-reference-controller", "`metadata.ownerReferences[].controller`",
            "`true` on at most one reference", "apimachinery `ValidateOwnerReferences` (\"Only one reference can have"
                    + " Controller set to true\")",
            "is also true on {first} (expected controller: true on at most one owner reference: an object has one"
                    + " controller)"),
    HOST_NETWORK_HOST_PORT("host-network-host-port", "`ports[].hostPort` of the containers of a pod with"
            + " `hostNetwork: true`", "equal to `containerPort` (it defaults to it)",
            "core `validateHostNetwork` (\"must match `containerPort` when `hostNetwork` is true\")",
            "{hostPort} is not the containerPort {containerPort} (expected hostPort equal to containerPort, or no"
                    + " hostPort: a host-network pod listens on the node's port itself)"),
    SELECTOR_KEY_REQUIRED("selector-key-required", "`matchExpressions[].key` of every label selector", "required",
            "apimachinery `ValidateLabelSelectorRequirement` → `ValidateLabelName`",
            "is required (expected a label key)"),
    SELECTOR_OPERATOR_REQUIRED("selector-operator-required", "`matchExpressions[].operator` of every label"
            + " selector", "required", "apimachinery `ValidateLabelSelectorRequirement` (`field.Invalid`)",
            "is required (expected In, NotIn, Exists or DoesNotExist)"),
    SELECTOR_OPERATOR("selector-operator", "`matchExpressions[].operator` of every label selector",
            "In, NotIn, Exists or DoesNotExist, case-sensitive",
            "apimachinery `ValidateLabelSelectorRequirement` (\"not a valid selector operator\")",
            "unknown operator {value} (expected In, NotIn, Exists or DoesNotExist; operators are case-sensitive)"),
    SELECTOR_VALUES_REQUIRED("selector-values-required", "`matchExpressions[].values` with operator In or NotIn",
            "at least one value", "apimachinery `ValidateLabelSelectorRequirement` (`field.Required`)",
            "must be non-empty when operator is {operator} (expected at least one value)"),
    SELECTOR_VALUES_FORBIDDEN("selector-values-forbidden", "`matchExpressions[].values` with operator Exists or"
            + " DoesNotExist", "no values", "apimachinery `ValidateLabelSelectorRequirement` (`field.Forbidden`)",
            "must be empty when operator is {operator} (expected no values)"),
    NETWORK_POLICY_TYPE("network-policy-type", "NetworkPolicy `spec.policyTypes[]`", "Ingress or Egress",
            "networking `ValidateNetworkPolicySpec` (`field.NotSupported`)",
            "unknown policy type {value} (expected Ingress or Egress)"),
    NETWORK_POLICY_TYPES_COUNT("network-policy-types-count", "NetworkPolicy `spec.policyTypes`",
            "at most two entries (a type listed twice within two is accepted, and counts once)",
            "networking `ValidateNetworkPolicySpec` (\"may not specify more than two policyTypes\")",
            "lists {count} policy types (expected at most two: Ingress, Egress or both)"),
    NETWORK_POLICY_PEER("network-policy-peer", "NetworkPolicy `spec.ingress[].from[]`, `spec.egress[].to[]`",
            "at least one of `podSelector`, `namespaceSelector`, `ipBlock`",
            "networking `ValidateNetworkPolicyPeer` (\"must specify a peer\")",
            "must specify a peer (expected podSelector, namespaceSelector or ipBlock)"),
    NETWORK_POLICY_IPBLOCK_ALONE("network-policy-ipblock-alone", "NetworkPolicy peers",
            "`ipBlock` not combined with `podSelector` or `namespaceSelector`",
            "networking `ValidateNetworkPolicyPeer` (\"may not specify more than 1 peer\")",
            "may not be combined with podSelector or namespaceSelector (expected either an ipBlock or selectors; use"
                    + " two peers for both)"),
    NETWORK_POLICY_CIDR_REQUIRED("network-policy-cidr-required", "NetworkPolicy `ipBlock.cidr`; `{cidr}` of"
            + " expectation files", "required", "networking `ValidateIPBlock` (`field.Required`)",
            "is required (expected a CIDR such as 10.0.0.0/8)"),
    NETWORK_POLICY_CIDR("network-policy-cidr", "NetworkPolicy `ipBlock.cidr`, `ipBlock.except[]`; `{cidr}` of"
            + " expectation files", "an IPv4 or IPv6 CIDR", "networking `ValidateIPBlock` → `ValidateCIDR`",
            "{value} is not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)"),
    NETWORK_POLICY_EXCEPT_WHOLE("network-policy-except-whole", "NetworkPolicy `ipBlock.except[]`",
            "a strict subset of `cidr`: not the whole of it",
            "networking `ValidateIPBlock` (\"must be a strict subset of `cidr`\")",
            "{except} is the whole cidr {cidr}, so the ipBlock matches nothing (expected a strict subset of the cidr,"
                    + " e.g. a longer prefix within it)"),
    NETWORK_POLICY_EXCEPT_INSIDE("network-policy-except-inside", "NetworkPolicy `ipBlock.except[]`",
            "a strict subset of `cidr`: inside it, with a longer prefix",
            "networking `ValidateIPBlock` (\"must be a strict subset of `cidr`\")",
            "{except} is not inside cidr {cidr} (expected a strict subset of the cidr, e.g. a longer prefix within"
                    + " it)"),
    NETWORK_POLICY_END_PORT_WITHOUT_PORT("network-policy-end-port-without-port", "NetworkPolicy `ports[].endPort`",
            "only with `port`", "networking `ValidateNetworkPolicyPort` (\"may not be specified when `port` is not"
            + " specified\")", "requires port (expected port to be set to the first port of the range)"),
    NETWORK_POLICY_END_PORT_NAMED("network-policy-end-port-named", "NetworkPolicy `ports[].endPort`",
            "only with a numeric `port`", "networking `ValidateNetworkPolicyPort` (\"may not be specified when"
            + " `port` is non-numeric\")", "may not be used with a named port (expected a numeric port)"),
    NETWORK_POLICY_END_PORT_BELOW("network-policy-end-port-below", "NetworkPolicy `ports[].endPort`",
            "at least `port`", "networking `ValidateNetworkPolicyPort` (\"must be greater than or equal to"
            + " `port`\")", "{end} is below port {port} (expected endPort >= port)"),
    INGRESS_BACKEND_OR_RULES("ingress-backend-or-rules", "Ingress `spec`", "a `defaultBackend` or at least one"
            + " rule", "networking `ValidateIngressSpec` (\"either `defaultBackend` or `rules` must be specified\")",
            "has neither defaultBackend nor rules (expected a defaultBackend, or rules with http paths)"),
    INGRESS_HOST("ingress-host", "Ingress `spec.rules[].host`", "a DNS subdomain, optionally with a leading `*.`;"
            + " not an IP address", "networking `ValidateIngressSpec` (\"must be a DNS name, not an IP address\","
            + " `IsDNS1123Subdomain`, `IsWildcardDNS1123Subdomain`)",
            "{value} is not a valid host (expected a DNS name such as example.com or *.example.com, not an IP"
                    + " address)"),
    INGRESS_PATHS_REQUIRED("ingress-paths-required", "Ingress `spec.rules[].http.paths`", "at least one path",
            "networking `validateHTTPIngressRuleValue` (`field.Required`)",
            "is required (expected at least one path with a backend)"),
    INGRESS_PATH_TYPE_REQUIRED("ingress-path-type-required", "Ingress `spec.rules[].http.paths[].pathType`",
            "required", "networking `validateHTTPIngressPath` (\"pathType must be specified\")",
            "is required (expected Exact, Prefix or ImplementationSpecific)"),
    INGRESS_PATH_TYPE("ingress-path-type", "Ingress `spec.rules[].http.paths[].pathType`",
            "Exact, Prefix or ImplementationSpecific", "networking `validateHTTPIngressPath` (`field.NotSupported`)",
            "unknown path type {value} (expected Exact, Prefix or ImplementationSpecific)"),
    INGRESS_PATH_ABSOLUTE("ingress-path-absolute", "Ingress `spec.rules[].http.paths[].path`", "starts with `/`"
            + " (an ImplementationSpecific path may be empty)",
            "networking `validateHTTPIngressPath` (\"must be an absolute path\")",
            "{value} is not an absolute path (expected a path starting with /)"),
    INGRESS_PATH_SEGMENTS("ingress-path-segments", "Ingress `spec.rules[].http.paths[].path` of pathType Exact or"
            + " Prefix", "no `//`, `/./`, `/../`, `%2f` or `%2F`; not ending in `/.` or `/..`",
            "networking `validateHTTPIngressPath` (\"must not contain\", \"cannot end with\")",
            "{value} contains {part} (expected a path without //, /./, /../ or an encoded slash, not ending in /. or"
                    + " /..)"),
    PORT_NAME("port-name", "container `ports[].name`; named ports of NetworkPolicy, admin policies, Ingress backends"
            + " and expectation files", "IANA_SVC_NAME: 1-15 lowercase letters, digits and single '-', at least one"
            + " letter, no '-' at either end", "core `validateContainerPorts`, networking `ValidateNetworkPolicyPort`,"
            + " `validateIngressBackend` (`IsValidPortName`)",
            "{value} is not a valid port name (expected up to 15 lowercase letters, digits and single '-', with at"
                    + " least one letter, e.g. http or metrics)", Names::isPortName),
    SERVICE_PORT_NAME("service-port-name", "Service `spec.ports[].name` (and OpenShift Route `spec.port.targetPort`,"
            + " which names one)", "DNS-1123 label", "core `validateServicePort` (`IsDNS1123Label`)",
            "{value} is not a valid port name (expected up to 63 lowercase letters, digits and '-', starting and"
                    + " ending with a letter or digit, e.g. http)", Names::isDnsLabel),
    CRD_REQUIRED("crd-required", "AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy: `spec`,"
            + " `spec.priority` (not the baseline), `spec.tier` (ClusterNetworkPolicy), `spec.subject`, rules' `action`"
            + " and `from`/`to`, `pods.podSelector`, `pods.namespaceSelector` (v1alpha1), `portNumber.port`,"
            + " `portRange.start`/`end`, `destinationPort`, `range.start`/`end`; Gateway API: every kind's `spec`,"
            + " Gateway `gatewayClassName`, `listeners`, listeners' `name`, `port`, `protocol`,"
            + " `allowedRoutes.kinds[].kind`; routes' `parentRefs[].name`, `backendRefs[].name`, TCPRoute, UDPRoute and"
            + " TLSRoute `rules`; ReferenceGrant `from`, `to`, their `group` and `kind`, `from[].namespace`",
            "the field must be set (a name or kind not empty)",
            "network-policy-api CRDs (v1alpha1, v1alpha2): `required`, `minProperties: 1` of `tcp`/`udp`/`sctp`;"
                    + " gateway-api CRDs (standard and experimental): `required`, `minLength: 1`",
            "is required (expected {expected})"),
    CRD_MIN_ITEMS("crd-min-items", "admin policies' `ports`, `protocols`, `networks`, `domainNames`, and each"
            + " rule of `spec.ingress`/`spec.egress`; Gateway `spec.listeners`; TCPRoute, UDPRoute and TLSRoute"
            + " `spec.rules` and their `backendRefs`; ReferenceGrant `spec.from`, `spec.to`",
            "a list that is written has at least one item; a rule is not empty",
            "network-policy-api CRDs: `minItems: 1`, a rule's `required` fields; gateway-api CRDs: `minItems: 1`",
            "is empty (expected {expected})"),
    CRD_MAX_ITEMS("crd-max-items", "admin policies' `spec.ingress`, `spec.egress`, `from`, `to`, `ports`,"
            + " `protocols` (100 each in v1alpha1, 25 in v1alpha2), `networks`, `domainNames` (25); Gateway"
            + " `spec.listeners` (64), `allowedRoutes.kinds` (8); routes' `spec.parentRefs` (32), `spec.hostnames`,"
            + " `spec.rules`, rules' `backendRefs` (16 each); ReferenceGrant `spec.from`, `spec.to` (16 each)",
            "at most as many items as the schema allows", "network-policy-api and gateway-api CRDs: `maxItems`",
            "{count} {items} (expected at most {max})"),
    CRD_ONE_FIELD("crd-one-field", "admin policies' `spec.subject`, each peer, each entry of `ports` and"
            + " `protocols`, `destinationPort`", "at least one of the fields is set",
            "network-policy-api CRDs: `minProperties: 1`", "must set exactly one field (expected {expected})"),
    CRD_ONLY_ONE_FIELD("crd-only-one-field", "as `crd-one-field`", "at most one of the fields is set",
            "network-policy-api CRDs: `maxProperties: 1`", "sets {fields} (expected exactly one of {expected})"),
    ADMIN_PRIORITY("admin-priority", "`spec.priority` of AdminNetworkPolicy and ClusterNetworkPolicy",
            "an integer from 0 to 1000", "network-policy-api CRDs: `minimum: 0`, `maximum: 1000`",
            "{number} is out of range (expected an integer from 0 to 1000)"),
    ADMIN_TIER("admin-tier", "`spec.tier` of ClusterNetworkPolicy", "`Admin` or `Baseline`",
            "network-policy-api v1alpha2 CRD: `enum`", "unknown tier {value} (expected Admin or Baseline)"),
    ADMIN_ACTION("admin-action", "rules' `action`", "AdminNetworkPolicy: `Allow`, `Deny`, `Pass`;"
            + " BaselineAdminNetworkPolicy: `Allow`, `Deny`; ClusterNetworkPolicy: `Accept`, `Deny`, `Pass`",
            "network-policy-api CRDs: `enum`", "unknown action {value} for {kind} (expected {actions})"),
    ADMIN_PORT("admin-port", "admin policies' `portNumber.port`, `portRange.start`/`end`, `destinationPort.number`,"
            + " `range.start`/`end`", "an integer from 1 to 65535", "network-policy-api CRDs: `minimum: 1`,"
            + " `maximum: 65535`", "{number} is out of range (expected 1-65535)"),
    ADMIN_PORT_RANGE("admin-port-range", "admin policies' `portRange`, `destinationPort.range`", "`start` below `end`",
            "network-policy-api CRDs: `self.start < self.end`",
            "{end} is not above start {start} (expected start < end; use a single port for one port)"),
    ADMIN_NAMED_PORT_PEER("admin-named-port-peer", "egress rules' `ports`/`protocols` with a `networks`, `nodes` or"
            + " `domainNames` peer in `to`", "no named port in a rule with peers that have no named ports",
            "network-policy-api CRDs, CEL rule of the egress rule: \"networks/nodes/domainNames peer cannot be set"
                    + " with namedPorts\"",
            "a named port may not be used with networks, nodes or domainNames peers (expected port numbers: those"
                    + " peers have no named ports)"),
    ADMIN_DOMAIN_NAMES_ACTION("admin-domain-names-action", "`domainNames` peers of admin policies",
            "only in `Allow` (`Accept`) rules", "network-policy-api API documentation of `domainNames` (\"only"
                    + " supported for Allow rules\"); the schema does not check it, Stockade refuses it because a"
                    + " Deny or Pass by name has no meaning to enforce",
            "is only allowed in {allow} rules (expected another peer for a {action} rule)"),
    ADMIN_CIDR("admin-cidr", "`networks[]` of admin policies", "a CIDR as CEL's `isCIDR` reads it (Go"
            + " `netip.ParsePrefix`): an IPv4 or IPv6 address and a prefix length, no leading zero in an IPv4 part or"
            + " the prefix length (host bits may be set); at most 43 characters",
            "network-policy-api CRDs, type `CIDR`: `isCIDR(self)`, `maxLength: 43`",
            "{value} is not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)",
            Names::isCelCidr),
    ADMIN_LIST_SET("admin-list-set", "`networks`, `domainNames` of admin policies", "no item twice",
            "network-policy-api CRDs: `x-kubernetes-list-type: set`",
            "{value} is already listed at {first} (expected each item once: the list is a set)"),
    ADMIN_DOMAIN_NAME("admin-domain-name", "`domainNames[]` of admin policies", "a domain name of two or more"
            + " dot-separated labels of letters, digits, '-' and '_' (starting and ending with a letter or digit),"
            + " optionally `*.` before and `.` after", "network-policy-api CRDs, type `DomainName` (`pattern`)",
            "{value} is not a valid domain name (expected e.g. example.com or *.example.com)",
            Names::isDomainName),
    ROUTE_REQUIRED("route-required", "OpenShift Route `spec`, `spec.to`, `spec.to.name`,"
            + " `spec.alternateBackends[].name`, `spec.port.targetPort` (when `spec.port` is written),"
            + " `spec.tls.termination` (when `spec.tls` is written), `spec.host` (with `wildcardPolicy: Subdomain`)",
            "the field must be set",
            "openshift library-go route `validateRoute` (`field.Required`), `validateTLS` (an empty termination is"
                    + " not one of the values), `validateWildcardPolicy` (\"host name not specified for wildcard"
                    + " policy\")",
            "is required (expected {expected})"),
    ROUTE_TARGET_KIND("route-target-kind", "OpenShift Route `spec.to.kind`, `spec.alternateBackends[].kind`",
            "`Service` (an empty kind is defaulted to `Service`)",
            "openshift library-go route `validateRoute` (\"must reference a Service\")",
            "{value} is not allowed (expected Service: a Route sends its traffic to Services only)"),
    ROUTE_ALTERNATE_BACKENDS("route-alternate-backends", "OpenShift Route `spec.alternateBackends`", "at most 3",
            "openshift library-go route `validateRoute` (\"cannot specify more than 3 alternate backends\")",
            "{count} alternate backends (expected at most 3)"),
    ROUTE_WEIGHT("route-weight", "OpenShift Route `spec.to.weight`, `spec.alternateBackends[].weight`",
            "an integer from 0 to 256", "openshift library-go route `validateRoute`",
            "{number} is out of range (expected 0-256)"),
    ROUTE_HOST("route-host", "OpenShift Route `spec.host`", "DNS-1123 subdomain whose parts are at most 63"
            + " characters (the part length is not checked with the annotation"
            + " `route.openshift.io/allow-non-dns-compliant-host: \"true\"`)",
            "openshift library-go route `validateRoute` (`IsDNS1123Subdomain`, `IsDNS1123Label` of each part)",
            "{value} is not a valid host name (expected a DNS name: dot-separated parts of lowercase letters, digits"
                    + " and '-', each starting and ending with a letter or digit and up to 63 characters long, up to"
                    + " 253 characters in all)"),
    ROUTE_PATH("route-path", "OpenShift Route `spec.path`", "starts with `/`, no `#` or space",
            "openshift library-go route `validateRoute` (\"path must begin with /\"), openshift-apiserver"
                    + " `validatePath` (\"cannot contain # or spaces\")",
            "{value} is not a valid path (expected a path that starts with / and has no '#' or spaces)"),
    ROUTE_PASSTHROUGH_PATH("route-passthrough-path", "OpenShift Route `spec.path` with `spec.tls.termination:"
            + " passthrough`", "no path", "openshift library-go route `validateRoute` (\"passthrough termination does"
            + " not support paths\")",
            "is not allowed with passthrough termination (expected no path: the router does not decrypt the traffic"
                    + " to read it)"),
    ROUTE_TERMINATION("route-termination", "OpenShift Route `spec.tls.termination`", "`edge`, `passthrough` or"
            + " `reencrypt`", "openshift library-go route `validateTLS` (`field.NotSupported`)",
            "{value} is not a TLS termination (expected edge, passthrough or reencrypt)"),
    ROUTE_INSECURE_POLICY("route-insecure-policy", "OpenShift Route `spec.tls.insecureEdgeTerminationPolicy`",
            "`None`, `Allow` or `Redirect` for edge and reencrypt termination; `None` or `Redirect` for passthrough",
            "openshift library-go route `validateInsecureEdgeTerminationPolicy`",
            "{value} is not allowed with {termination} termination (expected {allowed})"),
    ROUTE_WILDCARD_POLICY("route-wildcard-policy", "OpenShift Route `spec.wildcardPolicy`", "`None` or `Subdomain`"
            + " (or empty)", "openshift library-go route `validateWildcardPolicy` (`field.NotSupported`)",
            "{value} is not a wildcard policy (expected None or Subdomain)"),
    GATEWAY_PORT("gateway-port", "Gateway `spec.listeners[].port`; routes' `spec.parentRefs[].port`,"
            + " `spec.rules[].backendRefs[].port`", "an integer from 1 to 65535",
            "gateway-api CRDs, type `PortNumber` (`minimum: 1`, `maximum: 65535`)",
            "{number} is out of range (expected 1-65535)"),
    GATEWAY_LISTENER_NAME("gateway-listener-name", "Gateway `spec.listeners[].name`", "unique within the Gateway",
            "gateway-api Gateway CRD: `self.all(l1, self.exists_one(l2, l1.name == l2.name))`, `x-kubernetes-list-type:"
                    + " map` keyed by name",
            "{value} is already the name of {first} (expected each listener name once: routes attach to listeners by"
                    + " name)"),
    GATEWAY_LISTENER_UNIQUE("gateway-listener-unique", "Gateway `spec.listeners[]`", "no two listeners with the same"
            + " port, protocol and hostname (an absent hostname equals only another absent one)",
            "gateway-api Gateway CRD: \"Combination of port, protocol and hostname must be unique for each listener\"",
            "has the port, protocol and hostname of {first} (expected each listener to differ in port, protocol or"
                    + " hostname)"),
    GATEWAY_HOSTNAME_PROTOCOL("gateway-hostname-protocol", "Gateway `spec.listeners[].hostname` of a TCP or UDP"
            + " listener", "no hostname (or an empty one)",
            "gateway-api Gateway CRD: \"hostname must not be specified for protocols ['TCP', 'UDP']\"",
            "is not allowed with protocol {protocol} (expected no hostname: TCP and UDP listeners have no host names"
                    + " to match)"),
    GATEWAY_HOSTNAME("gateway-hostname", "Gateway `spec.listeners[].hostname`; HTTPRoute, GRPCRoute and TLSRoute"
            + " `spec.hostnames[]`", "lowercase DNS name, optionally starting with `*.`, 1-253 characters",
            "gateway-api CRDs, type `Hostname` (`pattern`, `maxLength: 253`)",
            "{value} is not a valid hostname (expected a DNS name of lowercase letters, digits, '-' and '.', up to 253"
                    + " characters, optionally starting with *., e.g. shop.example.com)", Names::isGatewayHostname),
    GATEWAY_FROM("gateway-from", "Gateway `spec.listeners[].allowedRoutes.namespaces.from`", "`All`, `Selector` or"
            + " `Same`", "gateway-api Gateway CRD: `enum`", "unknown value {value} (expected Same, All or Selector)"),
    GATEWAY_WEIGHT("gateway-weight", "routes' `spec.rules[].backendRefs[].weight`", "an integer from 0 to 1000000",
            "gateway-api CRDs: `minimum: 0`, `maximum: 1000000`", "{number} is out of range (expected 0-1000000)"),
    GATEWAY_SERVICE_PORT("gateway-service-port", "routes' `spec.rules[].backendRefs[].port` of a Service backend",
            "set when the backend is a Service (group empty, kind `Service`)",
            "gateway-api CRDs: \"Must have port for Service reference\"",
            "is required for a Service backend (expected a port number 1-65535)"),
    GATEWAY_REDIRECT_BACKENDS("gateway-redirect-backends", "HTTPRoute `spec.rules[].filters[]` of a rule with"
            + " `backendRefs`", "no `RequestRedirect` filter in a rule that has backends",
            "gateway-api HTTPRoute CRD: \"RequestRedirect filter must not be used together with backendRefs\"",
            "a RequestRedirect filter may not be used with backendRefs (expected either a redirect or backends: a"
                    + " redirected request reaches no backend)"),
    GATEWAY_PARENT_REF_ALIKE("gateway-parent-ref-alike", "routes' `spec.parentRefs[]` that refer to one parent"
            + " (the same group, kind, namespace as written and name)", "all set `sectionName` or none does, and"
            + " all set `port` or none does (an empty sectionName and port 0 count as not set)",
            "gateway-api route CRDs: \"sectionName or port must be specified when parentRefs includes 2 or more"
                    + " references to the same parent\"",
            "refers to the parent of {first}, which sets {set} (expected sectionName and port set alike on every"
                    + " reference to one parent)"),
    GATEWAY_PARENT_REF_UNIQUE("gateway-parent-ref-unique", "routes' `spec.parentRefs[]`", "no two references to"
            + " one parent with the same sectionName and port",
            "gateway-api route CRDs: \"sectionName or port must be unique when parentRefs includes 2 or more"
                    + " references to the same parent\"",
            "repeats {first} (expected each parent once, or told apart by sectionName or port)");

    private final String id;
    private final String appliesTo;
    private final String rule;
    private final String source;
    private final String message;
    private final Predicate<String> valid;

    /** A row checked by the reader that has the fields it relates; it reports {@link #format} or {@link #fill}. */
    ApiValidation(String id, String appliesTo, String rule, String source, String message) {
        this(id, appliesTo, rule, source, message, null);
    }

    ApiValidation(String id, String appliesTo, String rule, String source, String message, Predicate<String> valid) {
        this.id = id;
        this.appliesTo = appliesTo;
        this.rule = rule;
        this.source = source;
        this.message = message;
        this.valid = valid;
    }

    String id() {
        return id;
    }

    /** The fields (and kinds) the row applies to, in Markdown. */
    String appliesTo() {
        return appliesTo;
    }

    String rule() {
        return rule;
    }

    /** Where the API server (or the CRD) has the rule, in Markdown. */
    String source() {
        return source;
    }

    /** The message as a template, with {@code {value}} and {@code {length}}. */
    String template() {
        return message;
    }

    /** The message about {@code value}. */
    String message(String value) {
        return message.replace("{length}", Integer.toString(length(value))).replace("{value}", Quote.of(value));
    }

    /**
     * The message with each {@code {name}} replaced by the value after it:
     * {@code fill("selector", "app=web", "labels", "app=db")}. The values are inserted as given:
     * a value the user wrote goes through {@link Quote} first.
     */
    String fill(String... namesAndValues) {
        return replace(pairs(namesAndValues, false), false);
    }

    /** Empty when {@code value} passes this row's check, else the message about it. */
    Optional<String> problem(String value) {
        if (valid == null) {
            throw new IllegalStateException(id + " is checked by its reader, not on one value");
        }
        return valid.test(value) ? Optional.empty() : Optional.of(message(value));
    }

    /**
     * The message with each {@code {name}} replaced by the text after it, e.g. {@code format("count", "26",
     * "items", "rules", "max", "25")}; {@code value} is shown through {@link Quote#of}, other texts as given.
     */
    String format(String... namesAndTexts) {
        return replace(pairs(namesAndTexts, true), true);
    }

    private static Map<String, String> pairs(String[] namesAndTexts, boolean quoteValue) {
        if (namesAndTexts.length % 2 != 0) {
            throw new IllegalArgumentException("names and texts come in pairs");
        }
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            String name = namesAndTexts[i];
            texts.put(name, quoteValue && name.equals("value") ? Quote.of(namesAndTexts[i + 1]) : namesAndTexts[i + 1]);
        }
        return texts;
    }

    /**
     * The message with its placeholders replaced in one pass (a text that holds "{name}" is not
     * replaced again); a placeholder without text is an error when {@code complete}, else kept.
     */
    private String replace(Map<String, String> texts, boolean complete) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = texts.get(m.group(1));
            if (text == null && complete) {
                throw new IllegalArgumentException(id + ": no text for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text == null ? m.group() : text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)\\}");

    /** Length in characters (code points), as the API server counts it for ASCII names. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
