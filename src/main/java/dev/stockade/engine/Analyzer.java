package dev.stockade.engine;

import dev.stockade.model.AdminPolicy;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every allowed connection between workloads and external address ranges.
 *
 * <p>A connection from S to D on a port is allowed iff S's egress allows it AND D's ingress
 * allows it. Each side is decided tier by tier, as policy.networking.k8s.io defines: the admin
 * tier's first matching rule (AdminNetworkPolicy, Admin ClusterNetworkPolicy; by priority, then
 * rule order) allows or denies, or passes on; then, when a NetworkPolicy selects the pod for
 * that direction, the NetworkPolicies decide (additively: some rule admits the peer and port);
 * otherwise the baseline tier's first matching rule (Baseline ClusterNetworkPolicy,
 * BaselineAdminNetworkPolicy); otherwise the connection is allowed.
 *
 * <p>The analysis never walks pods × pods × policies. Pods are first grouped by
 * (namespace, labels) ({@link PodGroups}); every selector becomes a bitset over groups
 * ({@link SelectorIndex}), once per rule peer ({@link RuleTable}). Pods that no selector,
 * ipBlock or named port can tell apart form one class ({@link PodClasses}); external addresses
 * are split into classes by the rules' address sets containing them ({@link IpPartition}). Rules are then
 * turned into sparse grants between classes ({@link Grants}), and only candidate pairs are
 * visited ({@link AllowedPairs}). {@link EndpointExpansion} maps the classes back to workloads
 * and address ranges.
 */
public final class Analyzer {
    private final AnalysisOptions options;

    public Analyzer(AnalysisOptions options) {
        this.options = options;
    }

    public Connectivity analyze(Cluster cluster) {
        List<NetworkPolicy> policies = cluster.policies();
        PodGroups groups = new PodGroups(cluster, options.hostNetwork());
        List<AdminPolicy> admin = cluster.adminPolicies();
        RuleTable rules = new RuleTable(policies, admin, cluster.nodes(), groups.index());
        IpPartition partition = new IpPartition(rules.blocks(), IpPartition.MAX_MEMBERSHIPS, rules::blockOrigin);
        PodClasses classes = new PodClasses(groups, policies, admin, rules, partition, options);
        UnresolvedPorts unresolved = new UnresolvedPorts();
        Grants grants = new Grants(policies, admin, rules, classes, partition, unresolved);
        AllowedPairs allowed = new AllowedPairs(grants);
        List<String> warnings = new ArrayList<>(unresolved.warnings(policies, groups, classes));
        warnings.addAll(TierWarnings.of(cluster, groups.index()));
        // visiting pairs resolves more named ports, so unresolved ones are reported only now
        Connectivity c = new EndpointExpansion(groups.workloads(), groups.members(), groups.memberWorkload(),
                classes.memberClass(), classes.count(), partition, options, groups.warnings())
                .expand(allowed.pairs(), allowed.ports(), warnings);
        boolean routes = !cluster.entrances().routes().isEmpty();
        boolean exposed = cluster.entrances().services().stream().anyMatch(dev.stockade.model.Service::external);
        if (!routes && !exposed) {
            return c;
        }
        EntrancePaths.Result paths = EntrancePaths.resolve(cluster);
        if (routes) {
            c = withController(c, IngressReach.of(cluster, options, paths));
        }
        return exposed ? withExposures(c, paths.external()) : c;
    }

    /** The connectivity with the workloads that Services expose outside the cluster marked. */
    static Connectivity withExposures(Connectivity c, List<EntrancePaths.ExternalPath> paths) {
        List<Connectivity.Exposure> out = new ArrayList<>();
        for (Endpoint e : c.endpoints()) {
            if (!(e instanceof Endpoint.WorkloadEndpoint w)) {
                continue;
            }
            Map<dev.stockade.model.Service, PortSet> byService = new LinkedHashMap<>();
            for (EntrancePaths.ExternalPath p : paths) {
                if (p.workload().equals(w.workload())) {
                    byService.merge(p.service(), PortSet.of(p.protocol(), p.port()), PortSet::union);
                }
            }
            byService.forEach((s, ports) -> out.add(new Connectivity.Exposure(w, s, ports)));
        }
        return new Connectivity(c.endpoints(), c.connections(), c.options(), c.warnings(), out);
    }

    /**
     * The connectivity plus the ingress controller: one more endpoint, after every other, and a
     * connection to each backend workload on the ports its routes name and its policies admit.
     */
    static Connectivity withController(Connectivity c, IngressReach.Result reach) {
        List<Endpoint> endpoints = new ArrayList<>(c.endpoints());
        Endpoint controller = new Endpoint.ControllerEndpoint();
        endpoints.add(controller);
        List<Connection> connections = new ArrayList<>(c.connections());
        for (Endpoint e : c.endpoints()) {
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                PortSet open = reach.open().get(w.workload());
                if (open != null && !open.isEmpty()) {
                    connections.add(new Connection(controller, e, open));
                }
            }
        }
        List<String> warnings = new ArrayList<>(c.warnings());
        warnings.addAll(reach.warnings());
        return new Connectivity(endpoints, connections, c.options(), warnings, c.exposures());
    }
}
