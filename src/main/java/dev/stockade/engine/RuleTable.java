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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of all policies flattened into one table: NetworkPolicy rules in policy order and,
 * within a policy, ingress before egress (only the directions the policy affects); then the
 * rules of the admin policies in evaluation order. Every selector peer of every rule gets a
 * number, its pod groups evaluated once through the {@link SelectorIndex}. A rule matches a far
 * end when any of its peers does, so the peers of a rule that match addresses (NetworkPolicy
 * ipBlocks; admin {@code networks} and {@code nodes} peers) become one address peer: the union
 * of their blocks as an {@link AddressSet}. Equal address sets are numbered once, in the order
 * the {@link IpPartition} is built from, so that a rule of 20,000 ipBlocks, or 20,000 rules with
 * the same ipBlock, cost the partition one set. Sets of admin peers match pod addresses whatever
 * the ipBlock option says: the admin API checks cluster-internal traffic against them too.
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
    private final List<AddressSet> blocks = new ArrayList<>();
    private final List<Boolean> blockMatchesPods = new ArrayList<>();
    private final List<String> blockOrigins = new ArrayList<>();
    private final Map<AddressSetKey, Integer> blockIds = new HashMap<>();

    /** An address set and whether it matches pods whatever the ipBlock option says. */
    private record AddressSetKey(AddressSet set, boolean alwaysMatchesPods) {}
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
                    List<Integer> ids = new ArrayList<>();
                    List<IpBlock> ipBlocks = new ArrayList<>();
                    for (Peer peer : r.peers()) {
                        if (peer instanceof Peer.IpBlockPeer ib) {
                            ipBlocks.add(ib.block());
                        } else {
                            ids.add(peer(index.peer(peer, p.namespace()), NONE));
                        }
                    }
                    if (!ipBlocks.isEmpty()) {
                        String origin = "NetworkPolicy " + p + " " + (dir == PolicyType.Ingress ? "spec.ingress[" : "spec.egress[")
                                + ri + (dir == PolicyType.Ingress ? "].from" : "].to") + " (" + r.source().fileLine() + ")";
                        ids.add(peer(NONE, new int[] {block(AddressSet.union(ipBlocks), false, origin)}));
                    }
                    rules.add(new RuleRef(pi, dir, ri, r, ints(ids), Ports.numeric(r.ports()),
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
                    List<Integer> ids = new ArrayList<>();
                    List<IpBlock> ipBlocks = new ArrayList<>();
                    boolean addressPeer = false;
                    for (AdminPeer peer : r.peers()) {
                        if (peer instanceof AdminPeer.Networks || peer instanceof AdminPeer.Nodes) {
                            addressPeer = true;
                            ipBlocks.addAll(adminBlocks(peer, nodes));
                        } else {
                            ids.add(peer(index.adminPeer(peer), NONE));
                        }
                    }
                    if (addressPeer) {
                        String origin = p.title() + " " + (dir == PolicyType.Ingress ? "spec.ingress[" : "spec.egress[")
                                + ri + (dir == PolicyType.Ingress ? "].from" : "].to") + " (" + r.source().fileLine() + ")";
                        ids.add(peer(NONE, new int[] {block(AddressSet.union(ipBlocks), true, origin)}));
                    }
                    adminRules.add(new AdminRuleRef(adminRules.size(), ai, dir, ri, r, ints(ids), AdminPorts.numeric(r.ports()),
                            r.ports().stream().anyMatch(x -> x instanceof AdminPort.Named)));
                }
            }
        }
    }

    /** A new peer with its groups and address sets; returns its number. */
    private int peer(int[] groups, int[] addressSets) {
        peerGroups.add(groups);
        peerBlocks.add(addressSets);
        return peerGroups.size() - 1;
    }

    /** The number of an address set, the first rule that has it noted as its origin. */
    private int block(AddressSet set, boolean alwaysMatchesPods, String origin) {
        return blockIds.computeIfAbsent(new AddressSetKey(set, alwaysMatchesPods), k -> {
            blocks.add(set);
            blockMatchesPods.add(alwaysMatchesPods);
            blockOrigins.add(origin);
            return blocks.size() - 1;
        });
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The blocks of a networks peer (its CIDRs) or a nodes peer (each address of each matching node). */
    private static List<IpBlock> adminBlocks(AdminPeer peer, List<Node> nodes) {
        List<IpBlock> out = new ArrayList<>();
        if (peer instanceof AdminPeer.Networks n) {
            for (Cidr c : n.cidrs()) {
                out.add(new IpBlock(c, List.of()));
            }
        } else if (peer instanceof AdminPeer.Nodes n) {
            for (Node node : nodes) {
                if (Selectors.matches(n.nodes(), node.labels())) {
                    for (IpAddress ip : node.addresses()) {
                        out.add(new IpBlock(new Cidr(ip, ip.bits()), List.of()));
                    }
                }
            }
        }
        return out;
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

    /** The number of an address peer's set (none for a selector peer); do not modify. */
    int[] peerBlocks(int peer) {
        return peerBlocks.get(peer);
    }

    /** The distinct address sets of all address peers, numbered as {@link #peerBlocks} numbers them. */
    List<AddressSet> blocks() {
        return blocks;
    }

    /** Whether a set matches pod addresses regardless of the ipBlock option (an admin peer's set). */
    boolean blockAlwaysMatchesPods(int block) {
        return blockMatchesPods.get(block);
    }

    /** Where an address set was first written: {@code NetworkPolicy prod/web spec.ingress[0].from (file:line)}. */
    String blockOrigin(int block) {
        return blockOrigins.get(block);
    }
}
