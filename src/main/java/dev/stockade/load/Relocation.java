package dev.stockade.load;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminRule;
import dev.stockade.model.Cluster;
import dev.stockade.model.Entrances;
import dev.stockade.model.Gateway;
import dev.stockade.model.Node;
import dev.stockade.model.ParentRef;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renames the files of a {@link LoadResult}: every {@link Source} of the cluster (namespaces,
 * workloads, pods, policies, rules, peers, nodes, entrances) and of the diagnostics, and file names quoted in
 * diagnostic messages.
 */
final class Relocation {
    private final Map<String, String> names;
    private final List<String> longestFirst;

    Relocation(Map<String, String> names) {
        this.names = Map.copyOf(names);
        this.longestFirst = names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    LoadResult apply(LoadResult r) {
        List<Diagnostic> diagnostics = new ArrayList<>(r.diagnostics().size());
        for (Diagnostic d : r.diagnostics()) {
            diagnostics.add(new Diagnostic(d.severity(), source(d.source()), d.object(), d.path(), text(d.message())));
        }
        return new LoadResult(cluster(r.cluster()), diagnostics, r.skippedKinds(), r.files(), r.objects());
    }

    private Cluster cluster(Cluster c) {
        List<Namespace> namespaces = c.namespaces().stream()
                .map(n -> new Namespace(n.name(), n.labels(), source(n.source()), n.declared())).toList();
        List<Workload> workloads = c.workloads().stream()
                .map(w -> new Workload(w.kind(), w.namespace(), w.name(), w.pods().stream().map(this::pod).toList(),
                        source(w.source()))).toList();
        List<NetworkPolicy> policies = c.policies().stream()
                .map(p -> new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.policyTypes(),
                        rules(p.ingress()), rules(p.egress()), source(p.source()))).toList();
        List<AdminPolicy> admin = c.adminPolicies().stream()
                .map(p -> new AdminPolicy(p.kind(), p.tier(), p.name(), p.priority(), p.subject(),
                        adminRules(p.ingress()), adminRules(p.egress()), source(p.source()))).toList();
        List<Node> nodes = c.nodes().stream()
                .map(n -> new Node(n.name(), n.labels(), n.addresses(), source(n.source()))).toList();
        return new Cluster(namespaces, workloads, policies, admin, nodes, entrances(c.entrances()));
    }

    private Entrances entrances(Entrances e) {
        List<Service> services = e.services().stream()
                .map(s -> new Service(s.namespace(), s.name(), s.type(), s.selector(), s.ports().stream()
                        .map(p -> new ServicePort(p.name(), p.protocol(), p.port(), p.targetPort(), p.nodePort(),
                                source(p.source()))).toList(), s.externalIPs(), source(s.source()))).toList();
        List<Route> routes = e.routes().stream()
                .map(r -> new Route(r.kind(), r.namespace(), r.name(), r.parents().stream()
                        .map(p -> new ParentRef(p.namespace(), p.name(), p.sectionName(), p.port(), source(p.source())))
                        .toList(), r.backends().stream()
                        .map(b -> new RouteBackend(b.namespace(), b.service(), b.port(), b.path(), source(b.source())))
                        .toList(), source(r.source()))).toList();
        List<Gateway> gateways = e.gateways().stream()
                .map(g -> new Gateway(g.namespace(), g.name(), g.className(), g.listeners().stream()
                        .map(l -> new Gateway.Listener(l.name(), l.port(), l.protocol(), l.from(), l.selector(),
                                l.kinds(), source(l.source()))).toList(), source(g.source()))).toList();
        List<ReferenceGrant> grants = e.referenceGrants().stream()
                .map(g -> new ReferenceGrant(g.namespace(), g.name(), g.from(), g.to(), source(g.source()))).toList();
        return new Entrances(services, routes, gateways, grants);
    }

    private List<AdminRule> adminRules(List<AdminRule> rules) {
        return rules.stream().map(r -> new AdminRule(r.name(), r.action(), r.peers().stream().map(this::adminPeer)
                .toList(), r.ports(), source(r.source()))).toList();
    }

    private AdminPeer adminPeer(AdminPeer p) {
        return switch (p) {
            case AdminPeer.Namespaces x -> new AdminPeer.Namespaces(x.namespaces(), source(x.source()));
            case AdminPeer.Pods x -> new AdminPeer.Pods(x.namespaces(), x.pods(), source(x.source()));
            case AdminPeer.Nodes x -> new AdminPeer.Nodes(x.nodes(), source(x.source()));
            case AdminPeer.Networks x -> new AdminPeer.Networks(x.cidrs(), source(x.source()));
            case AdminPeer.DomainNames x -> new AdminPeer.DomainNames(x.names(), source(x.source()));
        };
    }

    private Pod pod(Pod p) {
        return new Pod(p.namespace(), p.name(), p.labels(), p.ports(), p.ips(), p.hostNetwork(), source(p.source()));
    }

    private List<PolicyRule> rules(List<PolicyRule> rules) {
        return rules.stream().map(r -> new PolicyRule(r.peers().stream().map(this::peer).toList(), r.ports(),
                source(r.source()))).toList();
    }

    private Peer peer(Peer p) {
        return switch (p) {
            case Peer.PodSelectorPeer x -> new Peer.PodSelectorPeer(x.pods(), source(x.source()));
            case Peer.NamespaceSelectorPeer x -> new Peer.NamespaceSelectorPeer(x.namespaces(), source(x.source()));
            case Peer.NamespacePodSelectorPeer x ->
                    new Peer.NamespacePodSelectorPeer(x.namespaces(), x.pods(), source(x.source()));
            case Peer.IpBlockPeer x -> new Peer.IpBlockPeer(x.block(), source(x.source()));
        };
    }

    private Source source(Source s) {
        String n = names.get(s.file());
        return n == null ? s : new Source(n, s.line(), s.column());
    }

    private String text(String message) {
        String out = message;
        for (String from : longestFirst) {
            if (out.contains(from)) {
                out = out.replace(from, names.get(from));
            }
        }
        return out;
    }
}
