package dev.stockade.dataplane;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Ports;
import dev.stockade.engine.Selectors;
import dev.stockade.engine.Target;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Namespace;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The addresses rules' peers match, as the compiler's sets need them: selector peers the
 * addresses of the pods they match (never host-network pods), an ipBlock its CIDR minus its
 * excepts, plus every address of a pod one of whose addresses it contains when ipBlocks match
 * pods, minus every pod address when they do not. Whether a peer matches a pod is the engine's
 * decision ({@link Explainer#peerMatches}); this class only narrows the candidates (a podSelector
 * alone looks at its policy's namespace, a namespaceSelector at the namespaces it selects) and
 * computes each distinct peer once.
 */
final class PeerAddresses {
    private final Cluster cluster;
    private final AnalysisOptions options;
    private final Explainer explainer;
    private final List<Target.PodTarget> pods;
    private final Map<String, List<Target.PodTarget>> podsByNamespace = new HashMap<>();
    private final AddressSet allPodAddresses;
    /** Per namespace of the policy, per rule (by identity: equal rules of two policies may differ there). */
    private final Map<String, Map<PolicyRule, AddressSet>> ruleCache = new HashMap<>();
    private final Map<String, Map<PolicyRule, Map<PortSet, AddressSet>>> namedCache = new HashMap<>();
    private final Map<Object, AddressSet> peerCache = new HashMap<>();

    PeerAddresses(Cluster cluster, AnalysisOptions options, List<Target.PodTarget> pods) {
        this.cluster = cluster;
        this.options = options;
        this.explainer = new Explainer(cluster, options);
        this.pods = List.copyOf(pods);
        List<IpAddress> addresses = new ArrayList<>();
        for (Target.PodTarget t : pods) {
            podsByNamespace.computeIfAbsent(t.pod().namespace(), k -> new ArrayList<>()).add(t);
            addresses.addAll(t.pod().ips());
        }
        this.allPodAddresses = AddressSet.of(addresses);
    }

    /** Every pod address, whatever the pod. */
    AddressSet allPodAddresses() {
        return allPodAddresses;
    }

    /** The addresses some peer of {@code r} (a rule of a policy in {@code namespace}) matches. */
    AddressSet of(PolicyRule r, String namespace) {
        return ruleCache.computeIfAbsent(namespace, n -> new IdentityHashMap<>()).computeIfAbsent(r, k -> {
            List<IpRange> ranges = new ArrayList<>();
            for (Peer peer : r.peers()) {
                ranges.addAll(of(peer, namespace).ranges());
            }
            return new AddressSet(ranges);
        });
    }

    /**
     * The pods {@code r}'s peers match (every pod for a rule without peers), grouped by what the
     * rule's named ports resolve to on them: the destination of an egress flow resolves them.
     */
    Map<PortSet, AddressSet> namedPortGroups(PolicyRule r, String namespace) {
        List<PolicyPort.NamedPort> named = Ports.named(r.ports());
        if (named.isEmpty()) {
            return Map.of();
        }
        return namedCache.computeIfAbsent(namespace, n -> new IdentityHashMap<>()).computeIfAbsent(r, k -> {
            List<PolicyPort> namedPorts = new ArrayList<>(named);
            Map<PortSet, List<IpAddress>> byPorts = new LinkedHashMap<>();
            Set<Target.PodTarget> candidates = new LinkedHashSet<>();
            if (r.allPeers()) {
                candidates.addAll(pods);
            } else {
                r.peers().forEach(peer -> candidates.addAll(candidates(peer, namespace)));
            }
            for (Target.PodTarget d : pods) {
                if (d.pod().ips().isEmpty() || !candidates.contains(d) || !(r.allPeers() || r.peers().stream()
                        .anyMatch(peer -> explainer.peerMatches(peer, namespace, d)))) {
                    continue;
                }
                PortSet resolved = Ports.resolve(namedPorts, d.pod());
                if (!resolved.isEmpty()) {
                    byPorts.computeIfAbsent(resolved, x -> new ArrayList<>()).addAll(d.pod().ips());
                }
            }
            Map<PortSet, AddressSet> sets = new LinkedHashMap<>();
            byPorts.forEach((ports, ips) -> sets.put(ports, AddressSet.of(ips)));
            return sets;
        });
    }

    /** One peer's addresses, computed once per distinct peer (its source aside). */
    private AddressSet of(Peer peer, String namespace) {
        Object key = switch (peer) {
            case Peer.PodSelectorPeer p -> List.of("pods", namespace, p.pods());
            case Peer.NamespaceSelectorPeer p -> List.of("namespaces", p.namespaces());
            case Peer.NamespacePodSelectorPeer p -> List.of("both", p.namespaces(), p.pods());
            case Peer.IpBlockPeer p -> List.of("ipBlock", p.block());
        };
        return peerCache.computeIfAbsent(key, k -> {
            List<IpRange> ranges = new ArrayList<>();
            if (peer instanceof Peer.IpBlockPeer ib) {
                AddressSet block = AddressSet.of(ib.block().cidr());
                for (var e : ib.block().except()) {
                    block = block.subtract(AddressSet.of(e));
                }
                ranges.addAll((options.ipBlockMatchesPods() ? block : block.subtract(allPodAddresses)).ranges());
            }
            for (Target.PodTarget d : candidates(peer, namespace)) {
                if (!d.pod().ips().isEmpty() && explainer.peerMatches(peer, namespace, d)) {
                    d.pod().ips().forEach(ip -> ranges.add(new IpRange(ip, ip)));
                }
            }
            return new AddressSet(ranges);
        });
    }

    /**
     * The pods a peer may match, a superset the engine then decides on: a podSelector alone looks
     * at its policy's namespace only, a namespaceSelector at the namespaces it selects.
     */
    private List<Target.PodTarget> candidates(Peer peer, String namespace) {
        LabelSelector namespaces;
        switch (peer) {
            case Peer.IpBlockPeer p -> {
                return options.ipBlockMatchesPods() ? pods : List.of();
            }
            case Peer.PodSelectorPeer p -> {
                return podsByNamespace.getOrDefault(namespace, List.of());
            }
            case Peer.NamespaceSelectorPeer p -> namespaces = p.namespaces();
            case Peer.NamespacePodSelectorPeer p -> namespaces = p.namespaces();
        }
        List<Target.PodTarget> out = new ArrayList<>();
        for (Namespace ns : cluster.namespaces()) {
            if (Selectors.matches(namespaces, ns.labels())) {
                out.addAll(podsByNamespace.getOrDefault(ns.name(), List.of()));
            }
        }
        return out;
    }

}
