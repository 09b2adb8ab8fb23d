package dev.stockade.engine;

import static dev.stockade.engine.EntranceFixtures.allowIngress;
import static dev.stockade.engine.EntranceFixtures.app;
import static dev.stockade.engine.EntranceFixtures.denyEgress;
import static dev.stockade.engine.EntranceFixtures.denyIngress;
import static dev.stockade.engine.EntranceFixtures.fromNamespace;
import static dev.stockade.engine.EntranceFixtures.fromNamespacePods;
import static dev.stockade.engine.EntranceFixtures.ingress;
import static dev.stockade.engine.EntranceFixtures.pod;
import static dev.stockade.engine.EntranceFixtures.service;
import static dev.stockade.engine.EntranceFixtures.servicePort;
import static dev.stockade.engine.EntranceFixtures.tcp;
import static dev.stockade.engine.EntranceFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.model.Entrances;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Protocol;
import dev.stockade.model.Route;
import dev.stockade.model.Service;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IngressReach} and {@link IngressController}: routes judged as flows from the controller's pods; the analysis's controller endpoint. */
class IngressReachTest {
    private static final Workload WEB = app("default", "web", tcp("http", 8080), tcp("admin", 9090));
    private static final Workload API = app("default", "api", tcp("http", 8080));
    private static final Workload CONTROLLER = workload("ingress-nginx", "controller",
            pod("ingress-nginx", "controller-1", Labels.of("app", "ctl")),
            pod("ingress-nginx", "controller-2", Labels.of("app", "ctl")));

    private static AnalysisOptions options(String controller) {
        return new AnalysisOptions(true, IngressController.parse(controller).orElseThrow());
    }

    /** web (and api) behind one Ingress on Service port 80 (-> 8080), with the policies given. */
    private static Cluster cluster(boolean controllerPresent, NetworkPolicy... policies) {
        List<Workload> workloads = new ArrayList<>(List.of(WEB, API));
        if (controllerPresent) {
            workloads.add(CONTROLLER);
        }
        return Cluster.of(List.of(), workloads, List.of(policies)).withEntrances(new Entrances(
                List.of(service("default", "web", servicePort("http", 80, "http")),
                        service("default", "api", servicePort("", 80, "8080"))),
                List.of(ingress("default", "in", "web:80")), List.of(), List.of()));
    }

    private static Peer peer(String kind) {
        return kind.equals("ns") ? fromNamespace("ingress-nginx") : fromNamespacePods("ingress-nginx", "app", "ctl");
    }

    // 5. controller present or assumed, against the backend's policies

    @ParameterizedTest(name = "controller {0} present {1}, allow {2} on {3}: open {4}")
    @CsvSource({
        "ingress-nginx,            true,  ns,     8080, true",
        "ingress-nginx,            true,  ns,     9090, false",
        "ingress-nginx,            true,  ns+pod, 8080, true",
        "ingress-nginx,            true,  ns+pod, 9090, false",
        "ingress-nginx,            false, ns,     8080, true",
        "ingress-nginx,            false, ns,     9090, false",
        "ingress-nginx,            false, ns+pod, 8080, false", // assumed pod without labels
        "ingress-nginx:app=ctl,    true,  ns+pod, 8080, true",
        "ingress-nginx:app=ctl,    false, ns+pod, 8080, true",  // assumed pod labelled app=ctl
        "ingress-nginx:app=ctl,    false, ns+pod, 9090, false",
        "ingress-nginx:app=other,  true,  ns+pod, 8080, false", // no pod matches: assumed, labelled app=other
        "ingress-nginx:app=other,  true,  ns,     8080, true",
        "'ingress-nginx:app=ctl,tier=edge', false, ns+pod, 8080, true",
    })
    void reach_backendIngressPolicies_judgeTheControllerPods(String controller, boolean present, String peerKind,
                                                             int allowedPort, boolean open) {
        AnalysisOptions options = options(controller);
        Cluster c = cluster(present, denyIngress("default"), allowIngress("default", "allow-controller",
                peer(peerKind), allowedPort));

        IngressReach.Result r = IngressReach.of(c, options);

        assertThat(r.entries()).hasSize(1);
        IngressReach.Entry e = r.entries().get(0);
        assertThat(e.path().workload()).isEqualTo(WEB);
        assertThat(e.path().port()).isEqualTo(8080);
        assertThat(e.open()).isEqualTo(open);
        assertThat(r.open()).isEqualTo(open ? Map.of(WEB, PortSet.of(Protocol.TCP, 8080)) : Map.of());
        boolean assumed = !present || controller.endsWith("other");
        if (assumed) {
            assertThat(r.warnings()).containsExactly(options.ingressController().assumedWarning());
            assertThat(e.verdict().source()).isInstanceOfSatisfying(Target.PodTarget.class, t -> {
                assertThat(t.pod().namespace()).isEqualTo("ingress-nginx");
                assertThat(t.workload().kind()).isEqualTo(IngressController.KIND);
            });
        } else {
            assertThat(r.warnings()).isEmpty();
            assertThat(e.verdict().source()).isInstanceOfSatisfying(Target.PodTarget.class,
                    t -> assertThat(t.workload()).isEqualTo(CONTROLLER));
        }
    }

    @Test
    void reach_openThroughOneControllerPodOnly_isOpenWithThatPodsVerdict() {
        Workload controller = workload("ingress-nginx", "controller",
                pod("ingress-nginx", "canary", Labels.of("app", "canary")),
                pod("ingress-nginx", "main", Labels.of("app", "ctl")));
        Cluster c = Cluster.of(List.of(), List.of(WEB, controller), List.of(denyIngress("default"),
                allowIngress("default", "allow", fromNamespacePods("ingress-nginx", "app", "ctl"), 8080)))
                .withEntrances(new Entrances(List.of(service("default", "web", servicePort("", 80, "8080"))),
                        List.of(ingress("default", "in", "web:80")), List.of(), List.of()));

        IngressReach.Entry e = IngressReach.of(c, AnalysisOptions.DEFAULT).entries().get(0);

        assertThat(e.open()).isTrue();
        assertThat(((Target.PodTarget) e.verdict().source()).pod().name()).isEqualTo("main");
    }

    @ParameterizedTest(name = "controller present {0}")
    @CsvSource({"true", "false"})
    void reach_controllerNamespaceEgressDenied_closesIt(boolean present) {
        Cluster c = cluster(present, denyEgress("ingress-nginx"));

        IngressReach.Result r = IngressReach.of(c, AnalysisOptions.DEFAULT);

        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.open()).isFalse();
            assertThat(e.verdict().egress().allowed()).isFalse();
            assertThat(e.verdict().ingress().allowed()).isTrue();
        });
        assertThat(r.open()).isEmpty();
    }

    @Test
    void reach_withoutPolicies_opensTheRoutesPortsOnly() {
        IngressReach.Result r = IngressReach.of(cluster(true), AnalysisOptions.DEFAULT);

        assertThat(r.open()).isEqualTo(Map.of(WEB, PortSet.of(Protocol.TCP, 8080)));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void reach_noPath_hasNoControllerWarning() {
        Cluster c = Cluster.of(List.of(), List.of(WEB), List.of()).withEntrances(new Entrances(List.of(),
                List.of(ingress("default", "in", "web:80")), List.of(), List.of()));

        IngressReach.Result r = IngressReach.of(c, AnalysisOptions.DEFAULT);

        assertThat(r.entries()).isEmpty();
        assertThat(r.warnings()).containsExactly("Ingress default/in: spec.rules[0].http.paths[0].backend: Service"
                + " default/web is not in the input; the backend is not followed");
    }

    @Test
    void assumedWarning_text() {
        assertThat(IngressController.DEFAULT.assumedWarning()).isEqualTo("the ingress controller's pods are not in the"
                + " input: routes are judged as coming from one pod of namespace ingress-nginx without labels"
                + " (--ingress-controller NS:LABELS says which pods they are)");
        assertThat(IngressController.parse("router:app=ctl,tier=edge").orElseThrow().assumedWarning())
                .isEqualTo("the ingress controller's pods are not in the input: routes are judged as coming from one"
                        + " pod of namespace router labelled app=ctl,tier=edge (--ingress-controller NS:LABELS says"
                        + " which pods they are)");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ingress-nginx            | ingress-nginx {}",
        "openshift-ingress        | openshift-ingress {}",
        "ns:a=b                   | ns a=b",
        "ns:a=b,c=d               | ns a=b,c=d",
        "ns: a = b , c=d          | ns a=b,c=d",
        "ns:app.kubernetes.io/name=x | ns app.kubernetes.io/name=x",
        "a                        | a {}",
        "''                       | -",
        "Ingress                  | -",
        "-ns                      | -",
        "ns-                      | -",
        "ns_x                     | -",
        "ns:novalue               | -",
        "ns:                      | -",
        "ns:=b                    | -",
        ":a=b                     | -",
        "ns:a=b,                  | -",
        "ns:a=b,,c=d              | -",
    })
    void parse_acceptsNamespaceAndOptionalLabels(String text, String expected) {
        Optional<IngressController> c = IngressController.parse(text);

        if (expected.equals("-")) {
            assertThat(c).isEmpty();
        } else {
            assertThat(c).hasValueSatisfying(x -> assertThat(x.namespace() + " " + x.pods()).isEqualTo(expected));
        }
    }

    @Test
    void parse_namespaceOfSixtyFourCharacters_isRefused() {
        assertThat(IngressController.parse("a".repeat(63))).isPresent();
        assertThat(IngressController.parse("a".repeat(64))).isEmpty();
    }

    @Test
    void resolve_selectsPodsOfItsNamespaceOnly() {
        Workload elsewhere = workload("default", "ctl", pod("default", "ctl", Labels.of("app", "ctl")));
        Cluster c = Cluster.of(List.of(), List.of(elsewhere, CONTROLLER), List.of());

        IngressController.Pods pods = IngressController.parse("ingress-nginx:app=ctl").orElseThrow().resolve(c);

        assertThat(pods.assumed()).isFalse();
        assertThat(pods.targets()).extracting(t -> t.pod().name()).containsExactly("controller-1", "controller-2");

        IngressController.Pods none = IngressController.parse("kube-system:app=ctl").orElseThrow().resolve(c);
        assertThat(none.assumed()).isTrue();
        assertThat(none.targets()).singleElement().satisfies(t -> {
            assertThat(t.pod().namespace()).isEqualTo("kube-system");
            assertThat(t.pod().labels()).isEqualTo(Labels.of("app", "ctl"));
        });
    }

    // 6. Analyzer

    private static List<String> connections(Connectivity c) {
        return c.connections().stream().map(Connection::toString).toList();
    }

    private static List<String> controllerConnections(Connectivity c) {
        return c.connections().stream().filter(x -> x.src() instanceof Endpoint.ControllerEndpoint)
                .map(x -> x.dst().id() + " " + x.allowed()).toList();
    }

    @Test
    void analyze_withRoutes_listsTheControllerLastWithConnectionsOnOpenPorts() {
        // web: two routes (8080 by name, 9090 by number); api: one route, closed by the policy
        Cluster c = Cluster.of(List.of(), List.of(WEB, API, CONTROLLER), List.of(denyIngress("default"),
                allowIngress("default", "allow", fromNamespacePods("ingress-nginx", "app", "ctl"), 8080, 9090)))
                .withEntrances(new Entrances(
                        List.of(service("default", "web", servicePort("http", 80, "http"), servicePort("admin", 90, "9090")),
                                service("default", "api", Service.CLUSTER_IP, Labels.of("app", "api"),
                                        servicePort("", 80, "7070"))),
                        List.of(ingress("default", "in", "web:80", "web:admin", "api:80")), List.of(), List.of()));

        Connectivity result = new Analyzer(AnalysisOptions.DEFAULT).analyze(c);

        Endpoint last = result.endpoints().get(result.endpoints().size() - 1);
        assertThat(last.id()).isEqualTo("{ingress-controller}");
        assertThat(last.kind()).isEqualTo("IngressController");
        assertThat(result.endpoints()).filteredOn(e -> e instanceof Endpoint.ControllerEndpoint).hasSize(1);
        assertThat(controllerConnections(result)).containsExactly("default/web TCP 8080,9090");
        // the controller workload's own connections are those of any other workload
        assertThat(connections(result)).contains("ingress-nginx/controller => default/web : TCP 8080,9090");
    }

    @Test
    void analyze_routesReachingNothing_listTheControllerWithoutConnections() {
        Cluster c = Cluster.of(List.of(), List.of(WEB), List.of()).withEntrances(new Entrances(List.of(),
                List.of(ingress("default", "in", "web:80")), List.of(), List.of()));

        Connectivity result = new Analyzer(AnalysisOptions.DEFAULT).analyze(c);

        assertThat(result.endpoints().get(result.endpoints().size() - 1)).isInstanceOf(Endpoint.ControllerEndpoint.class);
        assertThat(controllerConnections(result)).isEmpty();
        assertThat(result.warnings()).contains("Ingress default/in: spec.rules[0].http.paths[0].backend: Service"
                + " default/web is not in the input; the backend is not followed");
    }

    @Test
    void analyze_assumedController_warns() {
        Connectivity result = new Analyzer(AnalysisOptions.DEFAULT).analyze(cluster(false));

        assertThat(result.warnings()).containsOnlyOnce(IngressController.DEFAULT.assumedWarning());
        assertThat(controllerConnections(result)).containsExactly("default/web TCP 8080");
    }

    @Test
    void analyze_withoutRoutes_isTheAnalysisWithoutEntrances() {
        Service external = new Service("default", "web", Service.LOAD_BALANCER, Labels.of("app", "web"),
                List.of(servicePort("", 80, "8080")), List.of("203.0.113.9"), dev.stockade.model.Source.UNKNOWN);
        NetworkPolicy[] policies = {denyIngress("default"), allowIngress("default", "allow", fromNamespace("ingress-nginx"),
                8080)};
        Cluster bare = Cluster.of(List.of(), List.of(WEB, API, CONTROLLER), List.of(policies));
        Cluster withServices = bare.withEntrances(new Entrances(List.of(external,
                service("default", "api", servicePort("", 80, "8080"))), List.of(), List.of(), List.of()));

        Connectivity a = new Analyzer(AnalysisOptions.DEFAULT).analyze(bare);
        Connectivity b = new Analyzer(AnalysisOptions.DEFAULT).analyze(withServices);

        assertThat(b.endpoints()).extracting(Endpoint::id).isEqualTo(a.endpoints().stream().map(Endpoint::id).toList());
        assertThat(b.endpoints()).noneMatch(e -> e instanceof Endpoint.ControllerEndpoint);
        assertThat(connections(b)).isEqualTo(connections(a));
        assertThat(b.warnings()).isEqualTo(a.warnings());
    }

    @Test
    void analyze_routeAdded_changesOnlyTheControllersConnections() {
        Cluster bare = cluster(true, denyIngress("default"));
        Cluster noRoutes = bare.withEntrances(new Entrances(bare.entrances().services(), List.<Route>of(), List.of(),
                List.of()));

        Connectivity with = new Analyzer(AnalysisOptions.DEFAULT).analyze(bare);
        Connectivity without = new Analyzer(AnalysisOptions.DEFAULT).analyze(noRoutes);

        assertThat(with.connections().stream().filter(x -> !(x.src() instanceof Endpoint.ControllerEndpoint))
                .map(Connection::toString).toList()).isEqualTo(connections(without));
        // the backend denies all ingress: the controller is listed, closed
        assertThat(controllerConnections(with)).isEmpty();
        assertThat(with.endpoints().subList(0, with.endpoints().size() - 1)).extracting(Endpoint::id)
                .isEqualTo(without.endpoints().stream().map(Endpoint::id).toList());
    }

    @Test
    void analyze_selectorExpressionsOfTheController_areNotPartOfTheAssumedPod() {
        IngressController c = new IngressController("ingress-nginx", new LabelSelector(
                new java.util.TreeMap<>(Map.of("app", "ctl")),
                List.of(new LabelSelector.Requirement("tier", LabelSelector.Operator.Exists, List.of()))));
        IngressController.Pods pods = c.resolve(cluster(false));

        assertThat(pods.assumed()).isTrue();
        assertThat(pods.targets().get(0).pod().labels()).isEqualTo(Labels.of("app", "ctl"));
    }
}
