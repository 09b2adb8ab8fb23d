package dev.stockade.engine;

import static dev.stockade.engine.EntranceFixtures.app;
import static dev.stockade.engine.EntranceFixtures.backendRef;
import static dev.stockade.engine.EntranceFixtures.gateway;
import static dev.stockade.engine.EntranceFixtures.gatewayRoute;
import static dev.stockade.engine.EntranceFixtures.ingress;
import static dev.stockade.engine.EntranceFixtures.listener;
import static dev.stockade.engine.EntranceFixtures.namespace;
import static dev.stockade.engine.EntranceFixtures.openShiftRoute;
import static dev.stockade.engine.EntranceFixtures.parent;
import static dev.stockade.engine.EntranceFixtures.pod;
import static dev.stockade.engine.EntranceFixtures.service;
import static dev.stockade.engine.EntranceFixtures.servicePort;
import static dev.stockade.engine.EntranceFixtures.targetPortRef;
import static dev.stockade.engine.EntranceFixtures.tcp;
import static dev.stockade.engine.EntranceFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.Entrances;
import dev.stockade.model.Gateway;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.Protocol;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.Service;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link EntrancePaths}: routes through Gateways and Services down to pods and ports, and what cannot be followed. */
class EntrancePathsTest {
    private static final Workload WEB = app("default", "web", tcp("http", 8080), tcp("metrics", 9090));

    private static Cluster cluster(List<Namespace> namespaces, List<Workload> workloads, List<Service> services,
                                   List<Route> routes, List<Gateway> gateways, List<ReferenceGrant> grants) {
        return Cluster.of(namespaces, workloads, List.of())
                .withEntrances(new Entrances(services, routes, gateways, grants));
    }

    private static Cluster cluster(List<Workload> workloads, List<Service> services, Route... routes) {
        return cluster(List.of(), workloads, services, List.of(routes), List.of(), List.of());
    }

    /** {@code pod:port} of every path, in order. */
    private static List<String> paths(EntrancePaths.Result r) {
        return r.paths().stream().map(p -> p.pod().name() + ":" + p.protocol() + " " + p.port()).toList();
    }

    // 1. Ingress -> Service port -> targetPort

    @ParameterizedTest(name = "backend port {0}, Service port {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "80   | http | 8080 | web:TCP 8080",
        "http | http | 8080 | web:TCP 8080",
        "80   | ''   | 8080 | web:TCP 8080",
        "80   | http | http | web:TCP 8080",
        "http | http | metrics | web:TCP 9090",
        "80   | http | 80   | web:TCP 80",
        "81   | http | 8080 | ''",
        "web  | http | 8080 | ''",
    })
    void ingress_servicePortByNumberOrName_reachesTheTargetPort(String backendPort, String portName, String target,
                                                               String expected) {
        Cluster c = cluster(List.of(WEB), List.of(service("default", "web", servicePort(portName, 80, target))),
                ingress("default", "in", "web:" + backendPort));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(paths(r)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        if (expected.isEmpty()) {
            assertThat(r.warnings()).containsExactly("Ingress default/in: spec.rules[0].http.paths[0].backend: Service"
                    + " default/web has no port " + backendPort + " (it has [" + (portName.isEmpty() ? "" : portName + " ")
                    + "TCP 80->" + target + "])");
        } else {
            assertThat(r.warnings()).isEmpty();
            EntrancePaths.Path p = r.paths().get(0);
            assertThat(p.workload()).isEqualTo(WEB);
            assertThat(p.service().name()).isEqualTo("web");
            assertThat(p.servicePort().port()).isEqualTo(80);
            assertThat(p.route().name()).isEqualTo("in");
        }
    }

    @Test
    void ingress_namedTargetPort_isResolvedPodByPod() {
        Workload web = workload("default", "web",
                pod("default", "web-1", Labels.of("app", "web"), tcp("http", 8080)),
                pod("default", "web-2", Labels.of("app", "web"), tcp("http", 9090)),
                pod("default", "other", Labels.of("app", "other"), tcp("http", 7070)));
        Cluster c = cluster(List.of(web), List.of(service("default", "web", servicePort("", 80, "http"))),
                ingress("default", "in", "web:80"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(paths(r)).containsExactly("web-1:TCP 8080", "web-2:TCP 9090");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void ingress_namedTargetPortOnNoContainer_warnsAndHasNoPath() {
        Workload web = workload("default", "web",
                pod("default", "web-1", Labels.of("app", "web"), tcp("http", 8080)),
                pod("default", "web-2", Labels.of("app", "web"), tcp("other", 8080)));
        Cluster c = cluster(List.of(web), List.of(service("default", "web", servicePort("web", 80, "http"))),
                ingress("default", "in", "web:80"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        // the pod that names it is reached; the other one is said
        assertThat(paths(r)).containsExactly("web-1:TCP 8080");
        assertThat(r.warnings()).containsExactly("Service default/web port web: targetPort http names no TCP container"
                + " port of default/web; nothing reaches it there");

        Cluster none = cluster(List.of(app("default", "web", tcp("grpc", 8080))),
                List.of(service("default", "web", servicePort("", 80, "http"))), ingress("default", "in", "web:80"));
        EntrancePaths.Result r2 = EntrancePaths.resolve(none);
        assertThat(r2.paths()).isEmpty();
        assertThat(r2.warnings()).containsExactly("Service default/web port 80: targetPort http names no TCP container"
                + " port of default/web; nothing reaches it there");
    }

    @ParameterizedTest(name = "Service port {0}, container port {1}: path {2}")
    @CsvSource({
        "TCP, TCP, true",
        "UDP, UDP, true",
        "TCP, UDP, false",
        "UDP, TCP, false",
        "SCTP, TCP, false",
    })
    void ingress_namedTargetPort_needsTheSameProtocol(Protocol servicePort, Protocol containerPort, boolean path) {
        Workload dns = app("default", "dns", new ContainerPort("dns", 53, containerPort));
        Cluster c = cluster(List.of(dns), List.of(service("default", "dns", servicePort("dns", servicePort, 53, "dns"))),
                ingress("default", "in", "dns:dns"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        if (path) {
            assertThat(paths(r)).containsExactly("dns:" + servicePort + " 53");
            assertThat(r.warnings()).isEmpty();
        } else {
            assertThat(r.paths()).isEmpty();
            assertThat(r.warnings()).containsExactly("Service default/dns port dns: targetPort dns names no "
                    + servicePort + " container port of default/dns; nothing reaches it there");
        }
    }

    @Test
    void ingress_serviceAbsent_warns() {
        EntrancePaths.Result r = EntrancePaths.resolve(cluster(List.of(WEB), List.of(),
                ingress("default", "in", "web:80", "api:http")));

        assertThat(r.paths()).isEmpty();
        assertThat(r.warnings()).containsExactly(
                "Ingress default/in: spec.rules[0].http.paths[0].backend: Service default/web is not in the input;"
                        + " the backend is not followed",
                "Ingress default/in: spec.rules[0].http.paths[1].backend: Service default/api is not in the input;"
                        + " the backend is not followed");
    }

    @ParameterizedTest(name = "{0} selector ''{1}''")
    @CsvSource({
        "ClusterIP,    '',      no selector",
        "NodePort,     '',      no selector",
        "ExternalName, '',      ExternalName",
        "ExternalName, app=web, ExternalName",
    })
    void ingress_serviceSelectingNoPodsItself_warns(String type, String selector, String why) {
        Labels labels = selector.isEmpty() ? Labels.EMPTY : Labels.of(selector.split("="));
        Cluster c = cluster(List.of(WEB), List.of(service("default", "web", type, labels, servicePort("", 80, "8080"))),
                ingress("default", "in", "web:80"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).isEmpty();
        assertThat(r.external()).isEmpty();
        assertThat(r.warnings()).containsExactly("Ingress default/in: spec.rules[0].http.paths[0].backend: Service"
                + " default/web selects no pods itself (" + why + "); the backend is not followed");
    }

    @Test
    void ingress_selectorMatchingNoPod_warns() {
        Workload elsewhere = app("other", "web", tcp("http", 8080)); // same labels, another namespace
        Cluster c = cluster(List.of(WEB, elsewhere), List.of(service("default", "web", Service.CLUSTER_IP,
                Labels.of("app", "web", "tier", "front"), servicePort("", 80, "8080"))), ingress("default", "in", "web:80"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).isEmpty();
        assertThat(r.warnings()).containsExactly("Service default/web selects no pod of the input (selector"
                + " app=web,tier=front)");
    }

    @Test
    void ingress_serviceSelectsOnlyPodsOfItsOwnNamespace() {
        Workload elsewhere = app("other", "web", tcp("http", 8080));
        Cluster c = cluster(List.of(elsewhere, WEB), List.of(service("default", "web", servicePort("", 80, "8080"))),
                ingress("default", "in", "web:80"));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).extracting(EntrancePaths.Path::workload).containsExactly(WEB);
    }

    // 2. OpenShift Route

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // Service ports: web 80->8080, alt 90->http (8080 on the pod), tls 443->8443
        "TARGET_PORT | 8080  | web TCP 8080, alt TCP 8080",
        "TARGET_PORT | 8443  | tls TCP 8443",
        "TARGET_PORT | 80    | ''",
        "TARGET_PORT | web   | web TCP 8080",
        "TARGET_PORT | alt   | alt TCP 8080",
        "TARGET_PORT | http  | ''",
        "ANY         | ''    | web TCP 8080, alt TCP 8080, tls TCP 8443",
        "SERVICE_PORT | 443  | tls TCP 8443",
    })
    void openShiftRoute_targetPortOrAny_selectsServicePorts(RouteBackend.BackendPort.Kind kind, String value,
                                                           String expected) {
        Workload web = app("default", "web", tcp("http", 8080), tcp("https", 8443));
        Service s = service("default", "web", servicePort("web", 80, "8080"), servicePort("alt", 90, "http"),
                servicePort("tls", 443, "8443"));
        Cluster c = cluster(List.of(web), List.of(s),
                openShiftRoute("default", "r", "web", new RouteBackend.BackendPort(kind, value)));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        List<String> expect = expected.isEmpty() ? List.of() : List.of(expected.split(", "));
        assertThat(r.paths()).extracting(p -> p.servicePort().name() + " " + p.protocol() + " " + p.port())
                .isEqualTo(expect);
        if (expect.isEmpty()) {
            assertThat(r.warnings()).singleElement().asString()
                    .startsWith("Route default/r: spec.to: Service default/web has no target port " + value);
        } else {
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void openShiftRoute_numericTargetPort_isComparedPodByPod() {
        // one Service port whose named target resolves to 8080 on one pod and 9090 on the other
        Workload web = workload("default", "web",
                pod("default", "web-1", Labels.of("app", "web"), tcp("http", 8080)),
                pod("default", "web-2", Labels.of("app", "web"), tcp("http", 9090)));
        Cluster c = cluster(List.of(web), List.of(service("default", "web", servicePort("", 80, "http"))),
                openShiftRoute("default", "r", "web", targetPortRef("9090")));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(paths(r)).containsExactly("web-2:TCP 9090");
        assertThat(r.warnings()).isEmpty();
    }

    // 3. Gateway API

    private static Cluster gatewayCluster(List<Namespace> namespaces, Gateway g, Route route, ReferenceGrant... grants) {
        Workload web = app("apps", "web", tcp("http", 8080));
        Workload api = app("backend", "api", tcp("http", 8080));
        return cluster(namespaces, List.of(web, api), List.of(service("apps", "web", servicePort("", 80, "8080")),
                service("backend", "api", servicePort("", 80, "8080"))), List.of(route), List.of(g), List.of(grants));
    }

    private static Route httpRoute(String namespace, List<dev.stockade.model.ParentRef> parents) {
        return gatewayRoute("HTTPRoute", namespace, "r", parents, backendRef(0, namespace, namespace.equals("apps")
                ? "web" : "api", 80));
    }

    @Test
    void gatewayRoute_parentGatewayMissing_warnsAndDoesNotEnter() {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null));
        Cluster c = gatewayCluster(List.of(), g, httpRoute("apps", List.of(parent("gw", "missing", "", 0))));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).isEmpty();
        assertThat(r.warnings()).containsExactly("HTTPRoute apps/r: spec.parentRefs[0]: Gateway gw/missing is not in"
                + " the input; the route is not followed through it");
    }

    @Test
    void gatewayRoute_oneMissingOneAcceptingParent_enters() {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null));
        Cluster c = gatewayCluster(List.of(), g, httpRoute("apps",
                List.of(parent("gw", "missing", "", 0), parent("gw", "g", "", 0))));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(paths(r)).containsExactly("web:TCP 8080");
        assertThat(r.warnings()).hasSize(1);
    }

    @Test
    void gatewayRoute_withoutParents_doesNotEnter() {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null));
        Cluster c = gatewayCluster(List.of(), g, httpRoute("apps", List.of()));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).isEmpty();
        assertThat(r.warnings()).containsExactly("HTTPRoute apps/r: spec.parentRefs names no Gateway; the route does"
                + " not enter");
    }

    @ParameterizedTest(name = "sectionName ''{0}'' port {1}: {2}")
    @CsvSource({
        "'',    0,    true",
        "http,  0,    true",
        "https, 0,    true",
        "tcp,   0,    false", // a TCP listener takes TCPRoutes only
        "nope,  0,    false",
        "'',    80,   true",
        "'',    443,  true",
        "'',    9000, false",
        "'',    81,   false",
        "http,  80,   true",
        "http,  443,  false",
        "https, 443,  true",
    })
    void gatewayRoute_listenerSelectedBySectionNameAndPort(String sectionName, int port, boolean enters) {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null),
                listener("https", 443, "HTTPS", "All", null), listener("tcp", 9000, "TCP", "All", null));
        Cluster c = gatewayCluster(List.of(), g, httpRoute("apps", List.of(parent("gw", "g", sectionName, port))));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).hasSize(enters ? 1 : 0);
        if (enters) {
            assertThat(r.warnings()).isEmpty();
        } else {
            assertThat(r.warnings()).containsExactly("HTTPRoute apps/r: spec.parentRefs[0]: no listener of Gateway gw/g"
                    + " accepts it (listener name, port, allowedRoutes namespaces and kinds); the route does not enter"
                    + " through it");
        }
    }

    @ParameterizedTest(name = "from {0}, route in {1}, namespaces {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "Same     | gw   | declared       | true",
        "Same     | apps | declared       | false",
        "''       | gw   | declared       | true",
        "''       | apps | declared       | false",
        "All      | gw   | declared       | true",
        "All      | apps | declared       | true",
        "All      | apps | absent         | true",
        "Selector | apps | declared       | true",  // apps has env=prod
        "Selector | gw   | declared       | false", // gw has env=dev
        "Selector | apps | unlabelled     | false",
        "Selector | apps | absent         | false", // absent: only kubernetes.io/metadata.name
    })
    void gatewayRoute_allowedRoutesNamespaces(String from, String routeNamespace, String namespaces, boolean enters) {
        List<Namespace> ns = switch (namespaces) {
            case "declared" -> List.of(namespace("gw", "env", "dev"), namespace("apps", "env", "prod"));
            case "unlabelled" -> List.of(namespace("gw", "env", "dev"), namespace("apps"));
            default -> List.of();
        };
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", from,
                from.equals("Selector") ? LabelSelector.matchLabels("env", "prod") : null));
        // a route in gw sends to a Service of gw
        Workload gwApp = app("gw", "site", tcp("http", 8080));
        Route route = gatewayRoute("HTTPRoute", routeNamespace, "r", List.of(parent("gw", "g", "", 0)),
                backendRef(0, routeNamespace, routeNamespace.equals("gw") ? "site" : "web", 80));
        Cluster c = cluster(ns, List.of(app("apps", "web", tcp("http", 8080)), gwApp),
                List.of(service("apps", "web", servicePort("", 80, "8080")), service("gw", "site",
                        servicePort("", 80, "8080"))), List.of(route), List.of(g), List.of());

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).hasSize(enters ? 1 : 0);
        assertThat(r.warnings()).hasSize(enters ? 0 : 1);
    }

    @Test
    void gatewayRoute_selectorOnTheNameLabel_admitsANamespaceAbsentFromTheInput() {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "Selector",
                LabelSelector.matchLabels(Namespace.NAME_LABEL, "apps")));
        Route route = gatewayRoute("HTTPRoute", "apps", "r", List.of(parent("gw", "g", "", 0)),
                backendRef(0, "apps", "web", 80));
        // "apps" is only known through its workload: the Cluster adds it with its name label
        Cluster c = cluster(List.of(), List.of(app("apps", "web", tcp("http", 8080))),
                List.of(service("apps", "web", servicePort("", 80, "8080"))), List.of(route), List.of(g), List.of());
        assertThat(EntrancePaths.resolve(c).paths()).hasSize(1);

        // a route of a namespace with no workload nor definition has the name label too
        Route elsewhere = gatewayRoute("HTTPRoute", "apps", "r", List.of(parent("gw", "g", "", 0)),
                backendRef(0, "other", "api", 80));
        Cluster c2 = cluster(List.of(), List.of(app("other", "api", tcp("http", 8080))),
                List.of(service("other", "api", servicePort("", 80, "8080"))), List.of(elsewhere), List.of(g),
                List.of(grant("other", List.of(new ReferenceGrant.From("gateway.networking.k8s.io", "HTTPRoute", "apps")),
                        "")));
        assertThat(c2.namespaces()).extracting(Namespace::name).doesNotContain("apps");
        EntrancePaths.Result r2 = EntrancePaths.resolve(c2);
        assertThat(r2.warnings()).isEmpty();
        assertThat(r2.paths()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} listener, kinds [{1}], {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "HTTP  | ''                  | HTTPRoute | true",
        "HTTP  | ''                  | GRPCRoute | true",
        "HTTP  | ''                  | TLSRoute  | false",
        "HTTP  | ''                  | TCPRoute  | false",
        "HTTPS | ''                  | HTTPRoute | true",
        "HTTPS | ''                  | GRPCRoute | true",
        "HTTPS | ''                  | TLSRoute  | false",
        "TLS   | ''                  | TLSRoute  | true",
        "TLS   | ''                  | HTTPRoute | false",
        "TCP   | ''                  | TCPRoute  | true",
        "TCP   | ''                  | UDPRoute  | false",
        "UDP   | ''                  | UDPRoute  | true",
        "UDP   | ''                  | TCPRoute  | false",
        "HTTP  | HTTPRoute           | GRPCRoute | false",
        "HTTP  | GRPCRoute           | GRPCRoute | true",
        "HTTP  | GRPCRoute           | HTTPRoute | false",
        "TCP   | TCPRoute,TLSRoute   | TLSRoute  | true",
        "SCTP  | ''                  | TCPRoute  | false",
    })
    void gatewayRoute_listenerKinds(String protocol, String kinds, String routeKind, boolean enters) {
        String[] k = kinds.isEmpty() ? new String[0] : kinds.split(",");
        Gateway g = gateway("apps", "g", listener("l", 80, protocol, "Same", null, k));
        Route route = gatewayRoute(routeKind, "apps", "r", List.of(parent("apps", "g", "", 0)),
                backendRef(0, "apps", "web", 80));
        Cluster c = gatewayCluster(List.of(), g, route);

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).hasSize(enters ? 1 : 0);
        assertThat(r.warnings()).hasSize(enters ? 0 : 1);
    }

    private static ReferenceGrant grant(String namespace, List<ReferenceGrant.From> from, String toName) {
        return new ReferenceGrant(namespace, "grant", from, List.of(new ReferenceGrant.To("", "Service", toName)),
                Source.UNKNOWN);
    }

    @ParameterizedTest(name = "grant in {0} from {1}/{2}/{3} to Service ''{4}'': {5}")
    @CsvSource(delimiter = '|', value = {
        "''      | ''                        | ''        | ''      | ''    | false", // no grant
        "backend | gateway.networking.k8s.io | HTTPRoute | apps    | ''    | true",
        "backend | gateway.networking.k8s.io | HTTPRoute | apps    | api   | true",
        "backend | gateway.networking.k8s.io | HTTPRoute | apps    | other | false",
        "backend | gateway.networking.k8s.io | GRPCRoute | apps    | ''    | false",
        "backend | gateway.networking.k8s.io | HTTPRoute | gw      | ''    | false",
        "backend | networking.k8s.io         | HTTPRoute | apps    | ''    | false",
        "apps    | gateway.networking.k8s.io | HTTPRoute | apps    | ''    | false", // the route's namespace
        "gw      | gateway.networking.k8s.io | HTTPRoute | apps    | ''    | false",
    })
    void gatewayRoute_crossNamespaceBackend_needsAReferenceGrantOfTheServicesNamespace(
            String grantNamespace, String group, String kind, String fromNamespace, String toName, boolean accepted) {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null));
        Route route = gatewayRoute("HTTPRoute", "apps", "r", List.of(parent("gw", "g", "", 0)),
                backendRef(0, "backend", "api", 80), backendRef(1, "apps", "web", 80));
        ReferenceGrant[] grants = grantNamespace.isEmpty() ? new ReferenceGrant[0]
                : new ReferenceGrant[] {grant(grantNamespace, List.of(new ReferenceGrant.From(group, kind, fromNamespace)),
                        toName)};
        Cluster c = gatewayCluster(List.of(), g, route, grants);

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        // the same-namespace backend is followed whatever the grants
        assertThat(r.paths()).extracting(p -> p.workload().toString())
                .isEqualTo(accepted ? List.of("backend/api", "apps/web") : List.of("apps/web"));
        if (accepted) {
            assertThat(r.warnings()).isEmpty();
        } else {
            assertThat(r.warnings()).containsExactly("HTTPRoute apps/r: spec.rules[0].backendRefs[0]: Service backend/api"
                    + " is in another namespace and no ReferenceGrant of backend permits HTTPRoutes of apps to reach it;"
                    + " the backend is refused");
        }
    }

    @Test
    void referenceGrant_toAnotherKindOrGroup_doesNotCount() {
        Gateway g = gateway("gw", "g", listener("http", 80, "HTTP", "All", null));
        Route route = gatewayRoute("HTTPRoute", "apps", "r", List.of(parent("gw", "g", "", 0)),
                backendRef(0, "backend", "api", 80));
        List<ReferenceGrant.From> from = List.of(new ReferenceGrant.From("gateway.networking.k8s.io", "HTTPRoute", "apps"));
        ReferenceGrant secret = new ReferenceGrant("backend", "g1", from, List.of(new ReferenceGrant.To("", "Secret", "")),
                Source.UNKNOWN);
        ReferenceGrant group = new ReferenceGrant("backend", "g2", from,
                List.of(new ReferenceGrant.To("apps", "Service", "")), Source.UNKNOWN);

        assertThat(EntrancePaths.resolve(gatewayCluster(List.of(), g, route, secret, group)).paths()).isEmpty();
    }

    @Test
    void ingressAndOpenShiftRoute_needNoGatewayNorGrant() {
        Workload web = app("default", "web", tcp("http", 8080));
        Cluster c = cluster(List.of(web), List.of(service("default", "web", servicePort("http", 80, "8080"))),
                ingress("default", "in", "web:80"), openShiftRoute("default", "r", "web", RouteBackend.BackendPort.ANY));

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).extracting(p -> p.route().kind()).containsExactly("Ingress", "Route");
        assertThat(r.warnings()).isEmpty();
    }

    // 4. External exposure

    @ParameterizedTest(name = "{0} externalIPs {1}: {2} external paths")
    @CsvSource({
        "ClusterIP,    false, 0",
        "ClusterIP,    true,  4",
        "NodePort,     false, 4",
        "LoadBalancer, false, 4",
        "LoadBalancer, true,  4",
        "ExternalName, true,  0",
    })
    void externalService_exposesEveryPodOnEveryPort(String type, boolean externalIps, int count) {
        Workload web = workload("default", "web",
                pod("default", "web-1", Labels.of("app", "web"), tcp("http", 8080)),
                pod("default", "web-2", Labels.of("app", "web"), tcp("http", 8081)));
        Service s = new Service("default", "web", type, Labels.of("app", "web"),
                List.of(servicePort("http", 80, "http"), servicePort("admin", 81, "9000")),
                externalIps ? List.of("203.0.113.7") : List.of(), Source.UNKNOWN);
        Cluster c = cluster(List.of(), List.of(web), List.of(s), List.of(), List.of(), List.of());

        EntrancePaths.Result r = EntrancePaths.resolve(c);

        assertThat(r.paths()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.external()).extracting(x -> x.pod().name() + ":" + x.servicePort().name() + " " + x.protocol()
                + " " + x.port()).isEqualTo(count == 0 ? List.of() : List.of("web-1:http TCP 8080", "web-2:http TCP 8081",
                        "web-1:admin TCP 9000", "web-2:admin TCP 9000"));
        r.external().forEach(x -> assertThat(x.service()).isSameAs(s));
    }
}
