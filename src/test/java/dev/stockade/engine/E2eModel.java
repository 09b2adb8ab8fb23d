package dev.stockade.engine;

import dev.stockade.dataplane.Nft;
import dev.stockade.dataplane.NftCompiler;
import dev.stockade.dataplane.NftText;
import dev.stockade.dataplane.RulesetWalker;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cluster of the upstream Kubernetes NetworkPolicy e2e suite
 * ({@code test/e2e/network/netpol}): namespaces x, y, z, each labelled {@code ns=<name>} (plus
 * the automatic {@code kubernetes.io/metadata.name}), with pods a, b, c labelled
 * {@code pod=<name>}. Every pod serves ports 80 and 81 on TCP, UDP and SCTP, with container
 * ports named like upstream's ({@code serve-80-tcp}, {@code serve-81-udp}, …). Each pod is its
 * own workload of kind Pod and has an IP, x/a = 10.0.0.1 through z/c = 10.0.0.9, so that the
 * suite's ipBlock scenarios (which use pod IPs) can be written.
 *
 * <p>The fixture is mutable on purpose: a scenario creates, updates and deletes policies and
 * relabels pods and namespaces in the order upstream does, and {@link #validate} checks the
 * state at each point where upstream probes.
 */
final class E2eModel {
    static final List<String> NAMESPACES = List.of("x", "y", "z");
    static final List<String> POD_NAMES = List.of("a", "b", "c");
    static final List<Integer> PORTS = List.of(80, 81);
    /** x/a, x/b, … z/c: the rows and columns of every truth table. */
    static final List<String> PODS = NAMESPACES.stream()
            .flatMap(ns -> POD_NAMES.stream().map(p -> ns + "/" + p)).toList();

    private static final AnalysisOptions OPTIONS = AnalysisOptions.DEFAULT;

    private final Map<String, Labels> namespaceLabels = new LinkedHashMap<>();
    private final Map<String, Labels> podLabels = new LinkedHashMap<>();
    private final List<NetworkPolicy> policies = new ArrayList<>();

    E2eModel() {
        for (String ns : NAMESPACES) {
            namespaceLabels.put(ns, Labels.of("ns", ns));
        }
        for (String pod : PODS) {
            podLabels.put(pod, Labels.of("pod", pod.substring(pod.indexOf('/') + 1)));
        }
    }

    /** The pod's IP: 10.0.0.1 for x/a, in {@link #PODS} order. */
    static IpAddress ip(String pod) {
        int i = PODS.indexOf(pod);
        if (i < 0) {
            throw new IllegalArgumentException("unknown pod " + pod);
        }
        return IpAddress.v4(0x0A000000L + i + 1);
    }

    /** The pod's IP as a host CIDR, as upstream builds it: {@code 10.0.0.5/32}. */
    static String hostCidr(String pod) {
        return ip(pod) + "/32";
    }

    // ---- state changes, one per upstream step ----

    /** Upstream's {@code CreatePolicy}. */
    void create(NetworkPolicy policy) {
        if (find(policy) >= 0) {
            throw new IllegalStateException("policy exists: " + policy);
        }
        policies.add(policy);
    }

    /** Upstream's {@code UpdatePolicy}: replaces the policy of the same namespace and name. */
    void update(NetworkPolicy policy) {
        int i = find(policy);
        if (i < 0) {
            throw new IllegalStateException("no policy to update: " + policy);
        }
        policies.set(i, policy);
    }

    /** Upstream's {@code cleanNetworkPolicies}. */
    void deleteAllPolicies() {
        policies.clear();
    }

    /** Upstream's {@code AddNamespaceLabel}. */
    void addNamespaceLabel(String namespace, String key, String value) {
        namespaceLabels.put(namespace, namespaceLabels.get(namespace).with(key, value));
    }

    /** Upstream's {@code AddPodLabels}. */
    void addPodLabels(String pod, String... keyValues) {
        Labels l = podLabels.get(pod);
        for (Map.Entry<String, String> e : Labels.of(keyValues).map().entrySet()) {
            l = l.with(e.getKey(), e.getValue());
        }
        podLabels.put(pod, l);
    }

    private int find(NetworkPolicy policy) {
        for (int i = 0; i < policies.size(); i++) {
            NetworkPolicy p = policies.get(i);
            if (p.namespace().equals(policy.namespace()) && p.name().equals(policy.name())) {
                return i;
            }
        }
        return -1;
    }

    // ---- the cluster and its observed connectivity ----

    Cluster cluster() {
        List<Namespace> namespaces = new ArrayList<>();
        for (Map.Entry<String, Labels> e : namespaceLabels.entrySet()) {
            namespaces.add(Namespace.of(e.getKey(), e.getValue(), Source.UNKNOWN));
        }
        return Cluster.of(namespaces, workloads(), policies);
    }

    private List<Workload> workloads() {
        List<ContainerPort> ports = new ArrayList<>();
        for (int port : PORTS) {
            for (Protocol p : Protocol.values()) {
                ports.add(new ContainerPort("serve-" + port + "-" + p.name().toLowerCase(Locale.ROOT), port, p));
            }
        }
        List<Workload> out = new ArrayList<>();
        for (String name : PODS) {
            String[] nsPod = name.split("/");
            Pod pod = new Pod(nsPod[0], nsPod[1], podLabels.get(name), ports, List.of(ip(name)), false,
                    Source.UNKNOWN);
            out.add(new Workload("Pod", nsPod[0], nsPod[1], List.of(pod), Source.UNKNOWN));
        }
        return out;
    }

    /** Upstream's {@code NewReachability(pods, true)}: every pair expected to connect. */
    static TruthTable allowAll() {
        return TruthTable.filled(PODS, true);
    }

    /**
     * What {@link Analyzer} says about {@code protocol}/{@code port} between every two pods. The
     * engine reports no connection from a workload to itself, so the diagonal has no value.
     */
    TruthTable analyze(Protocol protocol, int port) {
        Connectivity c = new Analyzer(OPTIONS).analyze(cluster());
        TruthTable t = TruthTable.filled(PODS, null);
        for (String from : PODS) {
            for (String to : PODS) {
                if (!from.equals(to)) {
                    t = t.expect(from, to, false);
                }
            }
        }
        for (Connection conn : c.connections()) {
            if (conn.src() instanceof Endpoint.WorkloadEndpoint s && conn.dst() instanceof Endpoint.WorkloadEndpoint d
                    && conn.allowed().contains(protocol, port)) {
                t = t.expect(s.workload().toString(), d.workload().toString(), true);
            }
        }
        return t;
    }

    /** What {@link Explainer} says about each pair of different pods, one verdict at a time. */
    TruthTable explain(Protocol protocol, int port) {
        Cluster cluster = cluster();
        Explainer explainer = new Explainer(cluster, OPTIONS);
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Workload w : cluster.workloads()) {
            targets.put(w.toString(), new Target.PodTarget(w, w.pods().getFirst()));
        }
        TruthTable t = TruthTable.filled(PODS, null);
        for (String from : PODS) {
            for (String to : PODS) {
                if (!from.equals(to)) {
                    t = t.expect(from, to, explainer.explain(targets.get(from), targets.get(to), protocol, port).allowed());
                }
            }
        }
        return t;
    }

    /**
     * Upstream's {@code ValidateOrFail}: the analysis must match {@code expected} on every pair
     * of different pods (loopback is ignored, as upstream ignores it), the explainer must
     * agree with the analysis cell by cell, and so must the compiled nftables ruleset (walked
     * packet by packet), which {@code nft -c} must accept when nft is installed.
     */
    void validate(String step, Protocol protocol, int port, TruthTable expected) {
        String title = step + " (" + protocol + " " + port + ")";
        java.util.function.Consumer<Step> r = recorder;
        if (r != null) {
            r.accept(new Step(step, cluster(), protocol, port, expected));
        }
        TruthTable observed = analyze(protocol, port);
        TruthTable.assertAgree(title, "expected (upstream)", expected, "observed (Analyzer)", observed, true);
        TruthTable.assertAgree(title + ": Explainer vs Analyzer", "Analyzer", observed, "Explainer",
                explain(protocol, port), true);
        TruthTable.assertAgree(title + ": nftables ruleset vs upstream", "expected (upstream)", expected,
                "compiled ruleset", compiled(protocol, port), true);
        checkWithNft(title);
    }

    /**
     * What the compiled nftables ruleset ({@link NftCompiler}) does with the first packet of a
     * connection between every two different pods, walked over its record tree.
     */
    TruthTable compiled(Protocol protocol, int port) {
        RulesetWalker walker = new RulesetWalker(NftCompiler.compile(cluster(), OPTIONS, interfaces()));
        TruthTable t = TruthTable.filled(PODS, null);
        for (String from : PODS) {
            for (String to : PODS) {
                if (!from.equals(to)) {
                    t = t.expect(from, to, walker.accepts(
                            new RulesetWalker.Packet(ip(from), ip(to), interfaceOf(from), protocol, port)));
                }
            }
        }
        return t;
    }

    /** The kernel accepts the compiled ruleset ({@code nft -c}, nothing loaded); skipped without nft. */
    private void checkWithNft(String title) {
        if (!Nft.available()) {
            return;
        }
        String text = NftText.render(NftCompiler.compile(cluster(), OPTIONS, interfaces()));
        if (CHECKED.add(text)) {
            Nft.Result r = Nft.check(text);
            if (!r.ok()) {
                throw new AssertionError(title + ": nft -c rejects the compiled ruleset:\n" + r.output() + "\n" + text);
            }
        }
    }

    /** One point of a scenario where upstream probes: the cluster then, and the table expected for one port. */
    record Step(String step, Cluster cluster, Protocol protocol, int port, TruthTable expected) {}

    private static volatile java.util.function.Consumer<Step> recorder;

    /**
     * Hands every validated step to {@code r} as well (null: none), so that other checkers (the lab on
     * the kernel) can run the same scenarios with upstream's tables.
     */
    static void recordSteps(java.util.function.Consumer<Step> r) {
        recorder = r;
    }

    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The host side of each pod's veth pair, as the lab names them: {@code st-x-a}. */
    static Map<String, String> interfaces() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pod : PODS) {
            m.put(pod, interfaceOf(pod));
        }
        return m;
    }

    private static String interfaceOf(String pod) {
        return "st-" + pod.replace('/', '-');
    }

    // ---- building policies with the model records ----

    /**
     * A policy built the way upstream's {@code GenNetworkPolicy} with {@code SetSpecIngressRules}
     * / {@code SetSpecEgressRules} builds it: calling either (even with no rules) adds that
     * direction to the declared {@code policyTypes}.
     */
    static final class PolicyBuilder {
        private final String namespace;
        private final String name;
        private LabelSelector podSelector = LabelSelector.all();
        private final Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
        private final List<PolicyRule> ingress = new ArrayList<>();
        private final List<PolicyRule> egress = new ArrayList<>();

        private PolicyBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        PolicyBuilder podSelector(LabelSelector selector) {
            this.podSelector = selector;
            return this;
        }

        /** {@code podSelector: {matchLabels: {pod: <pod>}}}. */
        PolicyBuilder selectPod(String pod) {
            return podSelector(LabelSelector.matchLabels("pod", pod));
        }

        PolicyBuilder ingress(PolicyRule... rules) {
            types.add(PolicyType.Ingress);
            ingress.addAll(Arrays.asList(rules));
            return this;
        }

        PolicyBuilder egress(PolicyRule... rules) {
            types.add(PolicyType.Egress);
            egress.addAll(Arrays.asList(rules));
            return this;
        }

        /** Replaces the declared {@code policyTypes}. */
        PolicyBuilder policyTypes(PolicyType... declared) {
            types.clear();
            types.addAll(Arrays.asList(declared));
            return this;
        }

        NetworkPolicy build() {
            return new NetworkPolicy(namespace, name, podSelector, PolicyType.defaulted(types, egress.size()),
                    ingress, egress, Source.UNKNOWN);
        }
    }

    static PolicyBuilder policy(String namespace, String name) {
        return new PolicyBuilder(namespace, name);
    }

    /** A rule: {@code from}/{@code to} peers (empty = all peers) and ports (empty = all ports). */
    static PolicyRule rule(List<Peer> peers, List<PolicyPort> ports) {
        return new PolicyRule(peers, ports, Source.UNKNOWN);
    }

    /** {@code {}}: the rule that admits everything. */
    static PolicyRule allowAllRule() {
        return rule(List.of(), List.of());
    }

    static PolicyRule peers(Peer... peers) {
        return rule(List.of(peers), List.of());
    }

    static PolicyRule ports(PolicyPort... ports) {
        return rule(List.of(), List.of(ports));
    }

    static Peer podSelector(LabelSelector pods) {
        return new Peer.PodSelectorPeer(pods, Source.UNKNOWN);
    }

    static Peer namespaceSelector(LabelSelector namespaces) {
        return new Peer.NamespaceSelectorPeer(namespaces, Source.UNKNOWN);
    }

    static Peer namespaceAndPodSelector(LabelSelector namespaces, LabelSelector pods) {
        return new Peer.NamespacePodSelectorPeer(namespaces, pods, Source.UNKNOWN);
    }

    static Peer ipBlock(String cidr, String... except) {
        return new Peer.IpBlockPeer(IpBlock.of(cidr, except), Source.UNKNOWN);
    }

    static PolicyPort port(Protocol protocol, int port) {
        return PolicyPort.PortRange.of(protocol, port);
    }

    static PolicyPort portRange(Protocol protocol, int port, int endPort) {
        return new PolicyPort.PortRange(protocol, port, endPort);
    }

    static PolicyPort namedPort(Protocol protocol, String name) {
        return new PolicyPort.NamedPort(protocol, name);
    }

    static PolicyPort allPortsOf(Protocol protocol) {
        return new PolicyPort.AllPorts(protocol);
    }

    static LabelSelector labels(String... keyValues) {
        return LabelSelector.matchLabels(keyValues);
    }

    static LabelSelector expression(String key, LabelSelector.Operator op, String... values) {
        return new LabelSelector(new java.util.TreeMap<>(),
                List.of(new LabelSelector.Requirement(key, op, List.of(values))));
    }
}
