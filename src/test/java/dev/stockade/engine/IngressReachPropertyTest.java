package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.Entrances;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * The analysis's {@value IngressController#ID} connections on random small clusters
 * ({@link ClusterGenerator}) with random Services, Ingress and OpenShift Route backends and a
 * random controller, against an obvious evaluator written here: every route backend, every
 * Service port, every pod the Service selects and every controller pod, each flow asked of
 * {@link Explainer} directly.
 */
class IngressReachPropertyTest {
    private static final List<String> SERVICE_PORT_NAMES = List.of("", "web", "dns");
    private static final List<String> TYPES = List.of(Service.CLUSTER_IP, Service.CLUSTER_IP, Service.CLUSTER_IP,
            Service.NODE_PORT, Service.LOAD_BALANCER, Service.EXTERNAL_NAME);
    private static final List<String> CONTROLLER_NAMESPACES = List.of("a", "b", "c", "ingress-nginx");

    private record PortSpec(String name, Protocol protocol, int port, String target) {}

    /** {@code ofWorkload} >= 0: in that workload's namespace, selecting its first pod's labels. */
    private record ServiceSpec(int namespace, int ofWorkload, String type, Labels selector, List<PortSpec> ports) {}

    private record BackendSpec(int service, RouteBackend.BackendPort.Kind kind, String value) {}

    private record RouteSpec(boolean ingress, int namespace, List<BackendSpec> backends) {}

    private record Input(Cluster cluster, IngressController controller) {
        @Override
        public String toString() {
            return "controller " + controller + "\n" + ClusterText.describe(cluster) + "\nservices "
                    + cluster.entrances().services().stream().map(s -> s + " " + s.type() + " " + s.selector() + " "
                            + s.ports()).toList() + "\nroutes " + cluster.entrances().routes().stream()
                    .map(r -> r + " " + r.backends()).toList();
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Labels> selector = Arbitraries.of("app", "env", "tier").flatMap(k -> Arbitraries.of("x", "y")
                .map(v -> new String[] {k, v})).list().ofMaxSize(2)
                .withSizeDistribution(RandomDistribution.biased()).map(kvs -> {
                    TreeMap<String, String> m = new TreeMap<>();
                    kvs.forEach(kv -> m.put(kv[0], kv[1]));
                    return Labels.of(m);
                });
        Arbitrary<String> number = Arbitraries.of(ClusterGenerator.PORT_NUMBERS).map(String::valueOf);
        Arbitrary<PortSpec> port = Combinators.combine(Arbitraries.of(SERVICE_PORT_NAMES),
                Arbitraries.frequency(Tuple.of(6, Protocol.TCP), Tuple.of(3, Protocol.UDP), Tuple.of(1, Protocol.SCTP)),
                Arbitraries.of(80, 443, 8080), Arbitraries.frequencyOf(Tuple.of(2, number),
                        Tuple.of(1, Arbitraries.of(ClusterGenerator.PORT_NAMES))))
                .as(PortSpec::new);
        Arbitrary<ServiceSpec> service = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-1, 5), Arbitraries.of(TYPES), selector,
                port.list().ofMinSize(1).ofMaxSize(3)).as(ServiceSpec::new);
        // a backend's Service: one of those generated (modulo their number), or 4: one absent from the input
        Arbitrary<BackendSpec> ingressBackend = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.just(RouteBackend.BackendPort.Kind.SERVICE_PORT),
                Arbitraries.oneOf(Arbitraries.of("80", "443", "8080", "53"), Arbitraries.of(SERVICE_PORT_NAMES)))
                .as(BackendSpec::new);
        Arbitrary<BackendSpec> routeBackend = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.of(RouteBackend.BackendPort.Kind.TARGET_PORT, RouteBackend.BackendPort.Kind.ANY),
                Arbitraries.oneOf(number, Arbitraries.of(SERVICE_PORT_NAMES)))
                .as(BackendSpec::new);
        Arbitrary<RouteSpec> route = Arbitraries.of(true, false).flatMap(ingress -> Combinators.combine(
                Arbitraries.integers().between(0, 2),
                (ingress ? ingressBackend : routeBackend).list().ofMinSize(1).ofMaxSize(ingress ? 3 : 1))
                .as((ns, backends) -> new RouteSpec(ingress, ns, backends)));
        Arbitrary<IngressController> controller = Combinators.combine(Arbitraries.of(CONTROLLER_NAMESPACES), selector)
                .as((ns, labels) -> new IngressController(ns, LabelSelector.matchLabels(labels.map())));
        return Combinators.combine(ClusterGenerator.clusters(), service.list().ofMinSize(1).ofMaxSize(4),
                route.list().ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform()),
                controller).as(IngressReachPropertyTest::build);
    }

    private static Input build(Cluster base, List<ServiceSpec> serviceSpecs, List<RouteSpec> routeSpecs,
                               IngressController controller) {
        // Services live in the cluster's namespaces; a route in the namespace of its first backend's
        // Service (when there is one), so that most backends are found
        List<String> ns = base.namespaces().stream().map(dev.stockade.model.Namespace::name).toList();
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < serviceSpecs.size(); i++) {
            ServiceSpec s = serviceSpecs.get(i);
            List<ServicePort> ports = s.ports().stream().map(p -> new ServicePort(p.name(), p.protocol(), p.port(),
                    p.target(), 0, Source.UNKNOWN)).toList();
            Workload w = s.ofWorkload() < 0 ? null : base.workloads().get(s.ofWorkload() % base.workloads().size());
            services.add(new Service(w == null ? ns.get(s.namespace() % ns.size()) : w.namespace(), "s" + i, s.type(),
                    w == null ? s.selector() : w.pods().get(0).labels(), ports, List.of(), Source.UNKNOWN));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < routeSpecs.size(); i++) {
            RouteSpec r = routeSpecs.get(i);
            int first = r.backends().get(0).service();
            String namespace = first < 4 ? services.get(first % services.size()).namespace()
                    : ns.get(r.namespace() % ns.size());
            List<RouteBackend> backends = new ArrayList<>();
            for (int k = 0; k < r.backends().size(); k++) {
                BackendSpec b = r.backends().get(k);
                backends.add(new RouteBackend(namespace, b.service() < 4 ? "s" + b.service() % services.size() : "absent", new RouteBackend.BackendPort(b.kind(),
                        b.kind() == RouteBackend.BackendPort.Kind.ANY ? "" : b.value()), "backend[" + k + "]",
                        Source.UNKNOWN));
            }
            routes.add(new Route(r.ingress() ? "Ingress" : "Route", namespace, "r" + i, List.of(), backends,
                    Source.UNKNOWN));
        }
        return new Input(base.withEntrances(new Entrances(services, routes, List.of(), List.of())), controller);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void analyze_controllerConnections_agreeWithTheObviousEvaluator(@ForAll("inputs") Input input) {
        AnalysisOptions options = new AnalysisOptions(true, input.controller());
        Cluster cluster = input.cluster();

        Connectivity result = new Analyzer(options).analyze(cluster);

        Map<String, PortSet> observed = new LinkedHashMap<>();
        boolean listed = false;
        for (Endpoint e : result.endpoints()) {
            listed |= e instanceof Endpoint.ControllerEndpoint;
        }
        for (Connection c : result.connections()) {
            if (c.src() instanceof Endpoint.ControllerEndpoint) {
                observed.merge(c.dst().id(), c.allowed(), PortSet::union);
            }
        }
        Map<String, PortSet> expected = obvious(cluster, options);
        boolean routes = !cluster.entrances().routes().isEmpty();
        if (listed != routes) {
            throw new AssertionError("controller listed " + listed + " with routes " + routes + "\n" + input);
        }
        if (routes && !(result.endpoints().getLast() instanceof Endpoint.ControllerEndpoint)) {
            throw new AssertionError("controller not last: " + result.endpoints());
        }
        if (!observed.equals(expected)) {
            throw new AssertionError("expected " + expected + "\nobserved " + observed + "\n" + input);
        }
    }

    /** Every route backend × Service port × selected pod × controller pod, decided one by one. */
    private static Map<String, PortSet> obvious(Cluster cluster, AnalysisOptions options) {
        IngressController controller = options.ingressController();
        List<Target.PodTarget> controllerPods = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                if (w.namespace().equals(controller.namespace()) && subset(controller.pods().matchLabels(), p.labels())) {
                    controllerPods.add(new Target.PodTarget(w, p));
                }
            }
        }
        if (controllerPods.isEmpty()) {
            Pod assumed = new Pod(controller.namespace(), "assumed", Labels.of(controller.pods().matchLabels()),
                    List.of(), List.of(), false, Source.UNKNOWN);
            controllerPods.add(new Target.PodTarget(new Workload("IngressController", controller.namespace(),
                    "assumed", List.of(assumed), Source.UNKNOWN), assumed));
        }
        Explainer explainer = new Explainer(cluster, options);
        Map<String, PortSet> open = new TreeMap<>();
        for (Route r : cluster.entrances().routes()) {
            for (RouteBackend b : r.backends()) {
                Service s = cluster.entrances().services().stream()
                        .filter(x -> x.namespace().equals(b.namespace()) && x.name().equals(b.service()))
                        .findFirst().orElse(null);
                if (s == null || s.selector().map().isEmpty() || s.type().equals(Service.EXTERNAL_NAME)) {
                    continue;
                }
                String value = b.port().value();
                boolean number = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
                for (ServicePort sp : s.ports()) {
                    boolean named = switch (b.port().kind()) {
                        case ANY -> true;
                        case SERVICE_PORT -> number ? value.equals(String.valueOf(sp.port())) : value.equals(sp.name());
                        case TARGET_PORT -> number || value.equals(sp.name());
                    };
                    if (!named) {
                        continue;
                    }
                    for (Workload w : cluster.workloads()) {
                        if (!w.namespace().equals(s.namespace())) {
                            continue;
                        }
                        for (Pod pod : w.pods()) {
                            if (!subset(s.selector().map(), pod.labels())) {
                                continue;
                            }
                            Integer target = target(sp, pod);
                            if (target == null || (b.port().kind() == RouteBackend.BackendPort.Kind.TARGET_PORT
                                    && number && target != Integer.parseInt(value))) {
                                continue;
                            }
                            for (Target.PodTarget c : controllerPods) {
                                if (explainer.explain(c, new Target.PodTarget(w, pod), sp.protocol(), target).allowed()) {
                                    open.merge(w.toString(), PortSet.of(sp.protocol(), target), PortSet::union);
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
        return open;
    }

    private static Integer target(ServicePort sp, Pod pod) {
        String t = sp.targetPort();
        if (t.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 65535 ? n : null;
        }
        for (ContainerPort c : pod.ports()) {
            if (c.name().equals(t) && c.protocol() == sp.protocol()) {
                return c.port();
            }
        }
        return null;
    }

    private static boolean subset(Map<String, String> selector, Labels labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.map().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
