package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cluster;
import dev.stockade.model.Node;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides single flows with their reasons, by the same rules as {@link Analyzer}: a flow is
 * allowed iff the source's egress side and the destination's ingress side both allow it, each
 * side walked through the tiers ({@link Verdict.Side#walk}). Only the NetworkPolicies of the two
 * pods' namespaces and the admin policies are consulted, so a verdict costs microseconds; a
 * rule of many ipBlocks is searched through an index ({@link FirstBlock}) instead of peer by peer.
 */
public final class Explainer {
    private final AnalysisOptions options;
    private final Map<String, Labels> namespaceLabels = new HashMap<>();
    private final Map<String, List<NetworkPolicy>> policiesByNamespace = new HashMap<>();
    private final List<AdminPolicy> adminPolicies;
    private final List<Node> nodes;
    private final Map<String, List<AdminPolicy>> adminByNamespace = new ConcurrentHashMap<>();
    /** Per rule object with many ipBlock peers, its {@link FirstBlock} index ({@link #NO_INDEX}: too few to index). */
    private final Map<PolicyRule, FirstBlock> firstBlocks =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private static final FirstBlock NO_INDEX = new FirstBlock(List.of());

    public Explainer(Cluster cluster, AnalysisOptions options) {
        this.options = options;
        for (Namespace n : cluster.namespaces()) {
            namespaceLabels.put(n.name(), n.labels());
        }
        for (NetworkPolicy p : cluster.policies()) {
            policiesByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
        }
        adminPolicies = cluster.adminPolicies();
        nodes = cluster.nodes();
    }

    public Verdict explain(Target source, Target destination, Protocol protocol, int port) {
        Verdict.Side egress = side(PolicyType.Egress, source, destination, protocol, port);
        Verdict.Side ingress = side(PolicyType.Ingress, destination, source, protocol, port);
        return new Verdict(source, destination, protocol, port, egress, ingress);
    }

    /** The decision of {@code subject}'s policies of one direction about a flow with {@code peer}. */
    private Verdict.Side side(PolicyType direction, Target subject, Target peer, Protocol protocol, int port) {
        if (!(subject instanceof Target.PodTarget pt)) {
            return new Verdict.Side(direction, subject, Verdict.Status.EXTERNAL, List.of());
        }
        Pod pod = pt.pod();
        if (!options.selectable(pod)) {
            return new Verdict.Side(direction, subject, Verdict.Status.HOST_NETWORK, List.of());
        }
        // the destination of the flow resolves named ports
        Pod destination = direction == PolicyType.Ingress ? pod
                : peer instanceof Target.PodTarget d ? d.pod() : null;
        List<Verdict.PolicyTrace> traces = new ArrayList<>();
        for (NetworkPolicy p : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
            if (!p.affects(direction) || !Selectors.matches(p.podSelector(), pod.labels())) {
                continue;
            }
            List<Verdict.RuleTrace> rules = new ArrayList<>();
            List<PolicyRule> rs = p.rules(direction);
            for (int i = 0; i < rs.size(); i++) {
                PolicyRule r = rs.get(i);
                rules.add(new Verdict.RuleTrace(i, r, matchingPeer(r, p.namespace(), peer),
                        matchingPort(r, destination, protocol, port)));
            }
            traces.add(new Verdict.PolicyTrace(p, rules));
        }
        Verdict.Status status = traces.isEmpty() ? Verdict.Status.UNSELECTED : Verdict.Status.ISOLATED;
        List<Verdict.AdminTrace> admin = new ArrayList<>();
        List<Verdict.AdminTrace> baseline = new ArrayList<>();
        for (AdminPolicy p : adminPoliciesOf(pod.namespace())) {
            List<AdminRule> rs = p.rules(direction);
            if (rs.isEmpty() || !subjectMatches(p.subject(), pod)) {
                continue;
            }
            List<Verdict.AdminRuleTrace> rules = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                AdminRule r = rs.get(i);
                rules.add(new Verdict.AdminRuleTrace(i, r, matchingAdminPeer(r, peer),
                        matchingAdminPort(r, destination, protocol, port)));
            }
            (p.tier() == AdminPolicy.Tier.ADMIN ? admin : baseline).add(new Verdict.AdminTrace(p, rules));
        }
        return new Verdict.Side(direction, subject, status, traces, admin, baseline);
    }

    /** The admin policies whose subject's namespace selector matches a namespace, in evaluation order (cached). */
    private List<AdminPolicy> adminPoliciesOf(String namespace) {
        if (adminPolicies.isEmpty()) {
            return adminPolicies;
        }
        return adminByNamespace.computeIfAbsent(namespace, ns -> {
            Labels nsLabels = namespaceLabels(ns);
            List<AdminPolicy> out = new ArrayList<>();
            for (AdminPolicy p : adminPolicies) {
                LabelSelector selector = switch (p.subject()) {
                    case AdminSubject.Namespaces n -> n.namespaces();
                    case AdminSubject.Pods pods -> pods.namespaces();
                };
                if (Selectors.matches(selector, nsLabels)) {
                    out.add(p);
                }
            }
            return out;
        });
    }

    /** Whether an admin policy's subject selects a pod (one the options make selectable). */
    private boolean subjectMatches(AdminSubject subject, Pod pod) {
        Labels nsLabels = namespaceLabels(pod.namespace());
        return switch (subject) {
            case AdminSubject.Namespaces n -> Selectors.matches(n.namespaces(), nsLabels);
            case AdminSubject.Pods p -> Selectors.matches(p.namespaces(), nsLabels) && Selectors.matches(p.pods(), pod.labels());
        };
    }

    private Labels namespaceLabels(String namespace) {
        Labels l = namespaceLabels.get(namespace);
        return l != null ? l : Namespace.implicit(namespace).labels();
    }

    private int matchingAdminPeer(AdminRule r, Target far) {
        for (int k = 0; k < r.peers().size(); k++) {
            if (adminPeerMatches(r.peers().get(k), far)) {
                return k;
            }
        }
        return Verdict.RuleTrace.NO_PEER;
    }

    private static int matchingAdminPort(AdminRule r, Pod destination, Protocol protocol, int port) {
        if (r.allPorts()) {
            return Verdict.RuleTrace.ALL_PORTS;
        }
        for (int k = 0; k < r.ports().size(); k++) {
            if (AdminPorts.resolve(r.ports().get(k), destination).contains(protocol, port)) {
                return k;
            }
        }
        return Verdict.RuleTrace.NO_PORT;
    }

    /**
     * Whether an admin rule's peer matches the far end of a flow. Namespaces and pods peers
     * match pods (host-network pods only when policed as pods, {@link HostNetworkMode}) by their
     * namespace's labels and their own; a networks peer matches an address in one of its CIDRs,
     * a pod's included (whatever the ipBlock option); a nodes peer matches the addresses of the matching Node objects (so also host-network pods
     * with such an address); domain names match nothing (they cannot be resolved from manifests).
     */
    public boolean adminPeerMatches(AdminPeer peer, Target far) {
        List<IpAddress> ips = far instanceof Target.AddressTarget a ? List.of(a.address())
                : ((Target.PodTarget) far).pod().ips();
        return switch (peer) {
            case AdminPeer.Namespaces n -> far instanceof Target.PodTarget pt && options.selectable(pt.pod())
                    && Selectors.matches(n.namespaces(), namespaceLabels(pt.pod().namespace()));
            case AdminPeer.Pods p -> far instanceof Target.PodTarget pt && options.selectable(pt.pod())
                    && Selectors.matches(p.namespaces(), namespaceLabels(pt.pod().namespace()))
                    && Selectors.matches(p.pods(), pt.pod().labels());
            case AdminPeer.Networks n -> ips.stream().anyMatch(ip -> n.cidrs().stream().anyMatch(c -> c.contains(ip)));
            case AdminPeer.Nodes n -> nodes.stream().anyMatch(node -> Selectors.matches(n.nodes(), node.labels())
                    && node.addresses().stream().anyMatch(ips::contains));
            case AdminPeer.DomainNames ignored -> false;
        };
    }

    private int matchingPeer(PolicyRule r, String policyNamespace, Target peer) {
        if (r.allPeers()) {
            return Verdict.RuleTrace.ALL_PEERS;
        }
        FirstBlock index = firstBlock(r);
        if (index != null) {
            int first = Integer.MAX_VALUE;
            if (peer instanceof Target.AddressTarget a) {
                first = orMax(index.of(a.address()));
            } else if (options.ipBlockMatchesPods()) {
                for (IpAddress ip : ((Target.PodTarget) peer).pod().ips()) {
                    first = Math.min(first, orMax(index.of(ip)));
                }
            }
            // a selector peer before the first matching ipBlock peer decides
            for (int k = 0; k < r.peers().size() && k < first; k++) {
                Peer p = r.peers().get(k);
                if (!(p instanceof Peer.IpBlockPeer) && peerMatches(p, policyNamespace, peer)) {
                    return k;
                }
            }
            return first == Integer.MAX_VALUE ? Verdict.RuleTrace.NO_PEER : first;
        }
        for (int k = 0; k < r.peers().size(); k++) {
            if (peerMatches(r.peers().get(k), policyNamespace, peer)) {
                return k;
            }
        }
        return Verdict.RuleTrace.NO_PEER;
    }

    private static int orMax(int peer) {
        return peer == Verdict.RuleTrace.NO_PEER ? Integer.MAX_VALUE : peer;
    }

    /** The first-ipBlock index of a rule with many ipBlock peers (made once per rule), else null. */
    private FirstBlock firstBlock(PolicyRule r) {
        if (r.peers().size() < FirstBlock.MIN_BLOCKS) {
            return null;
        }
        FirstBlock index = firstBlocks.computeIfAbsent(r, rule -> {
            List<IpBlock> blocks = new ArrayList<>(rule.peers().size());
            int n = 0;
            for (Peer p : rule.peers()) {
                blocks.add(p instanceof Peer.IpBlockPeer ib ? ib.block() : null);
                n += p instanceof Peer.IpBlockPeer ? 1 : 0;
            }
            return n < FirstBlock.MIN_BLOCKS ? NO_INDEX : new FirstBlock(blocks);
        });
        return index == NO_INDEX ? null : index;
    }

    private static int matchingPort(PolicyRule r, Pod destination, Protocol protocol, int port) {
        if (r.allPorts()) {
            return Verdict.RuleTrace.ALL_PORTS;
        }
        for (int k = 0; k < r.ports().size(); k++) {
            if (Ports.resolve(r.ports().get(k), destination).contains(protocol, port)) {
                return k;
            }
        }
        return Verdict.RuleTrace.NO_PORT;
    }

    /**
     * Whether a peer of a policy in {@code policyNamespace} matches the far end of a flow.
     * Selector peers match pods (host-network pods only when policed as pods,
     * {@link HostNetworkMode}): podSelector alone within the policy's namespace,
     * namespaceSelector alone any pod of a matching namespace, both together a matching pod in a
     * matching namespace. An ipBlock matches an external address it contains,
     * and a pod whose IP it contains when ipBlocks match pods.
     */
    public boolean peerMatches(Peer peer, String policyNamespace, Target far) {
        if (far instanceof Target.AddressTarget a) {
            return peer instanceof Peer.IpBlockPeer ib && ib.block().contains(a.address());
        }
        Pod pod = ((Target.PodTarget) far).pod();
        if (peer instanceof Peer.IpBlockPeer ib) {
            if (!options.ipBlockMatchesPods()) {
                return false;
            }
            for (IpAddress ip : pod.ips()) {
                if (ib.block().contains(ip)) {
                    return true;
                }
            }
            return false;
        }
        if (!options.selectable(pod)) {
            return false;
        }
        Labels nsLabels = namespaceLabels.getOrDefault(pod.namespace(), Namespace.implicit(pod.namespace()).labels());
        return switch (peer) {
            case Peer.PodSelectorPeer p -> pod.namespace().equals(policyNamespace) && Selectors.matches(p.pods(), pod.labels());
            case Peer.NamespaceSelectorPeer n -> Selectors.matches(n.namespaces(), nsLabels);
            case Peer.NamespacePodSelectorPeer np ->
                    Selectors.matches(np.namespaces(), nsLabels) && Selectors.matches(np.pods(), pod.labels());
            case Peer.IpBlockPeer ignored -> false;
        };
    }
}
