package dev.stockade.engine;

import dev.stockade.model.ContainerPort;
import dev.stockade.model.Gateway;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.ParentRef;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Small builders of clusters with entrances (Services, routes, Gateways), written in code. */
public final class EntranceFixtures {
    private EntranceFixtures() {}

    public static Namespace namespace(String name, String... labels) {
        return Namespace.of(name, Labels.of(labels), Source.UNKNOWN);
    }

    public static Pod pod(String namespace, String name, Labels labels, ContainerPort... ports) {
        return Pod.of(namespace, name, labels, ports);
    }

    public static ContainerPort tcp(String name, int port) {
        return new ContainerPort(name, port, Protocol.TCP);
    }

    public static Workload workload(String namespace, String name, Pod... pods) {
        return new Workload("Deployment", namespace, name, List.of(pods), Source.UNKNOWN);
    }

    /** A Deployment of one pod labelled {@code app=NAME}. */
    public static Workload app(String namespace, String name, ContainerPort... ports) {
        return workload(namespace, name, pod(namespace, name, Labels.of("app", name), ports));
    }

    public static ServicePort servicePort(String name, int port, String targetPort) {
        return new ServicePort(name, Protocol.TCP, port, targetPort, 0, Source.UNKNOWN);
    }

    public static ServicePort servicePort(String name, Protocol protocol, int port, String targetPort) {
        return new ServicePort(name, protocol, port, targetPort, 0, Source.UNKNOWN);
    }

    public static Service service(String namespace, String name, String type, Labels selector, ServicePort... ports) {
        return new Service(namespace, name, type, selector, List.of(ports), List.of(), Source.UNKNOWN);
    }

    /** A ClusterIP Service selecting {@code app=NAME}. */
    public static Service service(String namespace, String name, ServicePort... ports) {
        return service(namespace, name, Service.CLUSTER_IP, Labels.of("app", name), ports);
    }

    public static RouteBackend.BackendPort servicePortRef(String value) {
        return new RouteBackend.BackendPort(RouteBackend.BackendPort.Kind.SERVICE_PORT, value);
    }

    public static RouteBackend.BackendPort targetPortRef(String value) {
        return new RouteBackend.BackendPort(RouteBackend.BackendPort.Kind.TARGET_PORT, value);
    }

    /** An Ingress whose backends are written at {@code spec.rules[0].http.paths[i].backend}. */
    public static Route ingress(String namespace, String name, RouteBackend... backends) {
        return new Route("Ingress", namespace, name, List.of(), List.of(backends), Source.UNKNOWN);
    }

    /** A backend of an Ingress: {@code service} of the same namespace, port by number or name. */
    public static RouteBackend ingressBackend(String namespace, int index, String service, String port) {
        return new RouteBackend(namespace, service, servicePortRef(port),
                "spec.rules[0].http.paths[" + index + "].backend", Source.UNKNOWN);
    }

    /** Ingress {@code NAMESPACE/NAME} with one backend per {@code service:port} argument. */
    public static Route ingress(String namespace, String name, String... servicePorts) {
        List<RouteBackend> backends = new ArrayList<>();
        for (int i = 0; i < servicePorts.length; i++) {
            String[] sp = servicePorts[i].split(":");
            backends.add(ingressBackend(namespace, i, sp[0], sp[1]));
        }
        return new Route("Ingress", namespace, name, List.of(), backends, Source.UNKNOWN);
    }

    /** An OpenShift Route to one Service. */
    public static Route openShiftRoute(String namespace, String name, String service, RouteBackend.BackendPort port) {
        return new Route("Route", namespace, name, List.of(),
                List.of(new RouteBackend(namespace, service, port, "spec.to", Source.UNKNOWN)), Source.UNKNOWN);
    }

    public static ParentRef parent(String namespace, String gateway, String sectionName, int port) {
        return new ParentRef(namespace, gateway, sectionName, port, Source.UNKNOWN);
    }

    /** A Gateway API route of {@code kind} with backendRefs at {@code spec.rules[0].backendRefs[i]}. */
    public static Route gatewayRoute(String kind, String namespace, String name, List<ParentRef> parents,
                                     RouteBackend... backends) {
        return new Route(kind, namespace, name, parents, List.of(backends), Source.UNKNOWN);
    }

    public static RouteBackend backendRef(int index, String namespace, String service, int port) {
        return new RouteBackend(namespace, service, servicePortRef(Integer.toString(port)),
                "spec.rules[0].backendRefs[" + index + "]", Source.UNKNOWN);
    }

    public static Gateway.Listener listener(String name, int port, String protocol, String from,
                                            LabelSelector selector, String... kinds) {
        return new Gateway.Listener(name, port, protocol, from, selector, List.of(kinds), Source.UNKNOWN);
    }

    public static Gateway gateway(String namespace, String name, Gateway.Listener... listeners) {
        return new Gateway(namespace, name, "nginx", List.of(listeners), Source.UNKNOWN);
    }

    // policies

    /** Denies every ingress to the pods of {@code namespace}. */
    public static NetworkPolicy denyIngress(String namespace) {
        return new NetworkPolicy(namespace, "deny-ingress", LabelSelector.all(), Set.of(PolicyType.Ingress), List.of(),
                List.of(), Source.UNKNOWN);
    }

    /** Denies every egress from the pods of {@code namespace}. */
    public static NetworkPolicy denyEgress(String namespace) {
        return new NetworkPolicy(namespace, "deny-egress", LabelSelector.all(), Set.of(PolicyType.Egress), List.of(),
                List.of(), Source.UNKNOWN);
    }

    /** Admits ingress to every pod of {@code namespace} from {@code peer} on the TCP ports given. */
    public static NetworkPolicy allowIngress(String namespace, String name, Peer peer, int... ports) {
        List<PolicyPort> ps = Arrays.stream(ports).mapToObj(p -> (PolicyPort) PolicyPort.PortRange.of(Protocol.TCP, p))
                .toList();
        PolicyRule rule = new PolicyRule(List.of(peer), ps, Source.UNKNOWN);
        return new NetworkPolicy(namespace, name, LabelSelector.all(), Set.of(PolicyType.Ingress), List.of(rule),
                List.of(), Source.UNKNOWN);
    }

    /** {@code namespaceSelector: kubernetes.io/metadata.name=NAMESPACE}. */
    public static Peer fromNamespace(String namespace) {
        return new Peer.NamespaceSelectorPeer(LabelSelector.matchLabels(Namespace.NAME_LABEL, namespace), Source.UNKNOWN);
    }

    /** {@code namespaceSelector: kubernetes.io/metadata.name=NAMESPACE} and {@code podSelector: LABELS}. */
    public static Peer fromNamespacePods(String namespace, String... podLabels) {
        return new Peer.NamespacePodSelectorPeer(LabelSelector.matchLabels(Namespace.NAME_LABEL, namespace),
                LabelSelector.matchLabels(podLabels), Source.UNKNOWN);
    }
}
