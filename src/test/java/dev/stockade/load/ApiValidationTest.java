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
                """, "in.yaml:3:49: error: Pod prod/web: metadata.labels.Example.com/app: label key prefix"
                + " \"Example.com\" is not a DNS subdomain (expected e.g. example.com/name)");
        row(ApiValidation.LABEL_KEY, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod, labels: {-app: web}}
                """, "in.yaml:3:49: error: Pod prod/web: metadata.labels.-app: \"-app\" is not a valid label key"
                + " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit,"
                + " with an optional DNS prefix and '/')");
        row(ApiValidation.LABEL_VALUE, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod, labels: {app: web!}}
                """, "in.yaml:3:54: error: Pod prod/web: metadata.labels.app: \"web!\" is not a valid label value"
                + " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        row(ApiValidation.PORT_NAME, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec:
                  containers:
                  - name: app
                    ports: [{name: HTTP, containerPort: 80}]
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
        assertThat(row.template()).containsPattern("\\(expected .+\\)$");
    }
}
