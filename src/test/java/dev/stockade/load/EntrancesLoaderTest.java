package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Entrances;
import dev.stockade.model.Gateway;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.ParentRef;
import dev.stockade.model.Protocol;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.RouteBackend.BackendPort;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Services, Ingresses, OpenShift Routes and the Gateway API (Gateway, routes, ReferenceGrant)
 * through the loader: what a valid object becomes (defaults applied), and bad input as the exact
 * diagnostic lines users see, with the other objects still loaded.
 */
class EntrancesLoaderTest {
    /** Appended to inputs so that namespace prod is defined. */
    private static final String NAMESPACE = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n";

    private static LoadResult load(String yaml) {
        return Loader.loadString("in.yaml", yaml + NAMESPACE);
    }

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static Entrances entrances(LoadResult r) {
        return r.cluster().entrances();
    }

    private static Source at(int line, int column) {
        return new Source("in.yaml", line, column);
    }

    private static BackendPort servicePort(String value) {
        return new BackendPort(BackendPort.Kind.SERVICE_PORT, value);
    }

    private static BackendPort targetPort(String value) {
        return new BackendPort(BackendPort.Kind.TARGET_PORT, value);
    }

    /** A good Service prod/ok, to show that the other objects of a bad input still load. */
    private static final String GOOD_SERVICE = """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ok, namespace: prod}
            spec: {selector: {app: ok}, ports: [{port: 80}]}
            """;

    private static List<String> serviceNames(LoadResult r) {
        return entrances(r).services().stream().map(Service::toString).toList();
    }

    private static List<String> routeNames(LoadResult r) {
        return entrances(r).routes().stream().map(Route::toString).toList();
    }

    // ---------------------------------------------------------------- Service

    @Nested
    class Services {
        @Test
        void load_service_readsEveryFieldAndAppliesDefaults() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                      namespace: prod
                    spec:
                      type: LoadBalancer
                      selector:
                        app: web
                        tier: front
                      ports:
                      - name: http
                        port: 80
                        targetPort: http-alt
                        nodePort: 30080
                      - name: dns
                        protocol: UDP
                        port: 53
                        targetPort: 5353
                      - name: metrics
                        port: 9090
                      externalIPs: [203.0.113.10, "2001:db8::10"]
                      clusterIP: 10.96.0.10
                      clusterIPs: [10.96.0.10]
                      sessionAffinity: ClientIP
                      sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
                      externalTrafficPolicy: Local
                      internalTrafficPolicy: Cluster
                      healthCheckNodePort: 32000
                      ipFamilies: [IPv4]
                      ipFamilyPolicy: SingleStack
                      loadBalancerSourceRanges: [198.51.100.0/24]
                      loadBalancerIP: 203.0.113.10
                      loadBalancerClass: example.com/lb
                      allocateLoadBalancerNodePorts: true
                      publishNotReadyAddresses: false
                      trafficDistribution: PreferClose
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: plain}
                    spec:
                      selector: {app: plain}
                      ports:
                      - port: 8080
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.skippedKinds()).isEmpty();
            Service web = entrances(r).services().get(0);
            assertThat(web).isEqualTo(new Service("prod", "web", Service.LOAD_BALANCER, Labels.of("app", "web", "tier",
                    "front"), List.of(
                    new ServicePort("http", Protocol.TCP, 80, "http-alt", 30080, at(12, 5)),
                    new ServicePort("dns", Protocol.UDP, 53, "5353", 0, at(16, 5)),
                    new ServicePort("metrics", Protocol.TCP, 9090, "9090", 0, at(20, 5))),
                    List.of("203.0.113.10", "2001:db8::10"), at(1, 1)));
            assertThat(web.external()).isTrue();
            Service plain = entrances(r).services().get(1);
            assertThat(plain.namespace()).isEqualTo("default");
            assertThat(plain.type()).isEqualTo(Service.CLUSTER_IP);
            assertThat(plain.ports()).containsExactly(new ServicePort("", Protocol.TCP, 8080, "8080", 0, at(45, 5)));
            assertThat(plain.external()).isFalse();
        }

        @Test
        void load_serviceWithoutSelectorOrPorts_isKeptWithoutPodsWhenHeadlessOrExternalName() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: db, namespace: prod}
                    spec:
                      type: ExternalName
                      externalName: db.example.com
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: headless, namespace: prod}
                    spec: {clusterIP: None}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: bare, namespace: prod}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:13:1: error: Service prod/bare: spec.ports: is required"
                    + " (expected at least one port, unless the Service is headless, clusterIP: None, or of type"
                    + " ExternalName)");
            assertThat(entrances(r).services()).extracting(Service::type).containsExactly(Service.EXTERNAL_NAME,
                    Service.CLUSTER_IP);
            assertThat(entrances(r).services()).noneMatch(Service::selectsPods);
        }

        @Test
        void load_badService_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: bad, namespace: prod}
                    spec:
                      type: Internal
                      selector: {app: "web server"}
                      ports:
                      - name: http
                        port: "80"
                      - name: http
                        port: 70000
                        targetPort: HTTP_8080
                      - port: 443
                        protocol: QUIC
                        targetPort: 0
                      - name: grpc
                        targetPort: true
                        nodePort: -1
                      externalIPs: [not-an-ip]
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:5:9: error: Service prod/bad: spec.type: unknown type \"Internal\" (expected ClusterIP,"
                            + " NodePort, LoadBalancer or ExternalName)",
                    "in.yaml:6:19: error: Service prod/bad: spec.selector.app: \"web server\" is not a valid label"
                            + " value (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a"
                            + " letter or digit)",
                    "in.yaml:9:11: error: Service prod/bad: spec.ports[0].port: expected an integer, found the string"
                            + " \"80\"",
                    "in.yaml:10:11: error: Service prod/bad: spec.ports[1].name: duplicate port name \"http\" (also"
                            + " spec.ports[0]; expected a name unique in the Service)",
                    "in.yaml:11:11: error: Service prod/bad: spec.ports[1].port: 70000 is out of range (expected"
                            + " 1-65535)",
                    "in.yaml:12:17: error: Service prod/bad: spec.ports[1].targetPort: \"HTTP_8080\" is not a valid"
                            + " port name (expected up to 15 lowercase letters, digits and single '-', with at least"
                            + " one letter, e.g. http or metrics)",
                    "in.yaml:13:5: error: Service prod/bad: spec.ports[2].name: is required when the Service has more"
                            + " than one port (expected a name such as http)",
                    "in.yaml:14:15: error: Service prod/bad: spec.ports[2].protocol: unknown protocol \"QUIC\""
                            + " (expected TCP, UDP or SCTP)",
                    "in.yaml:16:5: error: Service prod/bad: spec.ports[3].port: is required (expected a port number"
                            + " 1-65535)",
                    "in.yaml:17:17: error: Service prod/bad: spec.ports[3].targetPort: expected a port number 1-65535"
                            + " or a port name, found the boolean true",
                    "in.yaml:18:15: error: Service prod/bad: spec.ports[3].nodePort: -1 is out of range (expected"
                            + " 1-65535)",
                    "in.yaml:19:17: error: Service prod/bad: spec.externalIPs[0]: \"not-an-ip\" is not an IP address"
                            + " (expected e.g. 203.0.113.10 or 2001:db8::10)");
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_serviceWrongTypes_reportsWhatIsExpected() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: bad, namespace: prod}
                    spec:
                      type: 1
                      selector: [app]
                      ports: {port: 80}
                      externalIPs: 203.0.113.10
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:5:9: error: Service prod/bad: spec.type: expected a string, found the number 1 (quote"
                            + " it: \"1\")",
                    "in.yaml:6:13: error: Service prod/bad: spec.selector: expected a mapping (key: value), found a"
                            + " list",
                    "in.yaml:7:10: error: Service prod/bad: spec.ports: expected a list, found a mapping",
                    "in.yaml:8:16: error: Service prod/bad: spec.externalIPs: expected a list, found the string"
                            + " \"203.0.113.10\"");
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_serviceUnknownFields_warnWithASuggestion() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: prod}
                    spec:
                      selectors: {app: web}
                      ports:
                      - port: 80
                        targetport: 8080
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:5:3: warning: Service prod/web: spec.selectors: unknown field \"selectors\" (did you mean"
                            + " \"selector\"?); it is ignored",
                    "in.yaml:8:5: warning: Service prod/web: spec.ports[0].targetport: unknown field \"targetport\""
                            + " (did you mean \"targetPort\"?); it is ignored");
            assertThat(entrances(r).services().get(0).selector()).isEqualTo(Labels.EMPTY);
            assertThat(entrances(r).services().get(0).ports().get(0).targetPort()).isEqualTo("80");
        }

        @Test
        void load_knativeService_isSkippedWithoutAWord() {
            LoadResult r = load("""
                    apiVersion: serving.knative.dev/v1
                    kind: Service
                    metadata: {name: hello, namespace: prod}
                    spec: {template: {spec: {containers: [{image: hello}]}}}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(entrances(r).services()).isEmpty();
            assertThat(r.skippedKinds()).containsExactly(Map.entry("Service (serving.knative.dev/v1)", 1));
        }

        @Test
        void load_serviceDefinedTwice_theLastWins() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: prod}
                    spec: {ports: [{port: 80}]}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: prod}
                    spec: {ports: [{port: 443}]}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:6:1: warning: Service prod/web: defined twice (also at"
                    + " in.yaml:1:1); the last definition wins");
            assertThat(entrances(r).services()).singleElement()
                    .satisfies(s -> assertThat(s.ports().get(0).port()).isEqualTo(443));
        }

        @Test
        void load_serviceInAnUndefinedNamespace_addsNoNamespace() {
            LoadResult r = Loader.loadString("in.yaml", """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: elsewhere}
                    spec: {ports: [{port: 80}]}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.cluster().namespaces()).isEmpty();
            assertThat(serviceNames(r)).containsExactly("elsewhere/web");
        }
    }

    // ---------------------------------------------------------------- Ingress

    @Nested
    class Ingresses {
        @Test
        void load_ingress_readsDefaultBackendAndEveryPathBackend() {
            LoadResult r = load("""
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: shop, namespace: prod}
                    spec:
                      ingressClassName: nginx
                      tls:
                      - hosts: [shop.example.com]
                        secretName: shop-tls
                      defaultBackend:
                        service: {name: fallback, port: {number: 8080}}
                      rules:
                      - host: shop.example.com
                        http:
                          paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: frontend
                                port: {name: http}
                          - path: /static
                            pathType: ImplementationSpecific
                            backend:
                              resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}
                      - http:
                          paths:
                          - path: /api
                            pathType: Exact
                            backend:
                              service:
                                name: api
                                port: {number: 443}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.skippedKinds()).isEmpty();
            Route ingress = entrances(r).routes().get(0);
            assertThat(ingress.kind()).isEqualTo("Ingress");
            assertThat(ingress.gatewayApi()).isFalse();
            assertThat(ingress.parents()).isEmpty();
            assertThat(ingress.backends()).containsExactly(
                    new RouteBackend("prod", "fallback", servicePort("8080"), "spec.defaultBackend.service",
                            at(10, 14)),
                    new RouteBackend("prod", "frontend", servicePort("http"),
                            "spec.rules[0].http.paths[0].backend.service", at(19, 13)),
                    new RouteBackend("prod", "api", servicePort("443"), "spec.rules[1].http.paths[0].backend.service",
                            at(31, 13)));
        }

        @Test
        void load_badIngress_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: bad, namespace: prod}
                    spec:
                      defaultBackend:
                        service: {port: {number: 80}}
                      rules:
                      - http:
                          paths:
                          - path: /a
                            pathType: Prefix
                            backend:
                              service: {name: a, port: {number: 0}}
                          - path: /b
                            pathType: Prefix
                            backend:
                              service: {name: b}
                          - path: /c
                            pathType: Prefix
                            backend:
                              service: {name: c, port: {number: 80, name: http}}
                          - path: /d
                            pathType: Prefix
                            backend:
                              service: {name: d, port: {name: "8080"}}
                          - path: /e
                            pathType: Prefix
                          - path: /f
                            pathType: Prefix
                            backend:
                              service: {name: f, port: {number: 80}}
                              resource: {kind: Bucket, name: x}
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:14: error: Ingress prod/bad: spec.defaultBackend.service.name: is required (expected"
                            + " the Service's name)",
                    "in.yaml:13:45: error: Ingress prod/bad: spec.rules[0].http.paths[0].backend.service.port.number:"
                            + " 0 is out of range (expected 1-65535)",
                    "in.yaml:17:20: error: Ingress prod/bad: spec.rules[0].http.paths[1].backend.service.port: is"
                            + " required (expected number: 1-65535 or name: a port name of the Service)",
                    "in.yaml:21:49: error: Ingress prod/bad: spec.rules[0].http.paths[2].backend.service.port.name:"
                            + " may not be combined with number (expected either a port number or a port name)",
                    "in.yaml:25:43: error: Ingress prod/bad: spec.rules[0].http.paths[3].backend.service.port.name:"
                            + " \"8080\" is a string, so it names a port, and a port name needs a letter (write the"
                            + " number without quotes: 8080)",
                    "in.yaml:26:9: error: Ingress prod/bad: spec.rules[0].http.paths[4].backend: is required (expected"
                            + " service: {name, port})",
                    "in.yaml:32:11: error: Ingress prod/bad: spec.rules[0].http.paths[5].backend.resource: may not be"
                            + " combined with service (expected either a service or a resource backend)");
            assertThat(routeNames(r)).isEmpty();
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_removedIngressApiVersions_areSkippedWithAWarning() {
            LoadResult r = load("""
                    apiVersion: extensions/v1beta1
                    kind: Ingress
                    metadata: {name: old, namespace: prod}
                    spec: {backend: {serviceName: web, servicePort: 80}}
                    ---
                    apiVersion: networking.k8s.io/v1beta1
                    kind: Ingress
                    metadata: {name: older, namespace: prod}
                    spec: {backend: {serviceName: web, servicePort: 80}}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:1:13: warning: Ingress prod/old: apiVersion: \"extensions/v1beta1\" is not an API group"
                            + " Stockade reads Ingress from (expected networking.k8s.io/v1); the object is skipped",
                    "in.yaml:6:13: warning: Ingress prod/older: apiVersion: \"networking.k8s.io/v1beta1\" is not an"
                            + " API group Stockade reads Ingress from (expected networking.k8s.io/v1); the object is"
                            + " skipped");
            assertThat(entrances(r).routes()).isEmpty();
            assertThat(r.skippedKinds()).containsOnly(Map.entry("Ingress (extensions/v1beta1)", 1),
                    Map.entry("Ingress (networking.k8s.io/v1beta1)", 1));
        }

        @Test
        void load_ingressUnknownFields_warnWithASuggestion() {
            LoadResult r = load("""
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: shop, namespace: prod}
                    spec:
                      rules:
                      - http:
                          paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service: {name: web, port: {numbr: 80}}
                              serviceName: web
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:12:11: warning: Ingress prod/shop: spec.rules[0].http.paths[0].backend.serviceName:"
                            + " unknown field \"serviceName\"; it is ignored",
                    "in.yaml:11:39: warning: Ingress prod/shop: spec.rules[0].http.paths[0].backend.service.port.numbr:"
                            + " unknown field \"numbr\" (did you mean \"number\"?); it is ignored",
                    "in.yaml:11:38: error: Ingress prod/shop: spec.rules[0].http.paths[0].backend.service.port: must"
                            + " specify a port (expected number: 1-65535 or name: a port name of the Service)");
        }
    }

    // ---------------------------------------------------------------- OpenShift Route

    @Nested
    class OpenShiftRoutes {
        @Test
        void load_route_readsToAlternateBackendsAndTargetPort() {
            LoadResult r = load("""
                    apiVersion: route.openshift.io/v1
                    kind: Route
                    metadata: {name: shop, namespace: prod}
                    spec:
                      host: shop.apps.example.com
                      path: /
                      to: {kind: Service, name: frontend, weight: 80}
                      alternateBackends:
                      - {name: frontend-canary, weight: 20}
                      port: {targetPort: 8080}
                      tls: {termination: edge}
                      wildcardPolicy: None
                    ---
                    apiVersion: route.openshift.io/v1
                    kind: Route
                    metadata: {name: admin, namespace: prod}
                    spec:
                      to: {name: admin}
                      port: {targetPort: https}
                    ---
                    apiVersion: route.openshift.io/v1
                    kind: Route
                    metadata: {name: any, namespace: prod}
                    spec:
                      to: {kind: Service, name: web}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(entrances(r).routes()).extracting(Route::kind).containsOnly("Route");
            assertThat(entrances(r).routes().get(0).backends()).containsExactly(
                    new RouteBackend("prod", "frontend", targetPort("8080"), "spec.to", at(7, 7)),
                    new RouteBackend("prod", "frontend-canary", targetPort("8080"), "spec.alternateBackends[0]",
                            at(9, 5)));
            assertThat(entrances(r).routes().get(1).backends()).containsExactly(
                    new RouteBackend("prod", "admin", targetPort("https"), "spec.to", at(18, 7)));
            assertThat(entrances(r).routes().get(2).backends()).containsExactly(
                    new RouteBackend("prod", "web", BackendPort.ANY, "spec.to", at(25, 7)));
        }

        @Test
        void load_badRoute_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: route.openshift.io/v1
                    kind: Route
                    metadata: {name: bad, namespace: prod}
                    spec:
                      to: {kind: Service}
                      alternateBackends:
                      - {kind: Deployment, name: web}
                      - {name: b, weight: 300}
                      port: {targetPort: 70000}
                    ---
                    apiVersion: route.openshift.io/v1
                    kind: Route
                    metadata: {name: noto, namespace: prod}
                    spec:
                      port: {targetPort: [http]}
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:9:22: error: Route prod/bad: spec.port.targetPort: 70000 is out of range (expected"
                            + " 1-65535)",
                    "in.yaml:5:7: error: Route prod/bad: spec.to.name: is required (expected the Service's name)",
                    "in.yaml:7:12: error: Route prod/bad: spec.alternateBackends[0].kind: \"Deployment\" is not"
                            + " allowed (expected Service: a Route sends its traffic to Services only)",
                    "in.yaml:8:23: error: Route prod/bad: spec.alternateBackends[1].weight: 300 is out of range"
                            + " (expected 0-256)",
                    "in.yaml:15:22: error: Route prod/noto: spec.port.targetPort: expected a port number 1-65535 or a"
                            + " port name, found a list",
                    "in.yaml:15:3: error: Route prod/noto: spec.to: is required (expected {kind: Service, name})");
            assertThat(routeNames(r)).isEmpty();
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_routeOfAnotherGroup_isSkippedWithoutAWord() {
            LoadResult r = load("""
                    apiVersion: serving.knative.dev/v1
                    kind: Route
                    metadata: {name: hello, namespace: prod}
                    spec: {traffic: [{revisionName: hello-1, percent: 100}]}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.skippedKinds()).containsExactly(Map.entry("Route (serving.knative.dev/v1)", 1));
        }
    }

    // ---------------------------------------------------------------- Gateway API

    @Nested
    class Gateways {
        @Test
        void load_gateway_readsListenersAndAllowedRoutes() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: Gateway
                    metadata: {name: edge, namespace: prod}
                    spec:
                      gatewayClassName: istio
                      addresses: [{type: IPAddress, value: 203.0.113.20}]
                      listeners:
                      - name: http
                        port: 80
                        protocol: HTTP
                      - name: https
                        hostname: "*.example.com"
                        port: 443
                        protocol: HTTPS
                        tls: {mode: Terminate, certificateRefs: [{name: wildcard}]}
                        allowedRoutes:
                          namespaces:
                            from: Selector
                            selector: {matchLabels: {exposed: "true"}}
                          kinds: [{kind: HTTPRoute}]
                      - name: tcp
                        port: 5432
                        protocol: TCP
                        allowedRoutes: {namespaces: {from: All}}
                    ---
                    apiVersion: gateway.networking.k8s.io/v1beta1
                    kind: Gateway
                    metadata: {name: old, namespace: prod}
                    spec: {gatewayClassName: x, listeners: [{name: l, port: 8080, protocol: HTTP}]}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.skippedKinds()).isEmpty();
            Gateway edge = entrances(r).gateways().get(0);
            assertThat(edge.className()).isEqualTo("istio");
            assertThat(edge.source()).isEqualTo(at(1, 1));
            assertThat(edge.listeners()).containsExactly(
                    new Gateway.Listener("http", 80, "HTTP", "Same", LabelSelector.all(), List.of(), at(8, 5)),
                    new Gateway.Listener("https", 443, "HTTPS", "Selector", LabelSelector.matchLabels("exposed", "true"),
                            List.of("HTTPRoute"), at(11, 5)),
                    new Gateway.Listener("tcp", 5432, "TCP", "All", LabelSelector.all(), List.of(), at(21, 5)));
            assertThat(edge.listeners().get(0).acceptedKinds()).containsExactly("HTTPRoute", "GRPCRoute");
            assertThat(entrances(r).gateways()).extracting(Gateway::name).containsExactly("edge", "old");
        }

        @Test
        void load_badGateway_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: Gateway
                    metadata: {name: bad, namespace: prod}
                    spec:
                      listeners:
                      - name: http
                        port: 0
                        protocol: HTTP
                        allowedRoutes:
                          namespaces: {from: Everywhere}
                      - port: "443"
                        allowedRoutes:
                          namespaces: {from: Selector}
                          kinds: [{group: gateway.networking.k8s.io}]
                      - name: sel
                        port: 80
                        protocol: HTTP
                        allowedRoutes:
                          namespaces:
                            from: Selector
                            selector: {matchExpressions: [{key: env, operator: in, values: [prod]}]}
                    ---
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: Gateway
                    metadata: {name: empty, namespace: prod}
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:5:3: error: Gateway prod/bad: spec.gatewayClassName: is required (expected the name of a"
                            + " GatewayClass)",
                    "in.yaml:7:11: error: Gateway prod/bad: spec.listeners[0].port: 0 is out of range (expected"
                            + " 1-65535)",
                    "in.yaml:10:26: error: Gateway prod/bad: spec.listeners[0].allowedRoutes.namespaces.from: unknown"
                            + " value \"Everywhere\" (expected Same, All or Selector)",
                    "in.yaml:11:5: error: Gateway prod/bad: spec.listeners[1].name: is required (expected the"
                            + " listener's name)",
                    "in.yaml:11:11: error: Gateway prod/bad: spec.listeners[1].port: expected an integer, found the"
                            + " string \"443\"",
                    "in.yaml:11:5: error: Gateway prod/bad: spec.listeners[1].protocol: is required (expected HTTP,"
                            + " HTTPS, TLS, TCP or UDP)",
                    "in.yaml:13:19: error: Gateway prod/bad: spec.listeners[1].allowedRoutes.namespaces.selector: is"
                            + " required when from is Selector (expected a label selector of namespaces)",
                    "in.yaml:14:15: error: Gateway prod/bad: spec.listeners[1].allowedRoutes.kinds[0].kind: is"
                            + " required (expected a route kind such as HTTPRoute)",
                    "in.yaml:21:60: error: Gateway prod/bad:"
                            + " spec.listeners[2].allowedRoutes.namespaces.selector.matchExpressions[0].operator:"
                            + " unknown operator \"in\" (expected In, NotIn, Exists or DoesNotExist; operators are"
                            + " case-sensitive)",
                    "in.yaml:23:1: error: Gateway prod/empty: spec: is required (expected gatewayClassName and"
                            + " listeners)");
            assertThat(entrances(r).gateways()).isEmpty();
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_gatewayRoutes_readParentsAndBackendsOfEveryKind() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoute
                    metadata: {name: web, namespace: prod}
                    spec:
                      parentRefs:
                      - name: edge
                        sectionName: https
                      - {name: shared, namespace: infra, port: 443}
                      - {group: "", kind: Service, name: web}
                      hostnames: [shop.example.com]
                      rules:
                      - matches: [{path: {type: PathPrefix, value: /}}]
                        filters: [{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: x, value: "y"}]}}]
                        backendRefs:
                        - {name: web, port: 8080, weight: 90}
                        - {name: web-v2, namespace: canary, port: 8080, weight: 10, filters: []}
                        timeouts: {request: 10s}
                      - backendRefs:
                        - {group: "", kind: Service, name: api, port: 80}
                    ---
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: GRPCRoute
                    metadata: {name: grpc, namespace: prod}
                    spec:
                      parentRefs: [{name: edge}]
                      rules: [{matches: [{method: {service: shop.Cart}}], backendRefs: [{name: cart, port: 9000}]}]
                    ---
                    apiVersion: gateway.networking.k8s.io/v1alpha3
                    kind: TLSRoute
                    metadata: {name: tls, namespace: prod}
                    spec:
                      parentRefs: [{name: edge}]
                      hostnames: [db.example.com]
                      rules: [{backendRefs: [{name: db, port: 5432}]}]
                    ---
                    apiVersion: gateway.networking.k8s.io/v1alpha2
                    kind: TCPRoute
                    metadata: {name: tcp, namespace: prod}
                    spec:
                      parentRefs: [{name: edge, sectionName: tcp}]
                      rules: [{backendRefs: [{name: db, port: 5432}]}]
                    ---
                    apiVersion: gateway.networking.k8s.io/v1alpha2
                    kind: UDPRoute
                    metadata: {name: udp, namespace: prod}
                    spec:
                      parentRefs: [{name: edge}]
                      rules: [{backendRefs: [{name: dns, port: 53}]}]
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:9:23: warning: HTTPRoute prod/web: spec.parentRefs[2].kind:"
                    + " parent Service is not a Gateway (a mesh route, or another implementation's parent); the"
                    + " parentRef is skipped");
            assertThat(r.skippedKinds()).isEmpty();
            assertThat(routeNames(r)).containsExactly("HTTPRoute prod/web", "GRPCRoute prod/grpc", "TLSRoute prod/tls",
                    "TCPRoute prod/tcp", "UDPRoute prod/udp");
            Route web = entrances(r).routes().get(0);
            assertThat(web.gatewayApi()).isTrue();
            assertThat(web.parents()).containsExactly(new ParentRef("prod", "edge", "https", 0, at(6, 5)),
                    new ParentRef("infra", "shared", "", 443, at(8, 5)));
            assertThat(web.backends()).containsExactly(
                    new RouteBackend("prod", "web", servicePort("8080"), "spec.rules[0].backendRefs[0]", at(15, 7)),
                    new RouteBackend("canary", "web-v2", servicePort("8080"), "spec.rules[0].backendRefs[1]",
                            at(16, 7)),
                    new RouteBackend("prod", "api", servicePort("80"), "spec.rules[1].backendRefs[0]", at(19, 7)));
            assertThat(entrances(r).routes().get(3).parents()).containsExactly(
                    new ParentRef("prod", "edge", "tcp", 0, at(40, 16)));
            assertThat(entrances(r).routes().get(4).backends()).extracting(RouteBackend::toString)
                    .containsExactly("Service prod/dns port 53");
        }

        @Test
        void load_badGatewayRoute_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoute
                    metadata: {name: bad, namespace: prod}
                    spec:
                      parentRefs:
                      - {sectionName: https}
                      - {name: edge, port: 70000}
                      rules:
                      - backendRefs:
                        - {name: web}
                        - {port: 80}
                        - {name: web, port: "80", weight: -1}
                        - {group: example.com, kind: Bucket, name: assets}
                        - {kind: ServiceImport, name: remote, port: 80}
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:5: error: HTTPRoute prod/bad: spec.parentRefs[0].name: is required (expected the"
                            + " Gateway's name)",
                    "in.yaml:7:24: error: HTTPRoute prod/bad: spec.parentRefs[1].port: 70000 is out of range (expected"
                            + " 1-65535)",
                    "in.yaml:10:7: error: HTTPRoute prod/bad: spec.rules[0].backendRefs[0].port: is required for a"
                            + " Service backend (expected a port number 1-65535)",
                    "in.yaml:11:7: error: HTTPRoute prod/bad: spec.rules[0].backendRefs[1].name: is required (expected"
                            + " the Service's name)",
                    "in.yaml:12:39: error: HTTPRoute prod/bad: spec.rules[0].backendRefs[2].weight: -1 is out of range"
                            + " (expected 0-1000000)",
                    "in.yaml:12:25: error: HTTPRoute prod/bad: spec.rules[0].backendRefs[2].port: expected an integer,"
                            + " found the string \"80\"",
                    "in.yaml:13:34: warning: HTTPRoute prod/bad: spec.rules[0].backendRefs[3].kind: backend"
                            + " example.com/Bucket is not a Service (expected Service); the backendRef is skipped",
                    "in.yaml:14:14: warning: HTTPRoute prod/bad: spec.rules[0].backendRefs[4].kind: backend"
                            + " ServiceImport is not a Service (expected Service); the backendRef is skipped");
            assertThat(routeNames(r)).isEmpty();
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }

        @Test
        void load_gatewayRouteUnknownFields_warnWithASuggestion() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: TCPRoute
                    metadata: {name: tcp, namespace: prod}
                    spec:
                      parentRef: [{name: edge}]
                      rules: [{backendRefs: [{name: db, port: 5432, weigth: 1}]}]
                    ---
                    apiVersion: gateway.networking.k8s.io/v1alpha2
                    kind: TCPRoute
                    metadata: {name: tcp, namespace: prod}
                    spec:
                      hostnames: [x.example.com]
                      rules: [{backendRefs: [{name: db, port: 5432, weigth: 1}]}]
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:1:13: warning: TCPRoute prod/tcp: apiVersion: \"gateway.networking.k8s.io/v1\" is not an"
                            + " API group Stockade reads TCPRoute from (expected gateway.networking.k8s.io/v1alpha2);"
                            + " the object is skipped",
                    "in.yaml:12:3: warning: TCPRoute prod/tcp: spec.hostnames: unknown field \"hostnames\"; it is"
                            + " ignored",
                    "in.yaml:13:49: warning: TCPRoute prod/tcp: spec.rules[0].backendRefs[0].weigth: unknown field"
                            + " \"weigth\" (did you mean \"weight\"?); it is ignored");
            assertThat(routeNames(r)).containsExactly("TCPRoute prod/tcp");
        }

        @Test
        void load_tlsRouteV1_isRead() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: TLSRoute
                    metadata: {name: tls, namespace: prod}
                    spec:
                      parentRefs: [{name: edge}]
                      hostnames: [db.example.com]
                      rules: [{name: db, backendRefs: [{name: db, port: 5432}]}]
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(entrances(r).routes()).singleElement().satisfies(route -> {
                assertThat(route.kind()).isEqualTo("TLSRoute");
                assertThat(route.backends()).extracting(RouteBackend::toString)
                        .containsExactly("Service prod/db port 5432");
            });
        }

        @Test
        void load_referenceGrant_readsFromAndTo() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1beta1
                    kind: ReferenceGrant
                    metadata: {name: from-prod, namespace: canary}
                    spec:
                      from:
                      - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: prod}
                      to:
                      - {group: "", kind: Service, name: web-v2}
                      - {group: "", kind: Service}
                    ---
                    apiVersion: gateway.networking.k8s.io/v1alpha2
                    kind: ReferenceGrant
                    metadata: {name: old, namespace: canary}
                    spec:
                      from: [{group: gateway.networking.k8s.io, kind: TLSRoute, namespace: prod}]
                      to: [{group: "", kind: Service}]
                    """);

            assertThat(lines(r)).isEmpty();
            ReferenceGrant grant = entrances(r).referenceGrants().get(0);
            assertThat(grant).isEqualTo(new ReferenceGrant("canary", "from-prod",
                    List.of(new ReferenceGrant.From("gateway.networking.k8s.io", "HTTPRoute", "prod")),
                    List.of(new ReferenceGrant.To("", "Service", "web-v2"), new ReferenceGrant.To("", "Service", "")),
                    at(1, 1)));
            assertThat(grant.permits("HTTPRoute", "prod", "anything")).isTrue();
            assertThat(entrances(r).referenceGrants()).extracting(ReferenceGrant::name)
                    .containsExactly("from-prod", "old");
        }

        @Test
        void load_badReferenceGrant_reportsEveryProblemAndKeepsTheOthers() {
            LoadResult r = load("""
                    apiVersion: gateway.networking.k8s.io/v1beta1
                    kind: ReferenceGrant
                    metadata: {name: bad, namespace: canary}
                    spec:
                      from:
                      - {kind: HTTPRoute, namespace: prod}
                      - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: [prod]}
                      too: [{group: "", kind: Service}]
                    """ + GOOD_SERVICE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:8:3: warning: ReferenceGrant canary/bad: spec.too: unknown field \"too\" (did you mean"
                            + " \"to\"?); it is ignored",
                    "in.yaml:6:5: error: ReferenceGrant canary/bad: spec.from[0].group: is required (expected an API"
                            + " group, e.g. gateway.networking.k8s.io)",
                    "in.yaml:7:68: error: ReferenceGrant canary/bad: spec.from[1].namespace: expected a string, found"
                            + " a list",
                    "in.yaml:5:3: error: ReferenceGrant canary/bad: spec.to: is required (expected a list of {group,"
                            + " kind, name})");
            assertThat(entrances(r).referenceGrants()).isEmpty();
            assertThat(serviceNames(r)).containsExactly("prod/ok");
        }
    }

    // ---------------------------------------------------------------- relocation

    @Test
    void textInputs_relocateEverySourceOfTheEntrances() {
        LoadResult r = TextInputs.load(List.of(new TextInputs.NamedText("main:deploy/edge.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: prod}
                spec: {gatewayClassName: x, listeners: [{name: l, port: 80, protocol: HTTP}]}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: prod}
                spec: {parentRefs: [{name: edge}], rules: [{backendRefs: [{name: web, port: 80}]}]}
                ---
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: g, namespace: prod}
                spec: {from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}]}
                """.getBytes(StandardCharsets.UTF_8))));

        Entrances e = r.cluster().entrances();
        String file = "main:deploy/edge.yaml";
        assertThat(e.services().get(0).source().file()).isEqualTo(file);
        assertThat(e.services().get(0).ports().get(0).source().file()).isEqualTo(file);
        assertThat(e.gateways().get(0).source().file()).isEqualTo(file);
        assertThat(e.gateways().get(0).listeners().get(0).source().file()).isEqualTo(file);
        Route route = e.routes().get(0);
        assertThat(List.of(route.source(), route.parents().get(0).source(), route.backends().get(0).source()))
                .extracting(Source::file).containsOnly(file);
        assertThat(e.referenceGrants().get(0).source().file()).isEqualTo(file);
    }
}
