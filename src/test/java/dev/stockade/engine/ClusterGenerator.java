package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cidr;
import dev.stockade.model.Node;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random small clusters for the differential properties. Everything is drawn from tiny
 * vocabularies (three label keys with two values, three namespaces, a pool of eight IPv4 and
 * eight IPv6 pod addresses, a handful of ipBlocks and port numbers) so that selectors, ipBlocks
 * and named ports actually collide with the pods instead of missing them all.
 */
final class ClusterGenerator {
    static final List<String> NAMESPACES = List.of("a", "b", "c");
    static final List<String> LABEL_KEYS = List.of("app", "env", "tier");
    static final List<String> LABEL_VALUES = List.of("x", "y");

    static final List<ContainerPort> CONTAINER_PORTS = List.of(
            new ContainerPort("http", 80, Protocol.TCP),
            new ContainerPort("http", 8080, Protocol.TCP),
            new ContainerPort("http", 81, Protocol.UDP),
            new ContainerPort("dns", 53, Protocol.UDP),
            new ContainerPort("dns", 53, Protocol.TCP),
            new ContainerPort("metrics", 9090, Protocol.TCP),
            new ContainerPort("metrics", 9090, Protocol.SCTP),
            new ContainerPort("", 443, Protocol.TCP),
            new ContainerPort("", 5353, Protocol.UDP),
            new ContainerPort("", 80, Protocol.SCTP));

    static final List<String> PORT_NAMES = List.of("http", "dns", "metrics", "absent");

    static final List<Integer> PORT_NUMBERS = List.of(1, 52, 53, 79, 80, 81, 443, 5353, 8080, 9090, 65535);

    static final List<IpBlock> IP_BLOCKS = List.of(
            IpBlock.of("10.0.0.0/30"),
            IpBlock.of("10.0.0.0/29", "10.0.0.4/30"),
            IpBlock.of("10.0.0.0/29", "10.0.0.2/31", "10.0.0.6/32"),
            IpBlock.of("10.0.0.5/32"),
            IpBlock.of("0.0.0.0/0"),
            IpBlock.of("0.0.0.0/0", "10.0.0.0/8"),
            IpBlock.of("192.168.0.0/16"),
            IpBlock.of("fd00::/126"),
            IpBlock.of("fd00::4/126"),
            IpBlock.of("::/0", "fd00::/127"));

    /** Addresses nodes may have: some pod addresses (host-network pods live there) and two of their own. */
    static final List<IpAddress> NODE_ADDRESSES = List.of(IpAddress.v4(0x0A00_0000L + 1), IpAddress.v4(0x0A00_0000L + 6),
            IpAddress.parse("10.0.1.1").orElseThrow(), IpAddress.parse("fd00::1").orElseThrow(),
            IpAddress.parse("fd00::9").orElseThrow());

    /** The CIDRs admin {@code networks} peers draw from. */
    static final List<Cidr> NETWORKS = List.of(Cidr.of("10.0.0.0/30"), Cidr.of("10.0.0.4/31"), Cidr.of("10.0.0.5/32"),
            Cidr.of("0.0.0.0/0"), Cidr.of("10.0.1.0/24"), Cidr.of("fd00::/126"), Cidr.of("::/0"));

    private ClusterGenerator() {}

    private record AdminSpec(int kind, int priority, AdminSubject subject, List<AdminRule> ingress,
                             List<AdminRule> egress) {}

    private record NodeSpec(Labels labels, List<IpAddress> addresses) {}

    /**
     * Clusters as {@link #clusters()} with up to four admin policies (AdminNetworkPolicies,
     * ClusterNetworkPolicies of both tiers, at most one BaselineAdminNetworkPolicy) of priorities
     * 1 to 3, so that equal priorities occur, and up to two Nodes whose addresses overlap the pods'.
     */
    static Arbitrary<Cluster> clustersWithTiers() {
        Arbitrary<List<AdminSpec>> admin = adminPolicies().list().ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<List<NodeSpec>> nodes = Combinators.combine(labels(),
                        Arbitraries.of(NODE_ADDRESSES).list().uniqueElements().ofMinSize(1).ofMaxSize(2))
                .as(NodeSpec::new).list().ofMaxSize(2);
        return Combinators.combine(clusters(), admin, nodes).as(ClusterGenerator::withTiers);
    }

    private static Cluster withTiers(Cluster base, List<AdminSpec> specs, List<NodeSpec> nodeSpecs) {
        List<AdminPolicy> admin = new ArrayList<>();
        boolean banp = false;
        for (int i = 0; i < specs.size(); i++) {
            AdminSpec a = specs.get(i);
            int kind = a.kind() == 3 && banp ? 0 : a.kind();
            banp |= kind == 3;
            List<AdminRule> ingress = kind == 3 ? withoutPass(a.ingress()) : a.ingress();
            List<AdminRule> egress = kind == 3 ? withoutPass(a.egress()) : a.egress();
            AdminPolicy p = switch (kind) {
                case 0 -> new AdminPolicy(AdminPolicy.Kind.AdminNetworkPolicy, AdminPolicy.Tier.ADMIN, "anp" + i,
                        a.priority(), a.subject(), ingress, egress, Source.UNKNOWN);
                case 1 -> new AdminPolicy(AdminPolicy.Kind.ClusterNetworkPolicy, AdminPolicy.Tier.ADMIN, "cnp" + i,
                        a.priority(), a.subject(), ingress, egress, Source.UNKNOWN);
                case 2 -> new AdminPolicy(AdminPolicy.Kind.ClusterNetworkPolicy, AdminPolicy.Tier.BASELINE, "cnp" + i,
                        a.priority(), a.subject(), ingress, egress, Source.UNKNOWN);
                default -> new AdminPolicy(AdminPolicy.Kind.BaselineAdminNetworkPolicy, AdminPolicy.Tier.BASELINE,
                        "default", AdminPolicy.BANP_PRIORITY, a.subject(), ingress, egress, Source.UNKNOWN);
            };
            admin.add(p);
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeSpecs.size(); i++) {
            nodes.add(new Node("node" + i, nodeSpecs.get(i).labels(), nodeSpecs.get(i).addresses(), Source.UNKNOWN));
        }
        return base.withAdminPolicies(admin).withNodes(nodes);
    }

    /** A BaselineAdminNetworkPolicy has no Pass: such rules become Deny. */
    private static List<AdminRule> withoutPass(List<AdminRule> rules) {
        return rules.stream().map(r -> r.action() != AdminRule.Action.PASS ? r
                : new AdminRule(r.name(), AdminRule.Action.DENY, r.peers(), r.ports(), r.source())).toList();
    }

    private static Arbitrary<AdminSpec> adminPolicies() {
        Arbitrary<AdminSubject> subject = Arbitraries.oneOf(
                selectors(true).map(AdminSubject.Namespaces::new),
                Combinators.combine(selectors(true), selectors(false)).as(AdminSubject.Pods::new));
        return Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 3),
                subject,
                adminRules(true).list().ofMaxSize(3),
                adminRules(false).list().ofMaxSize(3))
                .as(AdminSpec::new);
    }

    private static Arbitrary<AdminRule> adminRules(boolean ingress) {
        Arbitrary<AdminPeer> selectorPeers = Arbitraries.oneOf(
                selectors(true).map(s -> new AdminPeer.Namespaces(s, Source.UNKNOWN)),
                Combinators.combine(selectors(true), selectors(false))
                        .as((n, p) -> new AdminPeer.Pods(n, p, Source.UNKNOWN)));
        Arbitrary<AdminPeer> peer = ingress ? selectorPeers : Arbitraries.oneOf(selectorPeers,
                selectors(false).map(s -> new AdminPeer.Nodes(s, Source.UNKNOWN)),
                Arbitraries.of(NETWORKS).list().uniqueElements().ofMinSize(1).ofMaxSize(2)
                        .map(c -> new AdminPeer.Networks(c, Source.UNKNOWN)));
        Arbitrary<Protocol> protocol = Arbitraries.of(Protocol.class);
        Arbitrary<Integer> number = Arbitraries.oneOf(Arbitraries.of(PORT_NUMBERS),
                Arbitraries.integers().between(PolicyPort.MIN, PolicyPort.MAX));
        Arbitrary<AdminPort> port = Arbitraries.oneOf(
                Combinators.combine(protocol, number).as(AdminPort.Number::new),
                Combinators.combine(protocol, number, number).filter((p, a, b) -> !a.equals(b))
                        .as((p, a, b) -> new AdminPort.Range(p, Math.min(a, b), Math.max(a, b))),
                Arbitraries.of(PORT_NAMES).map(AdminPort.Named::new));
        return Combinators.combine(Arbitraries.of(AdminRule.Action.class), peer.list().ofMinSize(1).ofMaxSize(2),
                        port.list().ofMaxSize(2))
                .as((action, peers, ports) -> new AdminRule("", action, peers, ports, Source.UNKNOWN));
    }

    private record PodSpec(Labels labels, List<ContainerPort> ports, Optional<Integer> v4, Optional<Integer> v6) {}

    private record WorkloadSpec(int namespace, String kind, boolean hostNetwork, List<PodSpec> pods) {}

    private record PolicySpec(int namespace, LabelSelector podSelector, Set<PolicyType> declaredTypes,
                              List<PolicyRule> ingress, List<PolicyRule> egress) {}

    static Arbitrary<Cluster> clusters() {
        Arbitrary<Integer> namespaceCount = Arbitraries.integers().between(1, NAMESPACES.size());
        Arbitrary<List<Labels>> namespaceLabels = labels().list().ofSize(NAMESPACES.size());
        Arbitrary<List<WorkloadSpec>> workloads = workloads().list().ofMinSize(1).ofMaxSize(6)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<List<PolicySpec>> policies = policies().list().ofMaxSize(5)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(namespaceCount, namespaceLabels, workloads, policies).as(ClusterGenerator::build);
    }

    private static Cluster build(int namespaceCount, List<Labels> namespaceLabels, List<WorkloadSpec> workloadSpecs,
                                 List<PolicySpec> policySpecs) {
        List<Namespace> namespaces = new ArrayList<>();
        for (int i = 0; i < namespaceCount; i++) {
            namespaces.add(Namespace.of(NAMESPACES.get(i), namespaceLabels.get(i), Source.UNKNOWN));
        }
        List<Workload> workloads = new ArrayList<>();
        for (int w = 0; w < workloadSpecs.size(); w++) {
            WorkloadSpec spec = workloadSpecs.get(w);
            String ns = NAMESPACES.get(spec.namespace() % namespaceCount);
            String name = "w" + w;
            List<Pod> pods = new ArrayList<>();
            for (int k = 0; k < spec.pods().size(); k++) {
                PodSpec p = spec.pods().get(k);
                List<IpAddress> ips = new ArrayList<>();
                p.v4().ifPresent(i -> ips.add(IpAddress.v4(0x0A00_0000L + i)));
                p.v6().ifPresent(i -> ips.add(new IpAddress(true, 0xFD00_0000_0000_0000L, i)));
                pods.add(new Pod(ns, name + "-" + k, p.labels(), p.ports(), ips, spec.hostNetwork(), Source.UNKNOWN));
            }
            workloads.add(new Workload(spec.kind(), ns, name, pods, Source.UNKNOWN));
        }
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < policySpecs.size(); i++) {
            PolicySpec p = policySpecs.get(i);
            policies.add(new NetworkPolicy(NAMESPACES.get(p.namespace() % namespaceCount), "np" + i, p.podSelector(),
                    PolicyType.defaulted(p.declaredTypes(), p.egress().size()), p.ingress(), p.egress(),
                    Source.UNKNOWN));
        }
        return Cluster.of(namespaces, workloads, policies);
    }

    /** Each of the three keys absent (half the time) or set to one of two values. */
    private static Arbitrary<Labels> labels() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(LABEL_VALUES)));
        return value.list().ofSize(LABEL_KEYS.size()).map(values -> {
            TreeMap<String, String> m = new TreeMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).isEmpty()) {
                    m.put(LABEL_KEYS.get(i), values.get(i));
                }
            }
            return Labels.of(m);
        });
    }

    private static Arbitrary<WorkloadSpec> workloads() {
        Arbitrary<PodSpec> pod = Combinators.combine(
                labels(),
                Arbitraries.of(CONTAINER_PORTS).list().uniqueElements().ofMaxSize(3),
                Arbitraries.integers().between(0, 7).optional(0.6),
                Arbitraries.integers().between(0, 7).optional(0.4))
                .as(PodSpec::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, NAMESPACES.size() - 1),
                Arbitraries.of("Deployment", "Pod", "DaemonSet"),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false)),
                pod.list().ofMinSize(1).ofMaxSize(2))
                .as(WorkloadSpec::new);
    }

    private static Arbitrary<PolicySpec> policies() {
        return Combinators.combine(
                Arbitraries.integers().between(0, NAMESPACES.size() - 1),
                selectors(false),
                Arbitraries.of(PolicyType.class).set().ofMaxSize(2),
                rules().list().ofMaxSize(3),
                rules().list().ofMaxSize(3))
                .as(PolicySpec::new);
    }

    private static Arbitrary<PolicyRule> rules() {
        return Combinators.combine(peers().list().ofMaxSize(3), ports().list().ofMaxSize(3))
                .as((peers, ports) -> new PolicyRule(peers, ports, Source.UNKNOWN));
    }

    private static Arbitrary<Peer> peers() {
        return Arbitraries.oneOf(
                selectors(false).map(s -> new Peer.PodSelectorPeer(s, Source.UNKNOWN)),
                selectors(true).map(s -> new Peer.NamespaceSelectorPeer(s, Source.UNKNOWN)),
                Combinators.combine(selectors(true), selectors(false))
                        .as((n, p) -> new Peer.NamespacePodSelectorPeer(n, p, Source.UNKNOWN)),
                Arbitraries.of(IP_BLOCKS).map(b -> new Peer.IpBlockPeer(b, Source.UNKNOWN)));
    }

    private static Arbitrary<PolicyPort> ports() {
        Arbitrary<Protocol> protocol = Arbitraries.of(Protocol.class);
        Arbitrary<Integer> number = Arbitraries.oneOf(Arbitraries.of(PORT_NUMBERS),
                Arbitraries.integers().between(PolicyPort.MIN, PolicyPort.MAX));
        return Arbitraries.oneOf(
                protocol.map(PolicyPort.AllPorts::new),
                Combinators.combine(protocol, number, number)
                        .as((p, a, b) -> new PolicyPort.PortRange(p, Math.min(a, b), Math.max(a, b))),
                Combinators.combine(protocol, number).as(PolicyPort.PortRange::of),
                Combinators.combine(protocol, Arbitraries.of(PORT_NAMES)).as(PolicyPort.NamedPort::new));
    }

    /**
     * {@code {}} a third of the time, else up to two matchLabels entries and up to two
     * requirements with any of the four operators. Namespace selectors may also use the
     * automatic {@code kubernetes.io/metadata.name} label.
     */
    private static Arbitrary<LabelSelector> selectors(boolean forNamespaces) {
        List<String> keys = new ArrayList<>(LABEL_KEYS);
        if (forNamespaces) {
            keys.add(Namespace.NAME_LABEL);
        }
        Arbitrary<String> key = Arbitraries.of(keys);
        Arbitrary<List<String[]>> matchLabels = key.flatMap(k -> valuesOf(k).map(v -> new String[] {k, v}))
                .list().ofMaxSize(2).withSizeDistribution(RandomDistribution.biased());
        Arbitrary<LabelSelector.Requirement> requirement = Combinators.combine(key,
                        Arbitraries.of(LabelSelector.Operator.class))
                .flatAs((k, op) -> {
                    boolean needsValues = op == LabelSelector.Operator.In || op == LabelSelector.Operator.NotIn;
                    Arbitrary<List<String>> values = needsValues
                            ? valuesOf(k).list().uniqueElements().ofMinSize(1).ofMaxSize(2)
                            : Arbitraries.just(List.of());
                    return values.map(vs -> new LabelSelector.Requirement(k, op, vs));
                });
        Arbitrary<LabelSelector> some = Combinators.combine(matchLabels,
                        requirement.list().ofMaxSize(2).withSizeDistribution(RandomDistribution.biased()))
                .as((kvs, reqs) -> {
                    TreeMap<String, String> m = new TreeMap<>();
                    for (String[] kv : kvs) {
                        m.put(kv[0], kv[1]);
                    }
                    return new LabelSelector(m, reqs);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(LabelSelector.all())),
                Tuple.of(2, some));
    }

    private static Arbitrary<String> valuesOf(String key) {
        return key.equals(Namespace.NAME_LABEL) ? Arbitraries.of(NAMESPACES) : Arbitraries.of(LABEL_VALUES);
    }

    /** Every CIDR the generator can put in an ipBlock (for probing addresses around them). */
    static List<Cidr> allCidrs() {
        List<Cidr> out = new ArrayList<>();
        for (IpBlock b : IP_BLOCKS) {
            out.add(b.cidr());
            out.addAll(b.except());
        }
        out.addAll(NETWORKS);
        for (IpAddress a : NODE_ADDRESSES) {
            out.add(new Cidr(a, a.bits()));
        }
        return out;
    }
}
