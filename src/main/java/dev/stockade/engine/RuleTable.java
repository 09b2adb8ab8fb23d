package dev.stockade.engine;

import dev.stockade.model.IpBlock;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of all policies flattened into one table, in policy order and, within a policy,
 * ingress before egress (only the directions the policy affects). Every peer of every rule gets
 * a number: its pod groups are evaluated once through the {@link SelectorIndex}, and an ipBlock
 * peer also numbers its block, in the order the {@link IpPartition} is built from.
 */
final class RuleTable {
    /** A rule of one policy, with the parts that do not depend on the far end precomputed. */
    record RuleRef(int policy, PolicyType direction, int index, PolicyRule rule, int[] peers,
                   PortSet numeric, boolean hasNamed) {}

    private final List<int[]> peerGroups = new ArrayList<>();
    private final List<Integer> peerBlock = new ArrayList<>();
    private final List<IpBlock> blocks = new ArrayList<>();
    private final List<RuleRef> rules = new ArrayList<>();

    RuleTable(List<NetworkPolicy> policies, SelectorIndex index) {
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
                        if (peer instanceof Peer.IpBlockPeer ib) {
                            peerBlock.add(blocks.size());
                            blocks.add(ib.block());
                        } else {
                            peerBlock.add(-1);
                        }
                    }
                    rules.add(new RuleRef(pi, dir, ri, r, ids, Ports.numeric(r.ports()),
                            !Ports.named(r.ports()).isEmpty()));
                }
            }
        }
    }

    /** Every rule, in table order. */
    List<RuleRef> rules() {
        return rules;
    }

    /** How many peers all rules have together; peers are numbered from 0. */
    int peers() {
        return peerGroups.size();
    }

    /** The pod groups a peer matches by selector (none for an ipBlock peer); do not modify. */
    int[] peerGroups(int peer) {
        return peerGroups.get(peer);
    }

    /** The number of a peer's ipBlock, or -1 for a selector peer. */
    int peerBlock(int peer) {
        return peerBlock.get(peer);
    }

    /** The ipBlocks of all ipBlock peers, numbered as {@link #peerBlock} numbers them. */
    List<IpBlock> blocks() {
        return blocks;
    }
}
