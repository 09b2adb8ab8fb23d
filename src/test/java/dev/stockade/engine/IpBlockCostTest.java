package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
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
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost of ipBlocks stays near-linear in their number: many ipBlocks in one rule, the same
 * ipBlock in many rules, and many overlapping ipBlocks with their own except lists. Work is
 * counted (address sets, elementary intervals, memberships), not timed; on the quadratic
 * partition of one set per ipBlock, the overlapping case held intervals × blocks memberships.
 */
@Tag("hostile")
class IpBlockCostTest {
    private static final int PEERS = 2_000;

    /** {@code 10.0.0.0/8} except ten /32s of its own, none adjacent to another, for peer {@code i}. */
    private static IpBlock overlapping(int i) {
        List<Cidr> except = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            except.add(new Cidr(IpAddress.v4(0x0A00_0000L + i * 20L + j * 2), 32));
        }
        return new IpBlock(Cidr.of("10.0.0.0/8"), except);
    }

    private static NetworkPolicy policy(String name, List<PolicyRule> ingress) {
        return new NetworkPolicy("prod", name, LabelSelector.all(), Set.of(PolicyType.Ingress), ingress, List.of(),
                Source.UNKNOWN);
    }

    private static PolicyRule rule(List<IpBlock> blocks) {
        List<Peer> peers = blocks.stream().<Peer>map(b -> new Peer.IpBlockPeer(b, Source.UNKNOWN)).toList();
        return new PolicyRule(peers, List.of(), Source.UNKNOWN);
    }

    private static Cluster cluster(List<NetworkPolicy> policies) {
        Pod pod = new Pod("prod", "web-0", Labels.of("app", "web"), List.of(), List.of(), false, Source.UNKNOWN);
        return Cluster.of(List.of(Namespace.implicit("prod")),
                List.of(new Workload("Deployment", "prod", "web", List.of(pod), Source.UNKNOWN)), policies);
    }

    private static RuleTable rules(Cluster c) {
        return new RuleTable(c.policies(), new PodGroups(c, HostNetworkMode.NODE).index());
    }

    @Test
    void ruleTable_overlappingIpBlocksOfOneRule_becomeOneAddressSet() {
        List<IpBlock> blocks = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            blocks.add(overlapping(i));
        }
        RuleTable rules = rules(cluster(List.of(policy("many", List.of(rule(blocks))))));

        assertThat(rules.blocks()).hasSize(1);
        // every except block of one peer is covered by the others: the union is the whole /8
        assertThat(rules.blocks().get(0).ranges()).extracting(Object::toString).containsExactly("10.0.0.0/8");
        IpPartition partition = new IpPartition(rules.blocks());
        assertThat(partition.intervals()).isEqualTo(4);
        assertThat(partition.memberships()).isEqualTo(1);
    }

    @Test
    void ruleTable_sameIpBlockInManyRules_isOneAddressSet() {
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            policies.add(policy("p" + i, List.of(rule(List.of(IpBlock.of("10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16"))))));
        }
        RuleTable rules = rules(cluster(policies));

        assertThat(rules.blocks()).hasSize(1);
        assertThat(rules.blocks().get(0).ranges()).extracting(Object::toString)
                .containsExactly("10.0.0.0/16", "10.3.0.0-10.255.255.255");
    }

    @Test
    void partition_overlappingSetsOfManyRules_membershipsCounted() {
        // each rule its own overlapping set: memberships grow as rules x intervals, the one quadratic case left
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            policies.add(policy("p" + i, List.of(rule(List.of(overlapping(i))))));
        }
        RuleTable rules = rules(cluster(policies));
        IpPartition partition = new IpPartition(rules.blocks());

        assertThat(rules.blocks()).hasSize(200);
        // below 10/8; 2,000 one-address holes and the 1,999 addresses between them; the rest of 10/8; above; IPv6
        assertThat(partition.intervals()).isEqualTo(1 + 2_000 + 1_999 + 1 + 1 + 1);
        // each hole in 199 sets, the rest of 10/8 in all 200
        assertThat(partition.memberships()).isEqualTo(2_000L * 199 + 2_000L * 200);
    }

    @Test
    void partition_pastTheLimit_refusedNamingTheWidestSet() {
        List<NetworkPolicy> policies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            policies.add(policy("p" + i, List.of(rule(List.of(overlapping(i))))));
        }
        RuleTable rules = rules(cluster(policies));

        assertThatThrownBy(() -> new IpPartition(rules.blocks(), 100_000, rules::blockOrigin))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage("input too large: 200 distinct ipBlock lists overlap in more than 100,000 (address range,"
                        + " list) pairs, the limit of the analysis; the widest is NetworkPolicy prod/p26"
                        + " spec.ingress[0].from (<generated>:0), over 502 ranges");
    }

    @Test
    void addressSet_union_agreesWithIpBlockContains() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            List<IpBlock> blocks = new ArrayList<>();
            for (int b = 0; b < 1 + random.nextInt(4); b++) {
                blocks.add(randomBlock(random));
            }
            AddressSet set = AddressSet.union(blocks);
            for (int probe = 0; probe < 200; probe++) {
                IpAddress ip = IpAddress.v4(0x0A00_0000L + random.nextInt(256));
                assertThat(set.contains(ip)).as("%s in %s", ip, blocks)
                        .isEqualTo(blocks.stream().anyMatch(b -> b.contains(ip)));
            }
        }
    }

    @Test
    void firstBlock_agreesWithAScanOfThePeers() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            List<IpBlock> blocks = new ArrayList<>();
            for (int b = 0; b < FirstBlock.MIN_BLOCKS + random.nextInt(8); b++) {
                blocks.add(random.nextInt(5) == 0 ? null : randomBlock(random));
            }
            FirstBlock index = new FirstBlock(blocks);
            for (int probe = 0; probe < 300; probe++) {
                IpAddress ip = IpAddress.v4(0x0A00_0000L + random.nextInt(256));
                int expected = Verdict.RuleTrace.NO_PEER;
                for (int k = 0; k < blocks.size() && expected == Verdict.RuleTrace.NO_PEER; k++) {
                    if (blocks.get(k) != null && blocks.get(k).contains(ip)) {
                        expected = k;
                    }
                }
                assertThat(index.of(ip)).as("%s in %s", ip, blocks).isEqualTo(expected);
            }
        }
    }

    @Test
    void explain_ruleOfManyIpBlocks_namesTheFirstMatchingPeer() {
        List<IpBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(IpBlock.of("10." + i + ".0.0/16", "10." + i + ".1.0/24"));
        }
        blocks.add(IpBlock.of("10.0.0.0/8"));
        Cluster c = cluster(List.of(policy("many", List.of(rule(blocks)))));
        Explainer explainer = new Explainer(c, AnalysisOptions.DEFAULT);
        Target web = new Target.PodTarget(c.workloads().get(0), c.workloads().get(0).pods().get(0));

        assertThat(explainer.explain(address("10.7.0.1"), web, Protocol.TCP, 80).ingress().policies().get(0)
                .rules().get(0).peer()).isEqualTo(7);
        assertThat(explainer.explain(address("10.7.1.1"), web, Protocol.TCP, 80).ingress().policies().get(0)
                .rules().get(0).peer()).isEqualTo(40);
        assertThat(explainer.explain(address("11.0.0.1"), web, Protocol.TCP, 80).ingress().policies().get(0)
                .rules().get(0).peer()).isEqualTo(Verdict.RuleTrace.NO_PEER);
    }

    private static Target address(String ip) {
        return new Target.AddressTarget(IpAddress.parse(ip).orElseThrow());
    }

    /** A block inside 10.0.0.0/24 with up to three except blocks, some outside it. */
    private static IpBlock randomBlock(Random random) {
        int prefix = 24 + random.nextInt(9);
        Cidr cidr = new Cidr(IpAddress.v4(0x0A00_0000L + random.nextInt(256)), prefix);
        List<Cidr> except = new ArrayList<>();
        for (int e = 0; e < random.nextInt(4); e++) {
            except.add(new Cidr(IpAddress.v4(0x0A00_0000L + random.nextInt(256)), 24 + random.nextInt(9)));
        }
        return new IpBlock(cidr, except);
    }
}
