package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle: decides one packet at a time by reading the Kubernetes networking.k8s.io/v1
 * rules straight off the model, with no indexes, classes or port sets. It shares no code with
 * the engine (it does not call {@code Selectors}, {@code Ports}, {@code PortSet}, {@code Explainer},
 * nor the model's own {@code contains}/{@code affects}/{@code rules} helpers), so a bug in one is
 * not silently repeated in the other.
 *
 * <p>A packet from {@code src} to {@code dst} is allowed iff
 * <ul>
 *   <li>egress: src is not a pod, or is a host-network pod taken as node traffic, or no policy of src's namespace with
 *       Egress in its policyTypes selects it, or some egress rule of such a policy admits dst; and</li>
 *   <li>ingress: the same for dst, its Ingress policies and their ingress rules admitting src.</li>
 * </ul>
 * A rule admits when (its peer list is empty or a peer matches) and (its port list is empty or a
 * port matches). Named ports resolve against the destination pod's container ports.
 *
 * <p>With admin policies, each side is walked through the tiers of policy.networking.k8s.io: the
 * first matching admin-tier rule (Allow: through, Deny: dropped, Pass: on), then the
 * NetworkPolicies above if any selects the pod, then the first matching baseline rule (Deny:
 * dropped), else through. Admin subjects and pod/namespace peers match host-network pods only
 * when they are policed as pods (as NetworkPolicy subjects and selector peers do);
 * networks peers match any address (pod addresses included); nodes peers the addresses of the
 * matching Node objects.
 */
final class SlowEvaluator {
    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /** One end of a packet: a pod, or an address outside the cluster. */
    sealed interface End {
        record OfPod(Pod pod) implements End {
            @Override
            public String toString() {
                return "pod " + pod.namespace() + "/" + pod.name();
            }
        }

        record OfAddress(IpAddress address) implements End {
            @Override
            public String toString() {
                return "address " + address;
            }
        }
    }

    private final Cluster cluster;
    private final boolean ipBlockMatchesPods;
    /** Whether host-network pods are policed as pods ({@code --host-network=pod}) rather than node traffic. */
    private final boolean hostNetworkPodsArePods;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    SlowEvaluator(Cluster cluster, boolean ipBlockMatchesPods) {
        this(cluster, ipBlockMatchesPods, false);
    }

    SlowEvaluator(Cluster cluster, boolean ipBlockMatchesPods, boolean hostNetworkPodsArePods) {
        this.cluster = cluster;
        this.ipBlockMatchesPods = ipBlockMatchesPods;
        this.hostNetworkPodsArePods = hostNetworkPodsArePods;
        for (Namespace n : cluster.namespaces()) {
            namespaceLabels.put(n.name(), n.labels().map());
        }
    }

    /** Whether a pod is out of every policy's reach: on the host network, taken as node traffic. */
    private boolean nodeTraffic(Pod pod) {
        return pod.hostNetwork() && !hostNetworkPodsArePods;
    }

    static End pod(Pod p) {
        return new End.OfPod(p);
    }

    static End address(IpAddress a) {
        return new End.OfAddress(a);
    }

    boolean allowed(End src, End dst, Protocol protocol, int port) {
        return sideAllows(PolicyType.Egress, src, dst, dst, protocol, port)
                && sideAllows(PolicyType.Ingress, dst, src, dst, protocol, port);
    }

    /**
     * Whether the policies of {@code subject} for {@code direction} let the packet through;
     * {@code far} is the other end, {@code destination} the end that resolves named ports.
     */
    private boolean sideAllows(PolicyType direction, End subject, End far, End destination, Protocol protocol,
                               int port) {
        if (!(subject instanceof End.OfPod(Pod pod)) || nodeTraffic(pod)) {
            return true;
        }
        AdminRule.Action admin = firstMatch(true, direction, pod, far, destination, protocol, port);
        if (admin == AdminRule.Action.ALLOW) {
            return true;
        }
        if (admin == AdminRule.Action.DENY) {
            return false;
        }
        Boolean np = networkPolicies(direction, pod, far, destination, protocol, port);
        if (np != null) {
            return np;
        }
        return firstMatch(false, direction, pod, far, destination, protocol, port) != AdminRule.Action.DENY;
    }

    /**
     * The action of the first rule of the admin tier ({@code adminTier}) or the baseline tier
     * matching the packet among the policies of that tier selecting {@code pod}: policies by
     * priority (lower first; the BaselineAdminNetworkPolicy after every ClusterNetworkPolicy;
     * equal priorities by kind, then name), rules in order. Null when none matches.
     */
    private AdminRule.Action firstMatch(boolean adminTier, PolicyType direction, Pod pod, End far, End destination,
                                        Protocol protocol, int port) {
        List<AdminPolicy> tier = new ArrayList<>();
        for (AdminPolicy p : cluster.adminPolicies()) {
            boolean isAdmin = p.kind() == AdminPolicy.Kind.AdminNetworkPolicy
                    || (p.kind() == AdminPolicy.Kind.ClusterNetworkPolicy && p.tier() == AdminPolicy.Tier.ADMIN);
            if (isAdmin == adminTier) {
                tier.add(p);
            }
        }
        tier.sort((a, b) -> {
            int pa = a.kind() == AdminPolicy.Kind.BaselineAdminNetworkPolicy ? Integer.MAX_VALUE : a.priority();
            int pb = b.kind() == AdminPolicy.Kind.BaselineAdminNetworkPolicy ? Integer.MAX_VALUE : b.priority();
            if (pa != pb) {
                return Integer.compare(pa, pb);
            }
            int k = a.kind().name().compareTo(b.kind().name());
            return k != 0 ? k : a.name().compareTo(b.name());
        });
        Map<String, String> nsLabels = namespaceLabels.getOrDefault(pod.namespace(), Map.of(NAME_LABEL, pod.namespace()));
        for (AdminPolicy p : tier) {
            boolean subject = switch (p.subject()) {
                case AdminSubject.Namespaces n -> selectorMatches(n.namespaces(), nsLabels);
                case AdminSubject.Pods ps -> selectorMatches(ps.namespaces(), nsLabels)
                        && selectorMatches(ps.pods(), pod.labels().map());
            };
            if (!subject) {
                continue;
            }
            for (AdminRule r : direction == PolicyType.Ingress ? p.ingress() : p.egress()) {
                boolean peerOk = false;
                for (AdminPeer peer : r.peers()) {
                    peerOk |= adminPeerMatches(peer, far);
                }
                boolean portOk = r.ports().isEmpty();
                for (AdminPort ap : r.ports()) {
                    portOk |= adminPortMatches(ap, destination, protocol, port);
                }
                if (peerOk && portOk) {
                    return r.action();
                }
            }
        }
        return null;
    }

    private boolean adminPeerMatches(AdminPeer peer, End far) {
        List<IpAddress> ips = far instanceof End.OfAddress(IpAddress a) ? List.of(a) : ((End.OfPod) far).pod().ips();
        switch (peer) {
            case AdminPeer.Networks n -> {
                for (IpAddress ip : ips) {
                    for (Cidr c : n.cidrs()) {
                        if (inCidr(c, ip)) {
                            return true;
                        }
                    }
                }
                return false;
            }
            case AdminPeer.Nodes n -> {
                for (dev.stockade.model.Node node : cluster.nodes()) {
                    if (selectorMatches(n.nodes(), node.labels().map())) {
                        for (IpAddress a : node.addresses()) {
                            if (ips.contains(a)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            }
            case AdminPeer.DomainNames ignored -> {
                return false;
            }
            default -> {
                if (!(far instanceof End.OfPod(Pod pod)) || nodeTraffic(pod)) {
                    return false;
                }
                Map<String, String> nsLabels = namespaceLabels.getOrDefault(pod.namespace(),
                        Map.of(NAME_LABEL, pod.namespace()));
                if (peer instanceof AdminPeer.Namespaces n) {
                    return selectorMatches(n.namespaces(), nsLabels);
                }
                AdminPeer.Pods ps = (AdminPeer.Pods) peer;
                return selectorMatches(ps.namespaces(), nsLabels) && selectorMatches(ps.pods(), pod.labels().map());
            }
        }
    }

    private static boolean adminPortMatches(AdminPort ap, End destination, Protocol protocol, int port) {
        return switch (ap) {
            case AdminPort.Number n -> n.protocol() == protocol && n.port() == port;
            case AdminPort.Range r -> r.protocol() == protocol && r.start() <= port && port <= r.end();
            case AdminPort.Named n -> destination instanceof End.OfPod(Pod pod) && pod.ports().stream()
                    .anyMatch(c -> c.name().equals(n.name()) && c.protocol() == protocol && c.port() == port);
        };
    }

    /**
     * Whether the NetworkPolicies of the pod's namespace selecting it for the direction admit the
     * packet; null when none selects it.
     */
    private Boolean networkPolicies(PolicyType direction, Pod pod, End far, End destination, Protocol protocol,
                                    int port) {
        boolean isolated = false;
        for (NetworkPolicy p : cluster.policies()) {
            if (!p.namespace().equals(pod.namespace()) || !p.policyTypes().contains(direction)
                    || !selectorMatches(p.podSelector(), pod.labels().map())) {
                continue;
            }
            isolated = true;
            List<PolicyRule> rules = direction == PolicyType.Ingress ? p.ingress() : p.egress();
            for (PolicyRule r : rules) {
                if (ruleAdmits(r, p.namespace(), far, destination, protocol, port)) {
                    return true;
                }
            }
        }
        return isolated ? Boolean.FALSE : null;
    }

    private boolean ruleAdmits(PolicyRule r, String policyNamespace, End far, End destination, Protocol protocol,
                               int port) {
        boolean peerOk = r.peers().isEmpty();
        for (Peer peer : r.peers()) {
            peerOk |= peerMatches(peer, policyNamespace, far);
        }
        boolean portOk = r.ports().isEmpty();
        for (PolicyPort pp : r.ports()) {
            portOk |= portMatches(pp, destination, protocol, port);
        }
        return peerOk && portOk;
    }

    private boolean peerMatches(Peer peer, String policyNamespace, End far) {
        if (peer instanceof Peer.IpBlockPeer(var block, var ignored)) {
            if (far instanceof End.OfAddress(IpAddress a)) {
                return inBlock(block.cidr(), block.except(), a);
            }
            Pod pod = ((End.OfPod) far).pod();
            if (!ipBlockMatchesPods) {
                return false;
            }
            for (IpAddress ip : pod.ips()) {
                if (inBlock(block.cidr(), block.except(), ip)) {
                    return true;
                }
            }
            return false;
        }
        if (!(far instanceof End.OfPod(Pod pod)) || nodeTraffic(pod)) {
            return false;
        }
        Map<String, String> podLabels = pod.labels().map();
        Map<String, String> nsLabels = namespaceLabels.getOrDefault(pod.namespace(),
                Map.of(NAME_LABEL, pod.namespace()));
        if (peer instanceof Peer.PodSelectorPeer p) {
            return pod.namespace().equals(policyNamespace) && selectorMatches(p.pods(), podLabels);
        }
        if (peer instanceof Peer.NamespaceSelectorPeer n) {
            return selectorMatches(n.namespaces(), nsLabels);
        }
        Peer.NamespacePodSelectorPeer np = (Peer.NamespacePodSelectorPeer) peer;
        return selectorMatches(np.namespaces(), nsLabels) && selectorMatches(np.pods(), podLabels);
    }

    private static boolean portMatches(PolicyPort pp, End destination, Protocol protocol, int port) {
        if (pp.protocol() != protocol) {
            return false;
        }
        if (pp instanceof PolicyPort.AllPorts) {
            return true;
        }
        if (pp instanceof PolicyPort.PortRange r) {
            return r.from() <= port && port <= r.to();
        }
        String name = ((PolicyPort.NamedPort) pp).name();
        if (!(destination instanceof End.OfPod(Pod pod))) {
            return false;
        }
        for (ContainerPort c : pod.ports()) {
            if (c.name().equals(name) && c.protocol() == protocol && c.port() == port) {
                return true;
            }
        }
        return false;
    }

    /** metav1.LabelSelector: every matchLabels entry equal AND every requirement satisfied. */
    static boolean selectorMatches(LabelSelector s, Map<String, String> labels) {
        for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelector.Requirement r : s.matchExpressions()) {
            boolean present = labels.containsKey(r.key());
            String value = labels.get(r.key());
            boolean ok = switch (r.operator()) {
                case In -> present && r.values().contains(value);
                case NotIn -> !present || !r.values().contains(value);
                case Exists -> present;
                case DoesNotExist -> !present;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** In the CIDR and in none of the except blocks. */
    static boolean inBlock(Cidr cidr, List<Cidr> except, IpAddress ip) {
        if (!inCidr(cidr, ip)) {
            return false;
        }
        for (Cidr e : except) {
            if (inCidr(e, ip)) {
                return false;
            }
        }
        return true;
    }

    /** Same family and the same leading {@code prefix} bits, compared as plain integers. */
    static boolean inCidr(Cidr cidr, IpAddress ip) {
        if (cidr.base().v6() != ip.v6()) {
            return false;
        }
        int hostBits = (ip.v6() ? 128 : 32) - cidr.prefix();
        return value(ip).shiftRight(hostBits).equals(value(cidr.base()).shiftRight(hostBits));
    }

    /** The address as an unsigned integer. */
    static BigInteger value(IpAddress a) {
        BigInteger hi = new BigInteger(Long.toUnsignedString(a.hi()));
        BigInteger lo = new BigInteger(Long.toUnsignedString(a.lo()));
        return hi.shiftLeft(64).add(lo);
    }

    /** The address of a family with the given unsigned value. */
    static IpAddress fromValue(boolean v6, BigInteger value) {
        return new IpAddress(v6, value.shiftRight(64).longValue(), value.longValue());
    }
}
