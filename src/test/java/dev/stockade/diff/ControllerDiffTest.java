package dev.stockade.diff;

import static dev.stockade.engine.EntranceFixtures.allowIngress;
import static dev.stockade.engine.EntranceFixtures.app;
import static dev.stockade.engine.EntranceFixtures.denyIngress;
import static dev.stockade.engine.EntranceFixtures.fromNamespacePods;
import static dev.stockade.engine.EntranceFixtures.ingress;
import static dev.stockade.engine.EntranceFixtures.pod;
import static dev.stockade.engine.EntranceFixtures.service;
import static dev.stockade.engine.EntranceFixtures.servicePort;
import static dev.stockade.engine.EntranceFixtures.tcp;
import static dev.stockade.engine.EntranceFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.IngressController;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Cluster;
import dev.stockade.model.Entrances;
import dev.stockade.model.Labels;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Protocol;
import dev.stockade.model.Route;
import dev.stockade.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Differ}: the ingress controller's pairs, when a route or a policy changes what it reaches. */
class ControllerDiffTest {
    private static final Workload WEB = app("default", "web", tcp("http", 8080), tcp("admin", 9090));
    private static final Workload API = app("default", "api", tcp("http", 8080));
    private static final Workload CONTROLLER = workload("ingress-nginx", "controller",
            pod("ingress-nginx", "controller", Labels.of("app", "ctl")));

    /** web (Service ports 80 -> 8080, 90 -> 9090) and api (80 -> 8080) behind the routes given. */
    private static Cluster cluster(List<Route> routes, NetworkPolicy... policies) {
        return Cluster.of(List.of(), List.of(WEB, API, CONTROLLER), List.of(policies)).withEntrances(new Entrances(
                List.of(service("default", "web", servicePort("http", 80, "http"), servicePort("admin", 90, "9090")),
                        service("default", "api", servicePort("", 80, "8080"))),
                routes, List.of(), List.of()));
    }

    private static NetworkPolicy allowController(int... ports) {
        return allowIngress("default", "allow-controller", fromNamespacePods("ingress-nginx", "app", "ctl"), ports);
    }

    private static List<PairChange> controllerChanges(ConnectivityDiff d) {
        return d.changes().stream().filter(c -> c.src() instanceof Endpoint.ControllerEndpoint).toList();
    }

    @Test
    void diff_ingressBackendRemoved_closesTheControllerPair() {
        Cluster before = cluster(List.of(ingress("default", "in", "web:80", "api:80")));
        Cluster after = cluster(List.of(ingress("default", "in", "web:80")));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(d.changes()).extracting(PairChange::toString)
                .containsExactly("- {ingress-controller} => default/api : TCP 8080");
        PairChange c = d.changes().get(0);
        assertThat(c.kind()).isEqualTo(PairChange.Kind.REMOVED);
        assertThat(c.before()).isEqualTo(PortSet.of(Protocol.TCP, 8080));
        assertThat(c.after()).isEqualTo(PortSet.EMPTY);
        assertThat(c.src().id()).isEqualTo(IngressController.ID);
        assertThat(c.src().kind()).isEqualTo(IngressController.KIND);
        assertThat(d.endpoints()).extracting(Endpoint::id).containsExactly("default/api", "{ingress-controller}");
        assertThat(d.workloadsAdded()).isEmpty();
        assertThat(d.workloadsRemoved()).isEmpty();
        assertThat(c.witnesses()).singleElement().satisfies(w -> {
            assertThat(w).hasToString("TCP 8080");
            assertThat(w.opened()).isFalse();
        });
    }

    @Test
    void diff_ingressBackendAdded_opensTheControllerPair() {
        Cluster before = cluster(List.of(ingress("default", "in", "web:80")));
        Cluster after = cluster(List.of(ingress("default", "in", "web:80", "web:admin")));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(d.changes()).extracting(PairChange::toString)
                .containsExactly("~ {ingress-controller} => default/web : TCP 8080 -> TCP 8080,9090");
        assertThat(d.changes().get(0).opened()).isEqualTo(PortSet.of(Protocol.TCP, 9090));
    }

    @Test
    void diff_policyNarrowed_listsTheControllerPairWithBeforeAndAfterPorts() {
        List<Route> routes = List.of(ingress("default", "in", "web:80", "web:admin", "api:80"));
        Cluster before = cluster(routes, denyIngress("default"), allowController(8080, 9090));
        Cluster after = cluster(routes, denyIngress("default"), allowController(8080));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        List<PairChange> controller = controllerChanges(d);
        assertThat(controller).extracting(PairChange::toString)
                .containsExactly("~ {ingress-controller} => default/web : TCP 8080,9090 -> TCP 8080");
        PairChange c = controller.get(0);
        assertThat(c.closed()).isEqualTo(PortSet.of(Protocol.TCP, 9090));
        // the witness is the closed port, decided from the controller's pod in both versions
        assertThat(c.witnesses()).singleElement().satisfies(w -> {
            assertThat(w).hasToString("TCP 9090");
            assertThat(w.opened()).isFalse();
            assertThat(w.before().allowed()).isTrue();
            assertThat(w.after().allowed()).isFalse();
        });
        // the controller's pairs come after every other pair
        assertThat(d.changes().get(d.changes().size() - 1)).isSameAs(c);
        assertThat(d.endpoints().get(d.endpoints().size() - 1)).isInstanceOf(Endpoint.ControllerEndpoint.class);
    }

    @Test
    void diff_policyClosingEverything_removesEveryControllerPair() {
        List<Route> routes = List.of(ingress("default", "in", "web:80", "api:80"));
        Cluster before = cluster(routes);
        Cluster after = cluster(routes, denyIngress("default"));

        List<PairChange> controller = controllerChanges(Differ.diff(before, after, AnalysisOptions.DEFAULT));

        assertThat(controller).extracting(PairChange::toString).containsExactly(
                "- {ingress-controller} => default/api : TCP 8080",
                "- {ingress-controller} => default/web : TCP 8080");
    }

    @Test
    void diff_noControllerChange_doesNotListTheController() {
        List<Route> routes = List.of(ingress("default", "in", "web:80"));
        // api loses its ingress from everywhere; no route goes to api
        NetworkPolicy denyApi = new NetworkPolicy("default", "deny-api",
                dev.stockade.model.LabelSelector.matchLabels("app", "api"),
                java.util.Set.of(dev.stockade.model.PolicyType.Ingress), List.of(), List.of(),
                dev.stockade.model.Source.UNKNOWN);

        ConnectivityDiff d = Differ.diff(cluster(routes), cluster(routes, denyApi), AnalysisOptions.DEFAULT);

        assertThat(d.changes()).isNotEmpty();
        assertThat(controllerChanges(d)).isEmpty();
        assertThat(d.endpoints()).noneMatch(e -> e instanceof Endpoint.ControllerEndpoint);
    }

    @Test
    void diff_routesOnlyAfter_listsTheControllerPairsAsAdded() {
        Cluster before = cluster(List.of());
        Cluster after = cluster(List.of(ingress("default", "in", "web:80")));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(d.changes()).extracting(PairChange::toString)
                .containsExactly("+ {ingress-controller} => default/web : TCP 8080");
    }
}
