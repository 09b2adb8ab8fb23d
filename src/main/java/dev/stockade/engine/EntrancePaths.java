package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.Gateway;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.ParentRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the entrances of the input down to pods and ports: each route through the Gateways
 * that accept it (Gateway API: a listener whose {@code sectionName}/{@code port} match, whose
 * {@code allowedRoutes} admit the route's namespace and kind), to the Services it names (in
 * another namespace only with a ReferenceGrant there), to the Service ports its backend names,
 * to the pods the Service selects and the port each receives on ({@code targetPort}: a number,
 * or the pod's container port of that name and protocol). Services of type NodePort or
 * LoadBalancer, or with external IPs, are followed the same way to the pods they expose.
 * Whatever cannot be followed from the input is said in a warning, never guessed.
 */
public final class EntrancePaths {
    /** A route reaches {@code pod} of {@code workload} on {@code protocol}/{@code port} through a Service port. */
    public record Path(Route route, RouteBackend backend, Service service, ServicePort servicePort,
                       Workload workload, Pod pod, Protocol protocol, int port) {
        /** Whether the path ends at {@code t}'s pod. */
        public boolean reaches(Target t) {
            return t instanceof Target.PodTarget pt && pt.pod().equals(pod) && pt.workload().equals(workload);
        }
    }

    /** A NodePort or LoadBalancer Service (or one with external IPs) exposes {@code pod} on {@code port}. */
    public record ExternalPath(Service service, ServicePort servicePort, Workload workload, Pod pod,
                               Protocol protocol, int port) {}

    /** Every path, in input order, and what could not be followed. */
    public record Result(List<Path> paths, List<ExternalPath> external, List<String> warnings) {
        public Result {
            paths = List.copyOf(paths);
            external = List.copyOf(external);
            warnings = List.copyOf(warnings);
        }

        /** The paths to one of {@code destinations} on {@code protocol}/{@code port}. */
        public List<Path> leadingTo(List<? extends Target> destinations, Protocol protocol, int port) {
            return paths.stream().filter(p -> p.protocol() == protocol && p.port() == port
                    && destinations.stream().anyMatch(p::reaches)).toList();
        }
    }

    private final Cluster cluster;
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Gateway> gateways = new HashMap<>();
    private final Map<String, Labels> namespaceLabels = new HashMap<>();
    private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    private EntrancePaths(Cluster cluster) {
        this.cluster = cluster;
        cluster.entrances().services().forEach(s -> services.put(s.namespace() + "/" + s.name(), s));
        cluster.entrances().gateways().forEach(g -> gateways.put(g.namespace() + "/" + g.name(), g));
        cluster.namespaces().forEach(n -> namespaceLabels.put(n.name(), n.labels()));
        cluster.workloads().forEach(w -> workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w));
    }

    public static Result resolve(Cluster cluster) {
        EntrancePaths p = new EntrancePaths(cluster);
        List<Path> paths = new ArrayList<>();
        for (Route r : cluster.entrances().routes()) {
            if (r.gatewayApi() && !p.accepted(r)) {
                continue;
            }
            for (RouteBackend b : r.backends()) {
                p.follow(r, b, paths);
            }
        }
        List<ExternalPath> external = new ArrayList<>();
        for (Service s : cluster.entrances().services()) {
            if (s.external()) {
                for (ServicePort sp : s.ports()) {
                    p.targets(s, sp, null, (w, pod, port) -> external.add(
                            new ExternalPath(s, sp, w, pod, sp.protocol(), port)));
                }
            }
        }
        return new Result(paths, external, List.copyOf(p.warnings));
    }

    /** Whether some Gateway the route names has a listener that accepts it (warning for each that does not). */
    private boolean accepted(Route r) {
        boolean any = false;
        for (int i = 0; i < r.parents().size(); i++) {
            ParentRef parent = r.parents().get(i);
            Gateway g = gateways.get(parent.namespace() + "/" + parent.name());
            String at = r + ": spec.parentRefs[" + i + "]: ";
            if (g == null) {
                warnings.add(at + "Gateway " + parent.namespace() + "/" + parent.name() + " is not in the input;"
                        + " the route is not followed through it");
                continue;
            }
            boolean listener = g.listeners().stream().anyMatch(l -> accepts(g, l, parent, r));
            if (listener) {
                any = true;
            } else {
                warnings.add(at + "no listener of Gateway " + g + " accepts it (listener name, port, allowedRoutes"
                        + " namespaces and kinds); the route does not enter through it");
            }
        }
        if (r.parents().isEmpty()) {
            warnings.add(r + ": spec.parentRefs names no Gateway; the route does not enter");
        }
        return any;
    }

    private boolean accepts(Gateway g, Gateway.Listener l, ParentRef parent, Route r) {
        if (!parent.sectionName().isEmpty() && !parent.sectionName().equals(l.name())) {
            return false;
        }
        if (parent.port() != 0 && parent.port() != l.port()) {
            return false;
        }
        if (!l.acceptedKinds().contains(r.kind())) {
            return false;
        }
        return switch (l.from()) {
            case "All" -> true;
            case "Selector" -> Selectors.matches(l.selector(), labels(r.namespace()));
            default -> g.namespace().equals(r.namespace());
        };
    }

    private Labels labels(String namespace) {
        Labels l = namespaceLabels.get(namespace);
        return l != null ? l : Namespace.implicit(namespace).labels();
    }

    private void follow(Route r, RouteBackend b, List<Path> out) {
        String at = r + ": " + b.path() + ": ";
        String name = b.namespace() + "/" + b.service();
        if (r.gatewayApi() && !b.namespace().equals(r.namespace()) && !granted(r, b)) {
            warnings.add(at + "Service " + name + " is in another namespace and no ReferenceGrant of " + b.namespace()
                    + " permits " + r.kind() + "s of " + r.namespace() + " to reach it; the backend is refused");
            return;
        }
        Service s = services.get(name);
        if (s == null) {
            warnings.add(at + "Service " + name + " is not in the input; the backend is not followed");
            return;
        }
        if (!s.selectsPods()) {
            warnings.add(at + "Service " + name + " selects no pods itself ("
                    + (s.type().equals(Service.EXTERNAL_NAME) ? "ExternalName" : "no selector")
                    + "); the backend is not followed");
            return;
        }
        List<ServicePort> ports = ports(s, b.port());
        if (ports.isEmpty()) {
            warnings.add(at + "Service " + name + " has no " + b.port() + " (it has " + s.ports() + ")");
            return;
        }
        boolean numericTarget = b.port().kind() == RouteBackend.BackendPort.Kind.TARGET_PORT && b.port().numeric();
        if (numericTarget && b.port().value().length() > 5) {
            warnings.add(at + b.port() + " is not a port number (expected 1-65535)");
            return;
        }
        int before = out.size();
        boolean anyPod = false;
        for (ServicePort sp : ports) {
            anyPod |= targets(s, sp, numericTarget ? Integer.valueOf(b.port().value()) : null,
                    (w, pod, port) -> out.add(new Path(r, b, s, sp, w, pod, sp.protocol(), port)));
        }
        if (numericTarget && anyPod && out.size() == before) {
            // no Service port sends to that number on any of its pods
            warnings.add(at + "Service " + name + " has no " + b.port() + " (it has " + s.ports() + ")");
        }
    }

    private boolean granted(Route r, RouteBackend b) {
        for (ReferenceGrant g : cluster.entrances().referenceGrants()) {
            if (g.namespace().equals(b.namespace()) && g.permits(r.kind(), r.namespace(), b.service())) {
                return true;
            }
        }
        return false;
    }

    /** The Service ports a backend names. */
    private static List<ServicePort> ports(Service s, RouteBackend.BackendPort port) {
        return switch (port.kind()) {
            case ANY -> s.ports();
            case SERVICE_PORT -> s.ports().stream().filter(sp -> port.numeric()
                    ? Integer.toString(sp.port()).equals(port.value()) : sp.name().equals(port.value())).toList();
            // OpenShift: a number is the pods' port (checked pod by pod), a name is a Service port's name
            case TARGET_PORT -> port.numeric() ? s.ports()
                    : s.ports().stream().filter(sp -> sp.name().equals(port.value())).toList();
        };
    }

    private interface Sink {
        void add(Workload w, Pod pod, int port);
    }

    /**
     * The pods of {@code s} and the port each receives {@code sp} on; {@code only}, when not null,
     * keeps the pods' ports equal to it. Whether the Service selects some pod.
     */
    private boolean targets(Service s, ServicePort sp, Integer only, Sink sink) {
        LabelSelector selector = LabelSelector.matchLabels(s.selector().map());
        boolean anyPod = false;
        Set<String> unresolved = new LinkedHashSet<>();
        for (Workload w : workloadsByNamespace.getOrDefault(s.namespace(), List.of())) {
            for (Pod pod : w.pods()) {
                if (!Selectors.matches(selector, pod.labels())) {
                    continue;
                }
                anyPod = true;
                Optional<Integer> target = targetPort(sp, pod);
                if (target.isEmpty()) {
                    unresolved.add(w.toString());
                } else if (only == null || only.equals(target.get())) {
                    sink.add(w, pod, target.get());
                }
            }
        }
        if (!anyPod) {
            warnings.add("Service " + s + " selects no pod of the input (selector " + s.selector() + ")");
        }
        for (String w : unresolved) {
            warnings.add("Service " + s + " port " + (sp.name().isEmpty() ? Integer.toString(sp.port()) : sp.name())
                    + ": targetPort " + sp.targetPort() + " names no " + sp.protocol() + " container port of " + w
                    + "; nothing reaches it there");
        }
        return anyPod;
    }

    /** The port a pod receives a Service port on: {@code targetPort} as a number, or its named container port. */
    static Optional<Integer> targetPort(ServicePort sp, Pod pod) {
        if (sp.numericTarget()) {
            int n = sp.targetPort().length() > 5 ? 0 : Integer.parseInt(sp.targetPort());
            return n >= 1 && n <= 65535 ? Optional.of(n) : Optional.empty();
        }
        return pod.ports().stream().filter(c -> c.name().equals(sp.targetPort()) && c.protocol() == sp.protocol())
                .map(ContainerPort::port).findFirst();
    }
}
