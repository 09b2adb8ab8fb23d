package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.IngressReach;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Ports;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code query exposure}: what is open to the outside and to the whole cluster.
 * <ul>
 *   <li><b>External</b>: the external address ranges that may connect to a workload, with ports,
 *       from the same analysis as {@code analyze} (both ends' policies count; external senders
 *       have no egress policy). "From every external address" is what every range of IPv4 and
 *       IPv6 may reach: {@code 0.0.0.0/0} and {@code ::/0} entirely.</li>
 *   <li><b>Every namespace</b>: the ports on which a workload's ingress side admits any pod of any
 *       namespace, present or future, whatever its labels: the pod is not isolated for ingress
 *       (or is on the host network), or a rule selecting it has no {@code from} list, or a peer
 *       {@code namespaceSelector: {}} (alone or with {@code podSelector: {}}). ipBlocks do not
 *       count (a pod without a known IP never matches one). The senders' own egress policies may
 *       still block them.</li>
 *   <li><b>Routes</b>: the Ingresses, OpenShift Routes and Gateway API routes that lead to the
 *       workload ({@link EntrancePaths}), each with its port and whether the workload's policies
 *       (and the controller's) let the ingress controller through ({@link IngressReach}).</li>
 *   <li><b>Services</b>: NodePort and LoadBalancer Services (and Services with external IPs) that
 *       expose the workload's pods outside the cluster, with the pod ports they forward to; what
 *       external addresses may then connect is the External part.</li>
 * </ul>
 * A workload is exposed when any of its pods is; ports are the union over its pods.
 */
public final class Exposure {
    private Exposure() {}

    /**
     * A route that leads to the workload: through {@code service} to {@code port} of its pods;
     * {@code open} when the controller's flow is allowed (for some pod).
     */
    public record RouteAccess(dev.stockade.model.Route route, String path, Source source,
                              dev.stockade.model.Service service, dev.stockade.model.Protocol protocol, int port,
                              boolean open) {}

    /** A Service that exposes the workload outside the cluster, and the pod ports it forwards to. */
    public record ServiceAccess(dev.stockade.model.Service service, PortSet ports) {}

    /** One external range that may connect, and on what. */
    public record ExternalAccess(Endpoint.ExternalEndpoint range, PortSet allowed) {}

    /**
     * Why a workload admits every namespace: a policy's rule or peer, or (policy {@code null})
     * the pod not being isolated for ingress or being on the host network.
     *
     * @param path the rule or peer path, empty when no policy is involved
     * @param source where the rule or peer is written, {@code null} when no policy is involved
     */
    public record Opening(NetworkPolicy policy, String path, Source source, String what) {}

    /**
     * @param fromEverywhere the ports every external address may use (empty when some range may not connect at all)
     * @param external every external range that may connect, in address order
     * @param fromAllNamespaces the ports on which any pod of any namespace is admitted
     */
    public record Finding(Endpoint.WorkloadEndpoint workload, PortSet fromEverywhere, List<ExternalAccess> external,
                          PortSet fromAllNamespaces, List<Opening> openings, List<RouteAccess> routes,
                          List<ServiceAccess> services) {
        public Finding {
            external = List.copyOf(external);
            openings = List.copyOf(openings);
            routes = List.copyOf(routes);
            services = List.copyOf(services);
        }

        public Finding(Endpoint.WorkloadEndpoint workload, PortSet fromEverywhere, List<ExternalAccess> external,
                       PortSet fromAllNamespaces, List<Opening> openings) {
            this(workload, fromEverywhere, external, fromAllNamespaces, openings, List.of(), List.of());
        }

        public boolean reachableFromOutside() {
            return !external.isEmpty();
        }

        /** Open to external addresses or to every namespace (not only behind routes or Services). */
        public boolean open() {
            return !external.isEmpty() || !fromAllNamespaces.isEmpty();
        }
    }

    public record Result(List<Finding> workloads, int checked, AnalysisOptions options) {
        public Result {
            workloads = List.copyOf(workloads);
        }

        /**
         * Whether some workload is open to external addresses or to every namespace. Routes and
         * exposing Services are listed for context: entering through them is the designed way in.
         */
        public boolean finding() {
            return workloads.stream().anyMatch(Finding::open);
        }
    }

    /** Analyses the cluster and reports the workloads whose namespace {@code namespaces} accepts. */
    public static Result run(Cluster cluster, AnalysisOptions options, Predicate<String> namespaces) {
        return run(cluster, new Analyzer(options).analyze(cluster), namespaces);
    }

    /** The same, from an analysis of {@code cluster} already made (the audit shares one). */
    public static Result run(Cluster cluster, Connectivity c, Predicate<String> namespaces) {
        AnalysisOptions options = c.options();
        long externals = c.endpoints().stream().filter(e -> e instanceof Endpoint.ExternalEndpoint).count();
        Map<String, List<ExternalAccess>> inbound = new HashMap<>();
        for (Connection x : c.connections()) {
            if (x.src() instanceof Endpoint.ExternalEndpoint e && x.dst() instanceof Endpoint.WorkloadEndpoint) {
                inbound.computeIfAbsent(x.dst().id(), k -> new ArrayList<>()).add(new ExternalAccess(e, x.allowed()));
            }
        }
        PolicyIndex index = new PolicyIndex(cluster, options.hostNetwork());
        // per workload, one line per route backend, protocol and port (keyed with open false): open when
        // any pod's flow is
        Map<Workload, Map<RouteAccess, RouteAccess>> routesByWorkload = new HashMap<>();
        Map<Workload, Map<dev.stockade.model.Service, PortSet>> servicesByWorkload = new HashMap<>();
        if (!cluster.entrances().isEmpty()) {
            IngressReach.Result reach = IngressReach.of(cluster, options);
            for (IngressReach.Entry e : reach.entries()) {
                EntrancePaths.Path p = e.path();
                Map<RouteAccess, RouteAccess> lines = routesByWorkload.computeIfAbsent(p.workload(),
                        k -> new LinkedHashMap<>());
                RouteAccess key = new RouteAccess(p.route(), p.backend().path(), p.backend().source(), p.service(),
                        p.protocol(), p.port(), false);
                RouteAccess had = lines.get(key);
                if (had == null || !had.open() && e.open()) {
                    lines.remove(key);   // an open line replaces a blocked one, and comes after the others
                    lines.put(key, e.open() ? new RouteAccess(key.route(), key.path(), key.source(), key.service(),
                            key.protocol(), key.port(), true) : key);
                }
            }
            for (EntrancePaths.ExternalPath x : reach.paths().external()) {
                servicesByWorkload.computeIfAbsent(x.workload(), k -> new LinkedHashMap<>())
                        .merge(x.service(), PortSet.of(x.protocol(), x.port()), PortSet::union);
            }
        }
        List<Finding> out = new ArrayList<>();
        int checked = 0;
        for (Endpoint.WorkloadEndpoint w : Workloads.endpoints(cluster)) {
            if (!namespaces.test(w.workload().namespace())) {
                continue;
            }
            checked++;
            List<ExternalAccess> ext = inbound.getOrDefault(w.id(), List.of());
            PortSet everywhere = PortSet.EMPTY;
            if (!ext.isEmpty() && ext.size() == externals) {
                everywhere = PortSet.ALL;
                for (ExternalAccess a : ext) {
                    everywhere = everywhere.intersect(a.allowed());
                }
            }
            PortSet inside = PortSet.EMPTY;
            Set<Opening> openings = new LinkedHashSet<>();
            for (Pod p : w.workload().pods()) {
                inside = inside.union(anyNamespace(p, index, openings));
            }
            List<RouteAccess> routes = List.copyOf(routesByWorkload.getOrDefault(w.workload(), Map.of()).values());
            List<ServiceAccess> services = servicesByWorkload.getOrDefault(w.workload(), Map.of()).entrySet().stream()
                    .map(e -> new ServiceAccess(e.getKey(), e.getValue())).toList();
            if (!ext.isEmpty() || !inside.isEmpty() || !routes.isEmpty() || !services.isEmpty()) {
                out.add(new Finding(w, everywhere, ext, inside, List.copyOf(openings), routes, services));
            }
        }
        return new Result(out, checked, options);
    }

    /** The ports on which {@code pod} admits any pod of any namespace, noting why. */
    private static PortSet anyNamespace(Pod pod, PolicyIndex index, Set<Opening> openings) {
        if (!index.selectable(pod)) {
            openings.add(new Opening(null, "", null, "host network: NetworkPolicies do not apply"));
            return PortSet.ALL;
        }
        List<NetworkPolicy> selecting = index.selecting(pod, PolicyType.Ingress);
        if (selecting.isEmpty()) {
            openings.add(new Opening(null, "", null, "no NetworkPolicy selects it for Ingress"));
            return PortSet.ALL;
        }
        PortSet out = PortSet.EMPTY;
        for (NetworkPolicy p : selecting) {
            for (int i = 0; i < p.ingress().size(); i++) {
                PolicyRule r = p.ingress().get(i);
                Opening why = opening(p, i, r);
                if (why == null) {
                    continue;
                }
                PortSet ports = Ports.resolve(r.ports(), pod);
                if (!ports.isEmpty()) {
                    out = out.union(ports);
                    openings.add(why);
                }
            }
        }
        return out;
    }

    /** The part of a rule that admits every pod of every namespace, or null. */
    private static Opening opening(NetworkPolicy p, int i, PolicyRule r) {
        if (r.allPeers()) {
            return new Opening(p, FieldPaths.rule(PolicyType.Ingress, i), r.source(), "no 'from' list: every peer");
        }
        for (int k = 0; k < r.peers().size(); k++) {
            Peer peer = r.peers().get(k);
            boolean all = switch (peer) {
                case Peer.NamespaceSelectorPeer n -> n.namespaces().selectsAll();
                case Peer.NamespacePodSelectorPeer n -> n.namespaces().selectsAll() && n.pods().selectsAll();
                default -> false;
            };
            if (all) {
                return new Opening(p, FieldPaths.peer(PolicyType.Ingress, i, k), peer.source(), peer.toString());
            }
        }
        return null;
    }
}
