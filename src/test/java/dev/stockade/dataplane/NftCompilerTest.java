package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.engine.IpRange;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NftCompilerTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";

    private static IpAddress ip(String s) {
        return IpAddress.parse(s).orElseThrow();
    }

    private static Cluster yaml(String text) {
        LoadResult r = Loader.loadString("test.yaml", text);
        assertThat(r.hasErrors()).isFalse();
        return r.cluster();
    }

    private static Ruleset shop(Map<String, String> interfaces) {
        return NftCompiler.compile(NftKernelTest.load(SHOP), AnalysisOptions.DEFAULT, interfaces);
    }

    @Test
    void compile_hostNetworkPodsPolicedAsPods_isRefusedNamingThem() {
        AnalysisOptions pod = new AnalysisOptions(true, HostNetworkMode.POD);
        Cluster shop = NftKernelTest.load(SHOP);
        assertThat(HostNetworkPods.unenforceable(shop, pod)).extracting(Object::toString)
                .containsExactly("ops/node-exporter");
        assertThat(HostNetworkPods.unenforceable(shop, AnalysisOptions.DEFAULT)).isEmpty();
        assertThatThrownBy(() -> NftCompiler.compile(shop, pod, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nft compile cannot police host-network pods as pods (--host-network=pod): they use the"
                        + " node's network namespace and address, so their packets never cross a pod interface where its"
                        + " rules apply; the input has 1 (ops/node-exporter). Use --host-network=node (the default: they"
                        + " are node traffic, not policed) or leave them out of the input.");
        List<Pod> four = List.of(Pod.of("a", "p1", Labels.EMPTY), Pod.of("a", "p2", Labels.EMPTY),
                Pod.of("b", "p3", Labels.EMPTY), Pod.of("b", "p4", Labels.EMPTY));
        assertThat(HostNetworkPods.refusal("lab", four)).contains("; the input has 4 (a/p1, a/p2, b/p3, ...). Use");
    }

    @Test
    void addressSet_subtractExcepts_leavesDisjointIntervals() {
        AddressSet s = AddressSet.of(Cidr.of("10.0.0.0/8")).subtract(AddressSet.of(Cidr.of("10.1.0.0/16")))
                .subtract(AddressSet.of(Cidr.of("10.255.255.255/32")));
        assertThat(s.ranges()).hasToString("[10.0.0.0/16, 10.2.0.0-10.255.255.254]");
        assertThat(s.contains(ip("10.1.2.3"))).isFalse();
        assertThat(s.contains(ip("10.2.0.0"))).isTrue();
    }

    @Test
    void addressSet_unionOfAdjacentAndFamilies_isCanonical() {
        AddressSet s = AddressSet.of(List.of(ip("10.0.0.2"), ip("fd00::1"), ip("10.0.0.1"), ip("10.0.0.3")));
        assertThat(s.ranges()).hasToString("[10.0.0.1-10.0.0.3, fd00::1/128]");
        assertThat(s.only(Family.V6).ranges()).containsExactly(new IpRange(ip("fd00::1"), ip("fd00::1")));
        assertThat(s).isEqualTo(AddressSet.of(List.of(ip("fd00::1"))).union(
                new AddressSet(List.of(new IpRange(ip("10.0.0.1"), ip("10.0.0.3"))))));
    }

    @Test
    void compile_podWithoutIpAndHostNetworkPod_areNotedAndNotDispatched() {
        Ruleset r = shop(Map.of());
        assertThat(r.notes()).contains(
                "host-network pod ops/node-exporter: not policed (NetworkPolicies do not apply to it)",
                "warning: pod shop/cache has no IP (status.podIP): skipped, neither policed nor matched by selector peers");
        assertThat(r.map("ingress_v4").jumps()).doesNotContainKey(ip("192.168.0.5"))
                .containsEntry(ip("10.244.2.21"), "ingress_shop_db");
        assertThat(r.map("ingress_v4").drops()).doesNotContainKey(ip("192.168.0.5"));
        assertThat(r.chains()).extracting(Ruleset.Chain::name).doesNotContain("ingress_shop_cache", "ingress_ops_node-exporter");
    }

    @Test
    void compile_unselectedPod_hasNoChainSoEverythingPasses() {
        Ruleset r = shop(Map.of());
        RulesetWalker w = new RulesetWalker(r);
        // ops/coredns is selected by no policy: reachable from outside on any port (web's egress allows it only on 53)
        assertThat(w.accepts(new RulesetWalker.Packet(ip("192.168.7.7"), ip("10.244.3.2"), "eth0", Protocol.TCP, 22)))
                .isTrue();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("10.244.1.10"), ip("10.244.3.2"), "st0", Protocol.UDP, 53)))
                .isTrue();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("10.244.1.10"), ip("10.244.3.2"), "st0", Protocol.TCP, 22)))
                .isFalse();
    }

    @Test
    void compile_namedPortsResolvePerPod_web1On8080Web2On8081() {
        RulesetWalker w = new RulesetWalker(shop(Map.of()));
        IpAddress outside = ip("198.51.100.1");
        assertThat(w.accepts(new RulesetWalker.Packet(outside, ip("10.244.1.10"), "eth0", Protocol.TCP, 8080))).isTrue();
        assertThat(w.accepts(new RulesetWalker.Packet(outside, ip("10.244.1.10"), "eth0", Protocol.TCP, 8081))).isFalse();
        assertThat(w.accepts(new RulesetWalker.Packet(outside, ip("10.244.1.11"), "eth0", Protocol.TCP, 8081))).isTrue();
        // the except blocks: 203.0.113.0/24 and fd00::/8 may not come in
        assertThat(w.accepts(new RulesetWalker.Packet(ip("203.0.113.9"), ip("10.244.1.10"), "eth0", Protocol.TCP, 8080)))
                .isFalse();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("2001:db8::1"), ip("fd00:10:244:1::a"), "eth0", Protocol.TCP,
                8080))).isTrue();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("fd00::1"), ip("fd00:10:244:1::a"), "eth0", Protocol.TCP,
                8080))).isFalse();
    }

    @Test
    void compile_withInterfaces_dropsPodAddressFromAnotherInterface() {
        RulesetWalker w = new RulesetWalker(shop(Map.of("shop/api", "st-api", "shop/web-1", "st-web-1")));
        // web-1 may reach api on grpc from its own interface, not from elsewhere
        assertThat(w.accepts(new RulesetWalker.Packet(ip("10.244.1.10"), ip("10.244.2.20"), "st-web-1", Protocol.TCP,
                9000))).isTrue();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("10.244.1.10"), ip("10.244.2.20"), "eth0", Protocol.TCP,
                9000))).isFalse();
        assertThat(w.accepts(new RulesetWalker.Packet(ip("fd00:10:244:1::a"), ip("fd00::99"), "st-api", Protocol.TCP,
                53))).isFalse();
    }

    @Test
    void compile_twoPodsOneAddress_warnsAndKeepsTheFirst() {
        Cluster c = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: "n", labels: {app: a}}
                spec: {containers: [{name: c, image: i}]}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: "n", labels: {app: b}}
                spec: {containers: [{name: c, image: i}]}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: "n"}
                spec: {podSelector: {}}
                """);
        Ruleset r = NftCompiler.compile(c, AnalysisOptions.DEFAULT, Map.of());
        assertThat(r.notes()).contains("warning: 10.0.0.1 is the address of more than one pod; the ingress rules of"
                + " n/a apply to it, not those of n/b");
        assertThat(r.map("ingress_v4").jumps()).isEmpty();
        assertThat(r.map("ingress_v4").drops()).containsExactly(Map.entry(ip("10.0.0.1"),
                "n/a ingress isolated by n/deny: nothing admitted"));
    }

    @Test
    void render_longNames_commentsStayWithinNftLimit() {
        String longName = "p" + "x".repeat(200);
        Cluster c = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: "n"}
                spec: {containers: [{name: c, image: i}]}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: %s, namespace: "n"}
                spec: {podSelector: {}, ingress: [{}]}
                """.formatted(longName));
        String text = NftText.render(NftCompiler.compile(c, AnalysisOptions.DEFAULT, Map.of()));
        assertThat(text).contains("accept comment \"n/pxxx");
        assertThat(text.lines().filter(l -> l.contains("comment \"")).map(l -> l.substring(l.indexOf("comment \"")))
                .mapToInt(String::length).max().orElseThrow()).isLessThanOrEqualTo(NftCompiler.COMMENT_MAX + 10);
    }

    @Test
    void sanitize_keepsKubernetesNameCharacters() {
        assertThat(NftCompiler.sanitize("web-1.prod")).isEqualTo("web-1.prod");
        assertThat(NftCompiler.sanitize("a b\"c")).isEqualTo("a-b-c-" + NftCompiler.hash("a b\"c"));
    }

    @Test
    void delta_dbPolicyRemoved_dbIngressBecomesADropElementAndItsChainGoes() {
        Cluster shop = NftKernelTest.load(SHOP);
        List<dev.stockade.model.NetworkPolicy> policies = shop.policies().stream()
                .filter(p -> !p.name().equals("db")).toList();
        Ruleset before = NftCompiler.compile(shop, AnalysisOptions.DEFAULT, Map.of());
        Ruleset after = NftCompiler.compile(shop.withPolicies(policies),
                AnalysisOptions.DEFAULT, Map.of());
        assertThat(NftDelta.between(before, before)).isEmpty();
        assertThat(NftDelta.between(before, after)).isEqualTo("""
                delete element inet stockade ingress_v4 { 10.244.2.21 }
                add element inet stockade ingress_v4 { 10.244.2.21 comment "shop/db ingress isolated by shop/default-deny: nothing admitted" : drop }
                flush chain inet stockade ingress_shop_db
                delete chain inet stockade ingress_shop_db
                """);
    }

    @Test
    void compile_podsWithTheSameRules_shareOneChain() {
        Ruleset r = shop(Map.of());
        // web-1 and web-2 have the same egress rules (web's named port resolves on the destination)
        assertThat(r.map("egress_v4").jumps()).containsEntry(ip("10.244.1.10"), "egress_shop_web-1")
                .containsEntry(ip("10.244.1.11"), "egress_shop_web-1");
        assertThat(r.chain("egress_shop_web-1").statements().getFirst())
                .isEqualTo(new Ruleset.Note("for 2 pods: shop/web-1, shop/web-2"));
        // but not the same ingress rules: their http port differs (8080, 8081)
        assertThat(r.map("ingress_v4").jumps()).containsEntry(ip("10.244.1.10"), "ingress_shop_web-1")
                .containsEntry(ip("10.244.1.11"), "ingress_shop_web-2");
        assertThat(r.chains()).extracting(Ruleset.Chain::name).doesNotContain("egress_shop_web-2");
    }

    @Test
    void compile_peersOfOneOrTwoRanges_areWrittenIntoRulesAndMoreAreSets() {
        Cluster c = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: "n", labels: {app: a}}
                spec: {containers: [{name: c, image: i}]}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: "n"}
                spec:
                  podSelector: {}
                  ingress:
                  - from: [{ipBlock: {cidr: 192.168.0.0/16}}]
                  - from: [{ipBlock: {cidr: 172.16.0.0/30}}, {ipBlock: {cidr: 172.16.0.8/30}}, {ipBlock: {cidr: 172.16.0.16/32}}]
                  - from: [{ipBlock: {cidr: 10.8.0.0/16, except: [10.8.1.0/24, 10.8.3.0/24]}}]
                  - from: [{ipBlock: {cidr: 10.9.0.0/16, except: [10.9.1.0/24]}}]
                """);
        String text = NftText.render(NftCompiler.compile(c, AnalysisOptions.DEFAULT, Map.of()));
        assertThat(text).contains("ip saddr 192.168.0.0/16 accept comment \"n/p ingress[0]\"")
                .contains("ip saddr @n_p_ingress1_v4 accept comment \"n/p ingress[1]\"")
                .contains("ip saddr @n_p_ingress2_net_v4 accept comment \"n/p ingress[2]\"")
                // two ranges: two rules, no set
                .contains("ip saddr 10.9.0.0/24 accept comment \"n/p ingress[3]\"")
                .contains("ip saddr 10.9.2.0-10.9.255.255 accept comment \"n/p ingress[3]\"")
                .doesNotContain("n_p_ingress3");
        Ruleset r = NftCompiler.compile(c, AnalysisOptions.DEFAULT, Map.of());
        assertThat(r.set("n_p_ingress1_v4").interval()).isFalse();
        assertThat(NftText.elements(r.set("n_p_ingress1_v4"))).containsExactly(
                "172.16.0.0", "172.16.0.1", "172.16.0.2", "172.16.0.3", "172.16.0.8", "172.16.0.9", "172.16.0.10",
                "172.16.0.11", "172.16.0.16");
        assertThat(r.set("n_p_ingress2_net_v4").interval()).isTrue();
        assertThat(NftText.elements(r.set("n_p_ingress2_net_v4"))).containsExactly("10.8.0.0/24", "10.8.2.0/24",
                "10.8.4.0-10.8.255.255");
    }
}
