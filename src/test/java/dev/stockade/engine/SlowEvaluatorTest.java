package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cidr;
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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The oracle is only worth something if it is right: hand-checked cases of the API rules. */
class SlowEvaluatorTest {
    private static final Source S = Source.UNKNOWN;
    private static final Pod WEB = new Pod("prod", "web", Labels.of("app", "web"),
            List.of(new ContainerPort("http", 8080, Protocol.TCP)), List.of(ip("10.0.0.1")), false, S);
    private static final Pod DB = new Pod("prod", "db", Labels.of("app", "db"), List.of(), List.of(ip("10.0.0.5")),
            false, S);
    private static final Pod CLIENT = new Pod("dev", "client", Labels.of("app", "client"), List.of(),
            List.of(ip("10.0.0.9")), false, S);
    private static final Pod HOST = new Pod("prod", "agent", Labels.of("app", "web"), List.of(), List.of(ip("10.0.0.2")),
            true, S);

    private static IpAddress ip(String s) {
        return IpAddress.parse(s).orElseThrow();
    }

    private static Cluster cluster(NetworkPolicy... policies) {
        List<Workload> workloads = new ArrayList<>();
        for (Pod p : List.of(WEB, DB, CLIENT, HOST)) {
            workloads.add(new Workload("Pod", p.namespace(), p.name(), List.of(p), S));
        }
        return Cluster.of(List.of(Namespace.of("prod", Labels.of("env", "prod"), S), Namespace.of("dev", Labels.EMPTY, S)),
                workloads, List.of(policies));
    }

    private static NetworkPolicy ingress(LabelSelector subject, PolicyRule... rules) {
        return new NetworkPolicy("prod", "in", subject, Set.of(PolicyType.Ingress), List.of(rules), List.of(), S);
    }

    private static NetworkPolicy egress(LabelSelector subject, PolicyRule... rules) {
        return new NetworkPolicy("prod", "out", subject, Set.of(PolicyType.Egress), List.of(), List.of(rules), S);
    }

    private static PolicyRule rule(List<Peer> peers, PolicyPort... ports) {
        return new PolicyRule(peers, List.of(ports), S);
    }

    private static boolean allowed(Cluster c, Object src, Object dst, Protocol protocol, int port) {
        return new SlowEvaluator(c, true).allowed(end(src), end(dst), protocol, port);
    }

    private static SlowEvaluator.End end(Object o) {
        return o instanceof Pod p ? SlowEvaluator.pod(p) : SlowEvaluator.address(ip((String) o));
    }

    @Test
    void allowed_noPolicies_allowsEverything() {
        Cluster c = cluster();
        assertThat(allowed(c, WEB, DB, Protocol.UDP, 9)).isTrue();
        assertThat(allowed(c, "8.8.8.8", WEB, Protocol.SCTP, 65535)).isTrue();
    }

    @Test
    void allowed_defaultDenyIngress_deniesIncomingOnlyToSelectedPods() {
        Cluster c = cluster(ingress(LabelSelector.all()));
        assertThat(allowed(c, CLIENT, WEB, Protocol.TCP, 8080)).isFalse();
        assertThat(allowed(c, "8.8.8.8", DB, Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, WEB, CLIENT, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, WEB, "8.8.8.8", Protocol.TCP, 80)).isTrue();
    }

    @Test
    void allowed_ruleWithNoPeersAndNoPorts_admitsEverything() {
        Cluster c = cluster(ingress(LabelSelector.all(), rule(List.of())));
        assertThat(allowed(c, "1.2.3.4", WEB, Protocol.UDP, 1)).isTrue();
    }

    @Test
    void allowed_ipBlockWithExcept_admitsOnlyAddressesOutsideTheException() {
        Peer block = new Peer.IpBlockPeer(IpBlock.of("10.0.0.0/29", "10.0.0.4/30"), S);
        Cluster c = cluster(egress(LabelSelector.matchLabels("app", "web"), rule(List.of(block))));
        assertThat(allowed(c, WEB, "10.0.0.3", Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, WEB, "10.0.0.4", Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, WEB, "10.0.0.7", Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, WEB, "10.0.0.8", Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, DB, "10.0.0.8", Protocol.TCP, 80)).isTrue();
    }

    @Test
    void allowed_ipBlockTowardPod_dependsOnMode() {
        Peer block = new Peer.IpBlockPeer(IpBlock.of("10.0.0.0/30"), S);
        Cluster c = cluster(ingress(LabelSelector.matchLabels("app", "db"), rule(List.of(block))));
        SlowEvaluator matchesPods = new SlowEvaluator(c, true);
        SlowEvaluator externalOnly = new SlowEvaluator(c, false);
        assertThat(matchesPods.allowed(SlowEvaluator.pod(WEB), SlowEvaluator.pod(DB), Protocol.TCP, 80)).isTrue();
        assertThat(externalOnly.allowed(SlowEvaluator.pod(WEB), SlowEvaluator.pod(DB), Protocol.TCP, 80)).isFalse();
        assertThat(externalOnly.allowed(SlowEvaluator.address(ip("10.0.0.1")), SlowEvaluator.pod(DB), Protocol.TCP, 80))
                .isTrue();
    }

    @Test
    void allowed_ipv6Address_neverMatchesIpv4Block() {
        Peer block = new Peer.IpBlockPeer(IpBlock.of("0.0.0.0/0"), S);
        Cluster c = cluster(ingress(LabelSelector.all(), rule(List.of(block))));
        assertThat(allowed(c, "::a00:1", WEB, Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, "10.0.0.1", WEB, Protocol.TCP, 80)).isTrue();
    }

    @Test
    void allowed_namedPort_resolvesAgainstDestinationNameAndProtocol() {
        Cluster c = cluster(ingress(LabelSelector.all(), rule(List.of(), new PolicyPort.NamedPort(Protocol.TCP, "http"))));
        assertThat(allowed(c, CLIENT, WEB, Protocol.TCP, 8080)).isTrue();
        assertThat(allowed(c, CLIENT, WEB, Protocol.TCP, 80)).isFalse();
        assertThat(allowed(c, CLIENT, WEB, Protocol.UDP, 8080)).isFalse();
        assertThat(allowed(c, CLIENT, DB, Protocol.TCP, 8080)).isFalse();
    }

    @Test
    void allowed_namedPortTowardExternalAddress_admitsNothing() {
        Peer anywhere = new Peer.IpBlockPeer(IpBlock.of("0.0.0.0/0"), S);
        Cluster c = cluster(egress(LabelSelector.all(), rule(List.of(anywhere),
                new PolicyPort.NamedPort(Protocol.TCP, "http"), new PolicyPort.PortRange(Protocol.UDP, 50, 60))));
        assertThat(allowed(c, WEB, "8.8.8.8", Protocol.TCP, 8080)).isFalse();
        assertThat(allowed(c, WEB, "8.8.8.8", Protocol.UDP, 53)).isTrue();
        assertThat(allowed(c, WEB, "8.8.8.8", Protocol.UDP, 61)).isFalse();
    }

    @Test
    void allowed_hostNetworkPod_isNeverIsolatedNorMatchedBySelectors() {
        Peer webPods = new Peer.PodSelectorPeer(LabelSelector.matchLabels("app", "web"), S);
        Cluster c = cluster(ingress(LabelSelector.all(), rule(List.of(webPods))), egress(LabelSelector.all()));
        assertThat(allowed(c, HOST, CLIENT, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, CLIENT, HOST, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, HOST, DB, Protocol.TCP, 80)).isFalse();
    }

    @Test
    void allowed_podSelectorPeer_onlyMatchesPodsOfThePolicysNamespace() {
        Peer any = new Peer.PodSelectorPeer(LabelSelector.all(), S);
        Cluster c = cluster(ingress(LabelSelector.matchLabels("app", "db"), rule(List.of(any))));
        assertThat(allowed(c, WEB, DB, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, CLIENT, DB, Protocol.TCP, 80)).isFalse();
    }

    @Test
    void allowed_namespaceAndPodSelectorInOnePeer_requireBoth() {
        LabelSelector devNs = LabelSelector.matchLabels(Namespace.NAME_LABEL, "dev");
        LabelSelector web = LabelSelector.matchLabels("app", "web");
        Peer both = new Peer.NamespacePodSelectorPeer(devNs, web, S);
        Cluster and = cluster(ingress(LabelSelector.matchLabels("app", "db"), rule(List.of(both))));
        assertThat(allowed(and, CLIENT, DB, Protocol.TCP, 80)).isFalse();
        assertThat(allowed(and, WEB, DB, Protocol.TCP, 80)).isFalse();
        Cluster or = cluster(ingress(LabelSelector.matchLabels("app", "db"), rule(List.of(
                new Peer.NamespaceSelectorPeer(devNs, S), new Peer.PodSelectorPeer(web, S)))));
        assertThat(allowed(or, CLIENT, DB, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(or, WEB, DB, Protocol.TCP, 80)).isTrue();
    }

    @Test
    void allowed_egressRulesOfIngressOnlyPolicy_areIgnored() {
        NetworkPolicy p = new NetworkPolicy("prod", "p", LabelSelector.all(), Set.of(PolicyType.Ingress), List.of(),
                List.of(rule(List.of(new Peer.IpBlockPeer(IpBlock.of("1.1.1.1/32"), S)))), S);
        Cluster c = cluster(p);
        assertThat(allowed(c, WEB, "8.8.8.8", Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, CLIENT, WEB, Protocol.TCP, 80)).isFalse();
    }

    @Test
    void allowed_policiesAreAdditive_anyPolicyAdmittingSuffices() {
        Cluster c = cluster(ingress(LabelSelector.all()),
                ingress(LabelSelector.matchLabels("app", "web"), rule(List.of(), PolicyPort.PortRange.of(Protocol.TCP, 80))));
        assertThat(allowed(c, CLIENT, WEB, Protocol.TCP, 80)).isTrue();
        assertThat(allowed(c, CLIENT, DB, Protocol.TCP, 80)).isFalse();
    }

    @Test
    void selectorMatches_operators_followTheApi() {
        Map<String, String> labels = Map.of("app", "web");
        assertThat(SlowEvaluator.selectorMatches(selector("app", LabelSelector.Operator.In, "web", "db"), labels)).isTrue();
        assertThat(SlowEvaluator.selectorMatches(selector("tier", LabelSelector.Operator.In, "web"), labels)).isFalse();
        assertThat(SlowEvaluator.selectorMatches(selector("app", LabelSelector.Operator.NotIn, "web"), labels)).isFalse();
        assertThat(SlowEvaluator.selectorMatches(selector("tier", LabelSelector.Operator.NotIn, "x"), labels)).isTrue();
        assertThat(SlowEvaluator.selectorMatches(selector("app", LabelSelector.Operator.Exists), labels)).isTrue();
        assertThat(SlowEvaluator.selectorMatches(selector("app", LabelSelector.Operator.DoesNotExist), labels)).isFalse();
        assertThat(SlowEvaluator.selectorMatches(selector("tier", LabelSelector.Operator.DoesNotExist), labels)).isTrue();
        assertThat(SlowEvaluator.selectorMatches(LabelSelector.matchLabels("app", "db"), labels)).isFalse();
        assertThat(SlowEvaluator.selectorMatches(LabelSelector.all(), Map.of())).isTrue();
    }

    private static LabelSelector selector(String key, LabelSelector.Operator op, String... values) {
        return new LabelSelector(new java.util.TreeMap<>(), List.of(new LabelSelector.Requirement(key, op, List.of(values))));
    }

    @Test
    void inCidr_prefixEdges_areInclusiveAndFamilyStrict() {
        assertThat(SlowEvaluator.inCidr(Cidr.of("10.0.0.4/30"), ip("10.0.0.7"))).isTrue();
        assertThat(SlowEvaluator.inCidr(Cidr.of("10.0.0.4/30"), ip("10.0.0.8"))).isFalse();
        assertThat(SlowEvaluator.inCidr(Cidr.of("10.0.0.4/30"), ip("10.0.0.3"))).isFalse();
        assertThat(SlowEvaluator.inCidr(Cidr.of("0.0.0.0/0"), ip("255.255.255.255"))).isTrue();
        assertThat(SlowEvaluator.inCidr(Cidr.of("10.0.0.5/32"), ip("10.0.0.5"))).isTrue();
        assertThat(SlowEvaluator.inCidr(Cidr.of("::/0"), ip("10.0.0.5"))).isFalse();
        assertThat(SlowEvaluator.inCidr(Cidr.of("fd00::/126"), ip("fd00::3"))).isTrue();
        assertThat(SlowEvaluator.inCidr(Cidr.of("fd00::/126"), ip("fd00::4"))).isFalse();
        assertThat(SlowEvaluator.inCidr(Cidr.of("8000::/1"), ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(SlowEvaluator.inCidr(Cidr.of("8000::/1"), ip("7fff::"))).isFalse();
    }

    @Test
    void allowed_hostNetworkPod_nodeTrafficOrPolicedAsAPod() {
        // web's label on a host-network pod: the policy isolates it and its peer admits it only as a pod
        Peer webPeer = new Peer.PodSelectorPeer(LabelSelector.matchLabels("app", "web"), S);
        Cluster c = cluster(ingress(LabelSelector.matchLabels("app", "web"), rule(List.of(webPeer))));
        SlowEvaluator node = new SlowEvaluator(c, true, false);
        SlowEvaluator pod = new SlowEvaluator(c, true, true);
        assertThat(node.allowed(SlowEvaluator.pod(CLIENT), SlowEvaluator.pod(HOST), Protocol.TCP, 80)).isTrue();
        assertThat(pod.allowed(SlowEvaluator.pod(CLIENT), SlowEvaluator.pod(HOST), Protocol.TCP, 80)).isFalse();
        assertThat(node.allowed(SlowEvaluator.pod(HOST), SlowEvaluator.pod(WEB), Protocol.TCP, 8080)).isFalse();
        assertThat(pod.allowed(SlowEvaluator.pod(HOST), SlowEvaluator.pod(WEB), Protocol.TCP, 8080)).isTrue();
    }
}
