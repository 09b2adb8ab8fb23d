package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Node;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of all policies flattened into one table: NetworkPolicy rules in policy order and,
 * within a policy, ingress before egress (only the directions the policy affects); then the
 * rules of the admin policies in evaluation order. Every peer of every rule gets a number: its
 * pod groups are evaluated once through the {@link SelectorIndex}, and a peer that matches
 * addresses (a NetworkPolicy ipBlock; an admin {@code networks} or {@code nodes} peer) numbers
 * its blocks, in the order the {@link IpPartition} is built from. Blocks of admin peers match
 * pod addresses whatever the ipBlock option says: the admin API checks cluster-internal traffic
 * against them too.
 */
final class RuleTable {
    private static final int[] NONE = new int[0];

    /** A rule of one NetworkPolicy, with the parts that do not depend on the far end precomputed. */
    record RuleRef(int policy, PolicyType direction, int index, PolicyRule rule, int[] peers,
                   PortSet numeric, boolean hasNamed) {}

    /** A rule of one admin policy ({@code id}: its position in the table; {@code policy}: in evaluation order). */
    record AdminRuleRef(int id, int policy, PolicyType direction, int index, AdminRule rule, int[] peers,
                        PortSet numeric, boolean hasNamed) {}

    private final List<int[]> peerGroups = new ArrayList<>();
    private final List<int[]> peerBlocks = new ArrayList<>();
    private final List<IpBlock> blocks = new ArrayList<>();
    private final List<Boolean> blockMatchesPods = new ArrayList<>();
    private final List<RuleRef> rules = new ArrayList<>();
    private final List<AdminRuleRef> adminRules = new ArrayList<>();

    RuleTable(List<NetworkPolicy> policies, SelectorIndex index) {
        this(policies, List.of(), List.of(), index);
    }

    RuleTable(List<NetworkPolicy> policies, List<AdminPolicy> admin, List<Node> nodes, SelectorIndex index) {
        for (int pi = 0; pi < policies.size(); pi++) {
            NetworkPolicy p = policies.get(pi);
            for (PolicyType dir : PolicyType.values()) {
                if (!p.affects(dir)) {
                    continue;
                }
                List<PolicyRule> rs = p.rules(dir);
                for (int ri = 0; ri < rs.size(); ri++) {
                    PolicyRule r = rs.get(ri);
                    int[] ids = new int[r.peers().size()];
                    for (int k = 0; k < ids.length; k++) {
                        Peer peer = r.peers().get(k);
                        ids[k] = peerGroups.size();
                        peerGroups.add(index.peer(peer, p.namespace()));
                        peerBlocks.add(peer instanceof Peer.IpBlockPeer ib ? new int[] {block(ib.block(), false)} : NONE);
                    }
                    rules.add(new RuleRef(pi, dir, ri, r, ids, Ports.numeric(r.ports()),
                            !Ports.named(r.ports()).isEmpty()));
                }
            }
        }
        for (int ai = 0; ai < admin.size(); ai++) {
            AdminPolicy p = admin.get(ai);
            for (PolicyType dir : PolicyType.values()) {
                List<AdminRule> rs = p.rules(dir);
                for (int ri = 0; ri < rs.size(); ri++) {
                    AdminRule r = rs.get(ri);
                    int[] ids = new int[r.peers().size()];
                    for (int k = 0; k < ids.length; k++) {
                        AdminPeer peer = r.peers().get(k);
                        ids[k] = peerGroups.size();
                        peerGroups.add(index.adminPeer(peer));
                        peerBlocks.add(adminBlocks(peer, nodes));
                    }
                    adminRules.add(new AdminRuleRef(adminRules.size(), ai, dir, ri, r, ids, AdminPorts.numeric(r.ports()),
                            r.ports().stream().anyMatch(x -> x instanceof AdminPort.Named)));
                }
            }
        }
    }

    private int block(IpBlock b, boolean matchesPods) {
        blocks.add(b);
        blockMatchesPods.add(matchesPods);
        return blocks.size() - 1;
    }

    /** The blocks of a networks peer (its CIDRs) or a nodes peer (each address of each matching node). */
    private int[] adminBlocks(AdminPeer peer, List<Node> nodes) {
        List<Integer> ids = new ArrayList<>();
        if (peer instanceof AdminPeer.Networks n) {
            for (Cidr c : n.cidrs()) {
                ids.add(block(new IpBlock(c, List.of()), true));
            }
        } else if (peer instanceof AdminPeer.Nodes n) {
            for (Node node : nodes) {
                if (Selectors.matches(n.nodes(), node.labels())) {
                    for (IpAddress ip : node.addresses()) {
                        ids.add(block(new IpBlock(new Cidr(ip, ip.bits()), List.of()), true));
                    }
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every NetworkPolicy rule, in table order. */
    List<RuleRef> rules() {
        return rules;
    }

    /** Every admin rule: policies in evaluation order, ingress before egress, rules in order. */
    List<AdminRuleRef> adminRules() {
        return adminRules;
    }

    /** How many peers all rules have together; peers are numbered from 0. */
    int peers() {
        return peerGroups.size();
    }

    /** The pod groups a peer matches by selector (none for an address peer); do not modify. */
    int[] peerGroups(int peer) {
        return peerGroups.get(peer);
    }

    /** The numbers of a peer's blocks (none for a selector peer); do not modify. */
    int[] peerBlocks(int peer) {
        return peerBlocks.get(peer);
    }

    /** The blocks of all address peers, numbered as {@link #peerBlocks} numbers them. */
    List<IpBlock> blocks() {
        return blocks;
    }

    /** Whether a block matches pod addresses regardless of the ipBlock option (an admin peer's block). */
    boolean blockAlwaysMatchesPods(int block) {
        return blockMatchesPods.get(block);
    }
}
