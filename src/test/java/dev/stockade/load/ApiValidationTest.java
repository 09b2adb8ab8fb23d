package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per row of the {@link ApiValidation} table: a manifest that breaks the rule and the
 * exact diagnostics. A row without a case fails here, so the table cannot grow untested.
 */
@Tag("hostile")
class ApiValidationTest {
    /** Namespace prod, appended to every case. */
    private static final String PROD = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n";
    private static final String SUBDOMAIN = "(expected a DNS subdomain: dot-separated parts of lowercase letters,"
            + " digits and '-', each starting and ending with a letter or digit, up to 253 characters in all)";
    private static final String LABEL = "(expected up to 63 lowercase letters, digits and '-', starting and ending"
            + " with a letter or digit)";
    private static final String DNS_1035 = "(expected a DNS-1035 label: up to 63 lowercase letters, digits and '-',"
            + " starting with a letter and ending with a letter or digit)";

    private static final String NP = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
            + "metadata: {name: np, namespace: prod}\n";

    private static final String ING = "apiVersion: networking.k8s.io/v1\nkind: Ingress\n"
            + "metadata: {name: in, namespace: prod}\n";
    private static final String BACKEND = "{service: {name: web, port: {number: 80}}}";
    private static final String PATH = "{path: /, pathType: Prefix, backend: " + BACKEND + "}";

    private record Case(String yaml, List<String> diagnostics) {}

    private static final Map<ApiValidation, Case> CASES = new EnumMap<>(ApiValidation.class);

    private static void row(ApiValidation v, String yaml, String... diagnostics) {
        CASES.put(v, new Case(yaml, List.of(diagnostics)));
    }

    static {
        row(ApiValidation.NAMESPACE_NAME, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: Prod}
                spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:3:34: error: Pod \"Prod\"/web: metadata.namespace: \"Prod\" is not a valid namespace"
                + " name " + LABEL);
        row(ApiValidation.OBJECT_NAME, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web_1, namespace: prod}
                """, "in.yaml:3:18: error: Deployment prod/\"web_1\": metadata.name: \"web_1\" is not a valid"
                + " object name " + SUBDOMAIN);
        row(ApiValidation.RBAC_NAME, """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: "view/all"}
                rules: []
                """, "in.yaml:3:18: error: ClusterRole \"view/all\": metadata.name: \"view/all\" is not a valid RBAC"
                + " object name (expected a name without '/' or '%' that is not . or ..)");
        row(ApiValidation.SERVICE_NAME, """
                apiVersion: v1
                kind: Service
                metadata: {name: 1web, namespace: prod}
                spec: {ports: [{port: 80}]}
                """, "in.yaml:3:18: error: Service prod/1web: metadata.name: \"1web\" is not a valid Service name "
                + DNS_1035);
        row(ApiValidation.INGRESS_BACKEND_SERVICE_NAME, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: in, namespace: prod}
                spec:
                  defaultBackend:
                    service: {name: 1web, port: {number: 80}}
                """, "in.yaml:6:21: error: Ingress prod/in: spec.defaultBackend.service.name: \"1web\" is not a"
                + " valid Service name " + DNS_1035);
        row(ApiValidation.CRONJOB_NAME_LENGTH, "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: " + "c".repeat(53)
                + ", namespace: prod}\n", "in.yaml:3:18: error: CronJob prod/" + "c".repeat(53) + ": metadata.name:"
                + " is 53 characters long (expected at most 52: the CronJob's Jobs are named after it with 11 more)");
        row(ApiValidation.JOB_NAME_LENGTH, "apiVersion: batch/v1\nkind: Job\nmetadata: {name: " + "j".repeat(64)
                + ", namespace: prod}\n", "in.yaml:3:18: error: Job prod/" + "j".repeat(64) + ": metadata.name:"
                + " is 64 characters long (expected at most 63: the name becomes the job-name label of the Job's pods)");
        row(ApiValidation.BASELINE_NAME, """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: baseline}
                spec: {subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}
                """, "in.yaml:3:18: error: BaselineAdminNetworkPolicy baseline: metadata.name: \"baseline\" is not"
                + " allowed (expected default: the BaselineAdminNetworkPolicy is a singleton named default)");
        row(ApiValidation.ADMIN_RULE_NAME_LENGTH, "apiVersion: policy.networking.k8s.io/v1alpha1\n"
                + "kind: AdminNetworkPolicy\nmetadata: {name: anp}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n"
                + "  ingress:\n  - name: " + "r".repeat(101) + "\n    action: Deny\n    from: [{namespaces: {}}]\n",
                "in.yaml:8:11: error: AdminNetworkPolicy anp: spec.ingress[0].name: is 101 characters long"
                        + " (expected at most 100)");
        row(ApiValidation.CONTAINER_NAME, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec:
                  containers:
                  - name: App
                    image: i
                """, "in.yaml:6:11: error: Pod prod/web: spec.containers[0].name: \"App\" is not a valid container"
                + " name " + LABEL);
        row(ApiValidation.GATEWAY_SECTION_NAME, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: prod}
                spec: {gatewayClassName: x, listeners: [{name: HTTP, port: 80, protocol: HTTP}]}
                """, "in.yaml:4:48: error: Gateway prod/edge: spec.listeners[0].name: \"HTTP\" is not a valid"
                + " section name " + SUBDOMAIN);
        row(ApiValidation.GATEWAY_OBJECT_NAME, "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                + "metadata: {name: r, namespace: prod}\nspec:\n  parentRefs: [{name: " + "g".repeat(254) + "}]\n",
                "in.yaml:5:23: error: HTTPRoute prod/r: spec.parentRefs[0].name: is 254 characters long (expected at"
                        + " most 253)");
        row(ApiValidation.GATEWAY_NAMESPACE, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r, namespace: prod}
                spec:
                  parentRefs: [{name: edge}]
                  rules: [{backendRefs: [{name: web, namespace: Prod, port: 80}]}]
                """, "in.yaml:6:49: error: HTTPRoute prod/r: spec.rules[0].backendRefs[0].namespace: \"Prod\" is not"
                + " a valid namespace name " + LABEL);
        row(ApiValidation.LABEL_KEY_PREFIX, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod, labels: {Example.com/app: web}}
                spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:3:49: error: Pod prod/web: metadata.labels.Example.com/app: label key prefix"
                + " \"Example.com\" is not a DNS subdomain (expected e.g. example.com/name)");
        row(ApiValidation.LABEL_KEY, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod, labels: {-app: web}}
                spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:3:49: error: Pod prod/web: metadata.labels.-app: \"-app\" is not a valid label key"
                + " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit,"
                + " with an optional DNS prefix and '/')");
        row(ApiValidation.LABEL_VALUE, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod, labels: {app: web!}}
                spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:3:54: error: Pod prod/web: metadata.labels.app: \"web!\" is not a valid label value"
                + " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        row(ApiValidation.WORKLOAD_SELECTOR_REQUIRED, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:5:3: error: Deployment prod/web: spec.selector: is required (expected a label selector"
                + " that the pod template's labels match, e.g. matchLabels: {app: web})");
        row(ApiValidation.WORKLOAD_SELECTOR_EMPTY, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: prod}
                spec:
                  selector: {}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:5:13: error: StatefulSet prod/db: spec.selector: is empty, so it would select every pod"
                + " in the namespace (expected matchLabels or matchExpressions that the pod template's labels match)");
        row(ApiValidation.SELECTOR_MATCHES_TEMPLATE, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata: {labels: {app: frontend, tier: web}}
                    spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:8:24: error: Deployment prod/web: spec.template.metadata.labels: the template's labels"
                + " app=frontend,tier=web do not match the selector app=web (expected labels the selector selects:"
                + " the controller manages only the pods its selector matches)");
        row(ApiValidation.RC_SELECTOR_REQUIRED, """
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: web, namespace: prod}
                spec:
                  template:
                    spec: {containers: [{name: app, image: i}]}
                """, "in.yaml:5:3: error: ReplicationController prod/web: spec.selector: is required (expected a"
                + " selector, or labels on the pod template for it to default to)");
        row(ApiValidation.JOB_GENERATED_LABEL, """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: prod}
                spec:
                  template:
                    metadata: {labels: {job-name: seed}}
                    spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:6:35: error: Job prod/migrate: spec.template.metadata.labels.job-name: \"seed\" is not"
                + " the value the API server gives this label (expected \"migrate\", or no such label: the API server"
                + " adds it)");
        row(ApiValidation.JOB_SELECTOR_GENERATED, """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: prod}
                spec:
                  selector: {matchLabels: {app: migrate}}
                  template:
                    metadata: {labels: {app: migrate}}
                    spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:5:13: error: Job prod/migrate: spec.selector: app=migrate is not a selector the API"
                + " server generates for a Job (expected no selector, or manualSelector: true with a selector of your"
                + " own)");
        row(ApiValidation.CRONJOB_JOB_SELECTOR, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: prod}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      selector: {matchLabels: {app: nightly}}
                      template:
                        metadata: {labels: {app: nightly}}
                        spec: {containers: [{name: c, image: i}]}
                """, "in.yaml:8:17: error: CronJob prod/nightly: spec.jobTemplate.spec.selector: may not be set in a"
                + " CronJob's job template (expected no selector and no manualSelector: true: each Job the CronJob"
                + " creates gets a generated selector)");
        row(ApiValidation.SERVICE_TYPE, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {type: Internal, ports: [{port: 80}]}
                """, "in.yaml:4:14: error: Service prod/web: spec.type: unknown type \"Internal\" (expected ClusterIP,"
                + " NodePort, LoadBalancer or ExternalName)");
        row(ApiValidation.SERVICE_PORTS_REQUIRED, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {selector: {app: web}}
                """, "in.yaml:4:7: error: Service prod/web: spec.ports: is required (expected at least one port,"
                + " unless the Service is headless, clusterIP: None, or of type ExternalName)");
        row(ApiValidation.SERVICE_PORT_NAME_REQUIRED, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{name: http, port: 80}, {port: 443}]}
                """, "in.yaml:4:40: error: Service prod/web: spec.ports[1].name: is required when the Service has more"
                + " than one port (expected a name such as http)");
        row(ApiValidation.SERVICE_PORT_NAME_UNIQUE, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{name: http, port: 80}, {name: http, port: 443}]}
                """, "in.yaml:4:47: error: Service prod/web: spec.ports[1].name: duplicate port name \"http\" (also"
                + " spec.ports[0]; expected a name unique in the Service)");
        row(ApiValidation.SERVICE_PORT_UNIQUE, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{name: http, port: 80, targetPort: 8080}, {name: alt, port: 80, targetPort: 9090}]}
                """, "in.yaml:4:58: error: Service prod/web: spec.ports[1]: TCP 80 is listed twice (also spec.ports[0];"
                + " expected each port number and protocol once in a Service)");
        row(ApiValidation.SERVICE_NODE_PORT_TYPE, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{port: 80, nodePort: 30080}]}
                """, "in.yaml:4:37: error: Service prod/web: spec.ports[0].nodePort: may not be set when the Service's"
                + " type is ClusterIP (expected type NodePort or LoadBalancer, or no nodePort)");
        row(ApiValidation.SERVICE_HEADLESS_TYPE, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {type: NodePort, clusterIP: None, ports: [{port: 80}]}
                """, "in.yaml:4:35: error: Service prod/web: spec.clusterIP: None may not be used with type NodePort"
                + " (expected a cluster IP, or type ClusterIP for a headless Service)");
        row(ApiValidation.SERVICE_EXTERNAL_NAME, """
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: prod}
                spec: {type: ExternalName}
                """, "in.yaml:4:7: error: Service prod/db: spec.externalName: is required for type ExternalName"
                + " (expected a DNS name such as db.example.com)");
        row(ApiValidation.PORT_NUMBER, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec: {containers: [{name: app, ports: [{containerPort: 70000}], image: i}]}
                """, "in.yaml:4:57: error: Pod prod/web: spec.containers[0].ports[0].containerPort: 70000 is out of"
                + " range (expected 1-65535)");
        row(ApiValidation.PROTOCOL, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec: {containers: [{name: app, ports: [{containerPort: 80, protocol: tcp}], image: i}]}
                """, "in.yaml:4:71: error: Pod prod/web: spec.containers[0].ports[0].protocol: unknown protocol \"tcp\""
                + " (expected TCP, UDP or SCTP)");
        row(ApiValidation.CONTAINER_PORT_NAME_UNIQUE, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec: {containers: [{name: app, ports: [{name: http, containerPort: 80}, {name: http, containerPort: 8080}], image: i}]}
                """, "in.yaml:4:81: error: Pod prod/web: spec.containers[0].ports[1].name: port name \"http\" is used"
                + " twice in this container (also spec.containers[0].ports[0]; expected names unique in a container)");
        row(ApiValidation.CONTAINER_NAME_UNIQUE, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec: {initContainers: [{name: app, image: i}], containers: [{name: app, image: i}]}
                """, "in.yaml:4:32: error: Pod prod/web: spec.initContainers[0].name: container name \"app\" is used"
                + " twice in this pod (also spec.containers[0]; expected names unique across containers and"
                + " initContainers)");
        row(ApiValidation.POD_CONTAINERS_REQUIRED, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: prod}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: []}
                """, "in.yaml:8:24: error: Deployment prod/web: spec.template.spec.containers: is required (expected"
                + " at least one container with a name and an image, e.g. [{name: app, image: nginx}])");
        row(ApiValidation.CONTAINER_NAME_REQUIRED, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec: {initContainers: [{image: busybox}], containers: [{name: "", image: nginx}]}
                """, "in.yaml:4:64: error: Pod prod/web: spec.containers[0].name: is required (expected a name for the"
                + " container, unique in the pod, e.g. app)",
                "in.yaml:4:25: error: Pod prod/web: spec.initContainers[0].name: is required (expected a name for"
                + " the container, unique in the pod, e.g. app)");
        row(ApiValidation.CONTAINER_IMAGE_REQUIRED, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: prod}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec: {restartPolicy: Never, containers: [{name: backup, image: ""}]}
                """, "in.yaml:9:73: error: CronJob prod/nightly: spec.jobTemplate.spec.template.spec.containers[0].image:"
                + " is required (expected the container's image, e.g. nginx:1.27)");
        row(ApiValidation.TEMPLATE_EPHEMERAL_CONTAINERS, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: prod}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      containers: [{name: agent, image: agent:1}]
                      ephemeralContainers: [{name: debug, image: busybox}]
                """, "in.yaml:10:28: error: DaemonSet prod/agent: spec.template.spec.ephemeralContainers: may not be"
                + " set in a pod template (expected no ephemeralContainers: they are added to running Pods only, e.g."
                + " by kubectl debug)");
        row(ApiValidation.OWNER_REFERENCE_REQUIRED, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: prod
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: web}
                  - {apiVersion: "", name: web, uid: 5d3c}
                spec: {containers: [{name: app, image: nginx}]}
                """, "in.yaml:7:5: error: Pod prod/web-1: metadata.ownerReferences[0].uid: is required (expected the"
                + " owner's metadata.uid)",
                "in.yaml:8:18: error: Pod prod/web-1: metadata.ownerReferences[1].apiVersion: is required (expected"
                + " the owner's apiVersion, e.g. apps/v1)",
                "in.yaml:8:5: error: Pod prod/web-1: metadata.ownerReferences[1].kind: is required (expected the"
                + " owner's kind, e.g. ReplicaSet)");
        row(ApiValidation.OWNER_REFERENCE_API_VERSION, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: np
                  namespace: prod
                  ownerReferences: [{apiVersion: example.com/, kind: Policy, name: p, uid: 1a2b}]
                spec: {podSelector: {}}
                """, "in.yaml:6:34: error: NetworkPolicy prod/np: metadata.ownerReferences[0].apiVersion:"
                + " \"example.com/\" has no version (expected the owner's apiVersion: v1, or a group and version such"
                + " as apps/v1)");
        row(ApiValidation.OWNER_REFERENCE_CONTROLLER, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-1
                  namespace: prod
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: 5d3c, controller: true}
                  - {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: 9e1f, controller: true}
                spec: {containers: [{name: app, image: nginx}]}
                """, "in.yaml:8:79: error: Pod prod/web-1: metadata.ownerReferences[1].controller: is also true on"
                + " metadata.ownerReferences[0] (expected controller: true on at most one owner reference: an object"
                + " has one controller)");
        row(ApiValidation.HOST_NETWORK_HOST_PORT, """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent, namespace: prod}
                spec: {hostNetwork: true, containers: [{name: app, ports: [{containerPort: 9100, hostPort: 19100}], image: i}]}
                """, "in.yaml:4:92: error: Pod prod/agent: spec.containers[0].ports[0].hostPort: 19100 is not the"
                + " containerPort 9100 (expected hostPort equal to containerPort, or no hostPort: a host-network pod"
                + " listens on the node's port itself)");
        row(ApiValidation.SELECTOR_KEY_REQUIRED, NP + "spec: {podSelector: {matchExpressions: [{operator: Exists}]}}\n",
                "in.yaml:4:41: error: NetworkPolicy prod/np: spec.podSelector.matchExpressions[0].key: is required"
                        + " (expected a label key)");
        row(ApiValidation.SELECTOR_OPERATOR_REQUIRED, NP + "spec: {podSelector: {matchExpressions: [{key: app}]}}\n",
                "in.yaml:4:41: error: NetworkPolicy prod/np: spec.podSelector.matchExpressions[0].operator: is required"
                        + " (expected In, NotIn, Exists or DoesNotExist)");
        row(ApiValidation.SELECTOR_OPERATOR, NP + "spec: {podSelector: {matchExpressions: [{key: app, operator: in,"
                + " values: [web]}]}}\n", "in.yaml:4:62: error: NetworkPolicy prod/np:"
                + " spec.podSelector.matchExpressions[0].operator: unknown operator \"in\" (expected In, NotIn, Exists"
                + " or DoesNotExist; operators are case-sensitive)");
        row(ApiValidation.SELECTOR_VALUES_REQUIRED, NP + "spec: {podSelector: {matchExpressions: [{key: app, operator:"
                + " In}]}}\n", "in.yaml:4:41: error: NetworkPolicy prod/np: spec.podSelector.matchExpressions[0].values:"
                + " must be non-empty when operator is In (expected at least one value)");
        row(ApiValidation.SELECTOR_VALUES_FORBIDDEN, NP + "spec: {podSelector: {matchExpressions: [{key: app, operator:"
                + " Exists, values: [web]}]}}\n", "in.yaml:4:78: error: NetworkPolicy prod/np:"
                + " spec.podSelector.matchExpressions[0].values: must be empty when operator is Exists (expected no"
                + " values)");
        row(ApiValidation.NETWORK_POLICY_TYPE, NP + "spec: {podSelector: {}, policyTypes: [ingress]}\n",
                "in.yaml:4:39: error: NetworkPolicy prod/np: spec.policyTypes[0]: unknown policy type \"ingress\""
                        + " (expected Ingress or Egress)");
        row(ApiValidation.NETWORK_POLICY_TYPES_COUNT, NP + "spec: {podSelector: {}, policyTypes: [Ingress, Egress,"
                + " Ingress]}\n", "in.yaml:4:38: error: NetworkPolicy prod/np: spec.policyTypes: lists 3 policy types"
                + " (expected at most two: Ingress, Egress or both)");
        row(ApiValidation.NETWORK_POLICY_PEER, NP + "spec: {podSelector: {}, ingress: [{from: [{}]}]}\n",
                "in.yaml:4:43: error: NetworkPolicy prod/np: spec.ingress[0].from[0]: must specify a peer (expected"
                        + " podSelector, namespaceSelector or ipBlock)");
        row(ApiValidation.NETWORK_POLICY_IPBLOCK_ALONE, NP + "spec: {podSelector: {}, ingress: [{from: [{podSelector:"
                + " {}, ipBlock: {cidr: 10.0.0.0/8}}]}]}\n", "in.yaml:4:61: error: NetworkPolicy prod/np:"
                + " spec.ingress[0].from[0].ipBlock: may not be combined with podSelector or namespaceSelector"
                + " (expected either an ipBlock or selectors; use two peers for both)");
        row(ApiValidation.NETWORK_POLICY_CIDR_REQUIRED, NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {except:"
                + " [10.1.0.0/16]}}]}]}\n", "in.yaml:4:50: error: NetworkPolicy prod/np: spec.egress[0].to[0].ipBlock.cidr:"
                + " is required (expected a CIDR such as 10.0.0.0/8)");
        row(ApiValidation.NETWORK_POLICY_CIDR, NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr:"
                + " 10.0.0.0/33}}]}]}\n", "in.yaml:4:57: error: NetworkPolicy prod/np: spec.egress[0].to[0].ipBlock.cidr:"
                + " \"10.0.0.0/33\" is not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or"
                + " fd00::/64)");
        row(ApiValidation.NETWORK_POLICY_EXCEPT_WHOLE, NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr:"
                + " 10.0.0.0/8, except: [10.0.0.0/8]}}]}]}\n", "in.yaml:4:78: error: NetworkPolicy prod/np:"
                + " spec.egress[0].to[0].ipBlock.except[0]: 10.0.0.0/8 is the whole cidr 10.0.0.0/8, so the ipBlock"
                + " matches nothing (expected a strict subset of the cidr, e.g. a longer prefix within it)");
        row(ApiValidation.NETWORK_POLICY_EXCEPT_INSIDE, NP + "spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr:"
                + " 10.0.0.0/8, except: [192.168.0.0/16]}}]}]}\n", "in.yaml:4:78: error: NetworkPolicy prod/np:"
                + " spec.egress[0].to[0].ipBlock.except[0]: 192.168.0.0/16 is not inside cidr 10.0.0.0/8 (expected a"
                + " strict subset of the cidr, e.g. a longer prefix within it)");
        row(ApiValidation.NETWORK_POLICY_END_PORT_WITHOUT_PORT, NP + "spec: {podSelector: {}, ingress: [{ports:"
                + " [{endPort: 90}]}]}\n", "in.yaml:4:54: error: NetworkPolicy prod/np: spec.ingress[0].ports[0].endPort:"
                + " requires port (expected port to be set to the first port of the range)");
        row(ApiValidation.NETWORK_POLICY_END_PORT_NAMED, NP + "spec: {podSelector: {}, ingress: [{ports: [{port: http,"
                + " endPort: 90}]}]}\n", "in.yaml:4:66: error: NetworkPolicy prod/np: spec.ingress[0].ports[0].endPort:"
                + " may not be used with a named port (expected a numeric port)");
        row(ApiValidation.NETWORK_POLICY_END_PORT_BELOW, NP + "spec: {podSelector: {}, ingress: [{ports: [{port: 90,"
                + " endPort: 80}]}]}\n", "in.yaml:4:64: error: NetworkPolicy prod/np: spec.ingress[0].ports[0].endPort:"
                + " 80 is below port 90 (expected endPort >= port)");
        row(ApiValidation.INGRESS_BACKEND_OR_RULES, ING + "spec: {ingressClassName: nginx}\n",
                "in.yaml:4:7: error: Ingress prod/in: spec: has neither defaultBackend nor rules (expected a"
                        + " defaultBackend, or rules with http paths)");
        row(ApiValidation.INGRESS_HOST, ING + "spec: {rules: [{host: 10.0.0.1, http: {paths: [" + PATH + "]}}]}\n",
                "in.yaml:4:23: error: Ingress prod/in: spec.rules[0].host: \"10.0.0.1\" is not a valid host (expected a"
                        + " DNS name such as example.com or *.example.com, not an IP address)");
        row(ApiValidation.INGRESS_PATHS_REQUIRED, ING + "spec: {rules: [{host: example.com, http: {paths: []}}]}\n",
                "in.yaml:4:50: error: Ingress prod/in: spec.rules[0].http.paths: is required (expected at least one"
                        + " path with a backend)");
        row(ApiValidation.INGRESS_PATH_TYPE_REQUIRED, ING + "spec: {rules: [{http: {paths: [{path: /, backend: "
                + BACKEND + "}]}}]}\n", "in.yaml:4:32: error: Ingress prod/in: spec.rules[0].http.paths[0].pathType: is"
                + " required (expected Exact, Prefix or ImplementationSpecific)");
        row(ApiValidation.INGRESS_PATH_TYPE, ING + "spec: {rules: [{http: {paths: [{path: /, pathType: prefix,"
                + " backend: " + BACKEND + "}]}}]}\n", "in.yaml:4:52: error: Ingress prod/in:"
                + " spec.rules[0].http.paths[0].pathType: unknown path type \"prefix\" (expected Exact, Prefix or"
                + " ImplementationSpecific)");
        row(ApiValidation.INGRESS_PATH_ABSOLUTE, ING + "spec: {rules: [{http: {paths: [{path: api, pathType: Prefix,"
                + " backend: " + BACKEND + "}]}}]}\n", "in.yaml:4:39: error: Ingress prod/in:"
                + " spec.rules[0].http.paths[0].path: \"api\" is not an absolute path (expected a path starting with /)");
        row(ApiValidation.INGRESS_PATH_SEGMENTS, ING + "spec: {rules: [{http: {paths: [{path: /api/../admin, pathType:"
                + " Exact, backend: " + BACKEND + "}]}}]}\n", "in.yaml:4:39: error: Ingress prod/in:"
                + " spec.rules[0].http.paths[0].path: \"/api/../admin\" contains /../ (expected a path without //,"
                + " /./, /../ or an encoded slash, not ending in /. or /..)");
        row(ApiValidation.PORT_NAME, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec:
                  containers:
                  - name: app
                    ports: [{name: HTTP, containerPort: 80}]
                    image: i
                """, "in.yaml:7:20: error: Pod prod/web: spec.containers[0].ports[0].name: \"HTTP\" is not a valid"
                + " port name (expected up to 15 lowercase letters, digits and single '-', with at least one letter,"
                + " e.g. http or metrics)");
        row(ApiValidation.SERVICE_PORT_NAME, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{name: HTTP, port: 80}]}
                """, "in.yaml:4:23: error: Service prod/web: spec.ports[0].name: \"HTTP\" is not a valid port name"
                + " (expected up to 63 lowercase letters, digits and '-', starting and ending with a letter or digit,"
                + " e.g. http)");
        String anp = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp}\n";
        String cnp = "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: cnp}\n";
        row(ApiValidation.CRD_REQUIRED, anp + "spec: {subject: {namespaces: {}}}\n",
                "in.yaml:4:7: error: AdminNetworkPolicy anp: spec.priority: is required (expected an integer from 0 to"
                        + " 1000)");
        row(ApiValidation.CRD_MIN_ITEMS, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{namespaces: {}}], ports: []}]
                """, "in.yaml:7:61: error: AdminNetworkPolicy anp: spec.ingress[0].ports: is empty (expected at least"
                + " one port; leave ports out to match every port)");
        row(ApiValidation.CRD_MAX_ITEMS, cnp + "spec:\n  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n"
                + "  ingress:\n" + "  - {action: Deny, from: [{namespaces: {}}]}\n".repeat(26),
                "in.yaml:9:3: error: ClusterNetworkPolicy cnp: spec.ingress: 26 rules (expected at most 25)");
        row(ApiValidation.CRD_ONE_FIELD, anp + "spec: {priority: 1, subject: {}}\n",
                "in.yaml:4:30: error: AdminNetworkPolicy anp: spec.subject: must set exactly one field (expected"
                        + " namespaces or pods)");
        row(ApiValidation.CRD_ONLY_ONE_FIELD, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}
                """, "in.yaml:6:29: error: AdminNetworkPolicy anp: spec.subject: sets namespaces and pods (expected"
                + " exactly one of namespaces or pods)");
        row(ApiValidation.ADMIN_PRIORITY, anp + "spec: {priority: 1001, subject: {namespaces: {}}}\n",
                "in.yaml:4:18: error: AdminNetworkPolicy anp: spec.priority: 1001 is out of range (expected an integer"
                        + " from 0 to 1000)");
        row(ApiValidation.ADMIN_TIER, cnp + "spec: {tier: admin, priority: 1, subject: {namespaces: {}}}\n",
                "in.yaml:4:14: error: ClusterNetworkPolicy cnp: spec.tier: unknown tier \"admin\" (expected Admin or"
                        + " Baseline)");
        row(ApiValidation.ADMIN_ACTION, cnp + """
                spec:
                  tier: Admin
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Allow, to: [{namespaces: {}}]}]
                """, "in.yaml:8:21: error: ClusterNetworkPolicy cnp: spec.egress[0].action: unknown action \"Allow\""
                + " for ClusterNetworkPolicy (expected Accept, Deny or Pass)");
        row(ApiValidation.ADMIN_PORT, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 0}}]}]
                """, "in.yaml:7:82: error: AdminNetworkPolicy anp: spec.ingress[0].ports[0].portNumber.port: 0 is out"
                + " of range (expected 1-65535)");
        row(ApiValidation.ADMIN_PORT_RANGE, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  ingress:
                  - action: Deny
                    from: [{namespaces: {}}]
                    ports: [{portRange: {start: 9000, end: 8000}}]
                """, "in.yaml:10:44: error: AdminNetworkPolicy anp: spec.ingress[0].ports[0].portRange.end: 8000 is not"
                + " above start 9000 (expected start < end; use a single port for one port)");
        row(ApiValidation.ADMIN_NAMED_PORT_PEER, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress:
                  - action: Deny
                    to: [{networks: [10.0.0.0/8]}]
                    ports: [{namedPort: http}]
                """, "in.yaml:10:12: error: AdminNetworkPolicy anp: spec.egress[0].ports: a named port may not be used"
                + " with networks, nodes or domainNames peers (expected port numbers: those peers have no named ports)");
        row(ApiValidation.ADMIN_DOMAIN_NAMES_ACTION, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Deny, to: [{domainNames: [example.com]}]}]
                """, "in.yaml:7:33: error: AdminNetworkPolicy anp: spec.egress[0].to[0].domainNames: is only allowed in"
                + " Allow rules (expected another peer for a Deny rule)");
        row(ApiValidation.ADMIN_CIDR, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Deny, to: [{networks: [10.0.0.0/33]}]}]
                """, "in.yaml:7:44: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[0]: \"10.0.0.0/33\" is"
                + " not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)");
        row(ApiValidation.ADMIN_LIST_SET, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Deny, to: [{networks: [10.0.0.0/8, 10.0.0.0/8]}]}]
                """, "in.yaml:7:56: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[1]: \"10.0.0.0/8\" is"
                + " already listed at spec.egress[0].to[0].networks[0] (expected each item once: the list is a set)");
        row(ApiValidation.ADMIN_DOMAIN_NAME, anp + """
                spec:
                  priority: 1
                  subject: {namespaces: {}}
                  egress: [{action: Allow, to: [{domainNames: [localhost]}]}]
                """, "in.yaml:7:48: error: AdminNetworkPolicy anp: spec.egress[0].to[0].domainNames[0]: \"localhost\""
                + " is not a valid domain name (expected e.g. example.com or *.example.com)");
        String route = "apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: r, namespace: prod}\n";
        row(ApiValidation.ROUTE_REQUIRED, route + "spec: {to: {kind: Service, name: web}, tls: {key: k}}\n",
                "in.yaml:4:45: error: Route prod/r: spec.tls.termination: is required (expected edge, passthrough or"
                        + " reencrypt)");
        row(ApiValidation.ROUTE_TARGET_KIND, route + "spec: {to: {kind: Deployment, name: web}}\n",
                "in.yaml:4:19: error: Route prod/r: spec.to.kind: \"Deployment\" is not allowed (expected Service: a"
                        + " Route sends its traffic to Services only)");
        row(ApiValidation.ROUTE_ALTERNATE_BACKENDS, route + "spec:\n  to: {name: a}\n  alternateBackends: [{name: b},"
                + " {name: c}, {name: d}, {name: e}]\n",
                "in.yaml:6:22: error: Route prod/r: spec.alternateBackends: 4 alternate backends (expected at most 3)");
        row(ApiValidation.ROUTE_WEIGHT, route + "spec: {to: {name: web, weight: 257}}\n",
                "in.yaml:4:32: error: Route prod/r: spec.to.weight: 257 is out of range (expected 0-256)");
        row(ApiValidation.ROUTE_HOST, route + "spec: {host: Shop.example.com, to: {name: web}}\n",
                "in.yaml:4:14: error: Route prod/r: spec.host: \"Shop.example.com\" is not a valid host name (expected a"
                        + " DNS name: dot-separated parts of lowercase letters, digits and '-', each starting and"
                        + " ending with a letter or digit and up to 63 characters long, up to 253 characters in all)");
        row(ApiValidation.ROUTE_PATH, route + "spec: {path: shop, to: {name: web}}\n",
                "in.yaml:4:14: error: Route prod/r: spec.path: \"shop\" is not a valid path (expected a path that starts"
                        + " with / and has no '#' or spaces)");
        row(ApiValidation.ROUTE_PASSTHROUGH_PATH, route + "spec: {path: /shop, to: {name: web}, tls: {termination:"
                + " passthrough}}\n", "in.yaml:4:14: error: Route prod/r: spec.path: is not allowed with passthrough"
                + " termination (expected no path: the router does not decrypt the traffic to read it)");
        row(ApiValidation.ROUTE_TERMINATION, route + "spec: {to: {name: web}, tls: {termination: Edge}}\n",
                "in.yaml:4:44: error: Route prod/r: spec.tls.termination: \"Edge\" is not a TLS termination (expected"
                        + " edge, passthrough or reencrypt)");
        row(ApiValidation.ROUTE_INSECURE_POLICY, route + "spec:\n  to: {name: web}\n  tls: {termination: passthrough,"
                + " insecureEdgeTerminationPolicy: Allow}\n", "in.yaml:6:66: error: Route prod/r:"
                + " spec.tls.insecureEdgeTerminationPolicy: \"Allow\" is not allowed with passthrough termination"
                + " (expected None or Redirect)");
        row(ApiValidation.ROUTE_WILDCARD_POLICY, route + "spec: {to: {name: web}, wildcardPolicy: subdomain}\n",
                "in.yaml:4:41: error: Route prod/r: spec.wildcardPolicy: \"subdomain\" is not a wildcard policy"
                        + " (expected None or Subdomain)");
        String gateway = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace:"
                + " prod}\nspec:\n  gatewayClassName: x\n  listeners:\n";
        String httpRoute = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace:"
                + " prod}\nspec:\n  parentRefs: [{name: edge}]\n";
        row(ApiValidation.GATEWAY_PORT, gateway + "  - {name: http, port: 0, protocol: HTTP}\n",
                "in.yaml:7:24: error: Gateway prod/edge: spec.listeners[0].port: 0 is out of range (expected"
                        + " 1-65535)");
        row(ApiValidation.GATEWAY_LISTENER_NAME, gateway + "  - {name: web, port: 80, protocol: HTTP}\n"
                + "  - {name: web, port: 443, protocol: HTTPS}\n",
                "in.yaml:8:12: error: Gateway prod/edge: spec.listeners[1].name: \"web\" is already the name of"
                        + " spec.listeners[0] (expected each listener name once: routes attach to listeners by name)");
        row(ApiValidation.GATEWAY_LISTENER_UNIQUE, gateway + "  - {name: a, port: 80, protocol: HTTP}\n"
                + "  - {name: b, port: 80, protocol: HTTP}\n",
                "in.yaml:8:5: error: Gateway prod/edge: spec.listeners[1]: has the port, protocol and hostname of"
                        + " spec.listeners[0] (expected each listener to differ in port, protocol or hostname)");
        row(ApiValidation.GATEWAY_HOSTNAME_PROTOCOL, gateway + "  - {name: db, port: 5432, protocol: TCP, hostname:"
                + " db.example.com}\n", "in.yaml:7:53: error: Gateway prod/edge: spec.listeners[0].hostname: is not"
                + " allowed with protocol TCP (expected no hostname: TCP and UDP listeners have no host names to"
                + " match)");
        row(ApiValidation.GATEWAY_HOSTNAME, httpRoute + "  hostnames: [Shop.example.com]\n",
                "in.yaml:6:15: error: HTTPRoute prod/r: spec.hostnames[0]: \"Shop.example.com\" is not a valid hostname"
                        + " (expected a DNS name of lowercase letters, digits, '-' and '.', up to 253 characters,"
                        + " optionally starting with *., e.g. shop.example.com)");
        row(ApiValidation.GATEWAY_FROM, gateway + "  - name: web\n    port: 80\n    protocol: HTTP\n"
                + "    allowedRoutes: {namespaces: {from: Everywhere}}\n", "in.yaml:10:40: error: Gateway prod/edge:"
                + " spec.listeners[0].allowedRoutes.namespaces.from: unknown value \"Everywhere\" (expected Same, All"
                + " or Selector)");
        row(ApiValidation.GATEWAY_WEIGHT, httpRoute + "  rules: [{backendRefs: [{name: web, port: 80, weight: -1}]}]\n",
                "in.yaml:6:56: error: HTTPRoute prod/r: spec.rules[0].backendRefs[0].weight: -1 is out of range"
                        + " (expected 0-1000000)");
        row(ApiValidation.GATEWAY_SERVICE_PORT, httpRoute + "  rules: [{backendRefs: [{name: web}]}]\n",
                "in.yaml:6:26: error: HTTPRoute prod/r: spec.rules[0].backendRefs[0].port: is required for a Service"
                        + " backend (expected a port number 1-65535)");
        row(ApiValidation.GATEWAY_REDIRECT_BACKENDS, httpRoute + """
                  rules:
                  - filters:
                    - type: RequestRedirect
                      requestRedirect: {scheme: https, statusCode: 301}
                    backendRefs: [{name: web, port: 80}]
                """, "in.yaml:8:7: error: HTTPRoute prod/r: spec.rules[0].filters[0]: a RequestRedirect filter may not"
                + " be used with backendRefs (expected either a redirect or backends: a redirected request reaches no"
                + " backend)");
        String route2 = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace:"
                + " prod}\nspec:\n  parentRefs:\n";
        row(ApiValidation.GATEWAY_PARENT_REF_ALIKE, route2 + "  - {name: edge, sectionName: http}\n  - {name: edge}\n",
                "in.yaml:7:5: error: HTTPRoute prod/r: spec.parentRefs[1]: refers to the parent of spec.parentRefs[0],"
                        + " which sets sectionName (expected sectionName and port set alike on every reference to one"
                        + " parent)");
        row(ApiValidation.GATEWAY_PARENT_REF_UNIQUE, route2 + "  - {name: edge, port: 80}\n"
                + "  - {name: edge, port: 80, group: gateway.networking.k8s.io}\n",
                "in.yaml:7:5: error: HTTPRoute prod/r: spec.parentRefs[1]: repeats spec.parentRefs[0] (expected each"
                        + " parent once, or told apart by sectionName or port)");
    }

    @ParameterizedTest
    @EnumSource(ApiValidation.class)
    void load_manifestBreakingTheRow_isRefusedWithItsMessage(ApiValidation row) {
        Case c = CASES.get(row);
        assertThat(c).as("a case for row " + row.id()).isNotNull();
        LoadResult r = Loader.loadString("in.yaml", c.yaml() + PROD);
        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactlyElementsOf(c.diagnostics());
        assertThat(r.cluster().workloads()).isEmpty();
        assertThat(r.cluster().policies()).isEmpty();
        assertThat(r.cluster().adminPolicies()).isEmpty();
        assertThat(r.cluster().entrances().services()).isEmpty();
        assertThat(r.cluster().entrances().routes()).isEmpty();
        assertThat(r.cluster().entrances().gateways()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiValidation.class)
    void row_hasAnIdDocsAndAMessage(ApiValidation row) {
        assertThat(row.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(row.appliesTo()).isNotBlank();
        assertThat(row.rule()).isNotBlank();
        assertThat(row.source()).isNotBlank();
        // what is expected closes the message, after where else the value is, when it is elsewhere too
        assertThat(row.template()).containsPattern("\\((also [^;()]+; )?expected .+\\)$");
    }
}
