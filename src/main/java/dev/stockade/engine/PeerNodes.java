package dev.stockade.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes each peer of a {@link RuleTable} matches. Nodes are the pod classes (0 to
 * {@code podClasses - 1}) followed by the external address classes of the {@link IpPartition}.
 * A selector peer matches the classes of its groups; an address peer matches the pod classes
 * with an IP in its address set and the external classes inside it. Computed on first use per peer.
 */
final class PeerNodes {
    private final RuleTable rules;
    private final PodClasses classes;
    private final int podClasses;
    private final int nodes;
    private final Map<Integer, List<Integer>> podClassesOfBlock = new HashMap<>();
    private final Map<Integer, List<Integer>> externalClassesOfBlock = new HashMap<>();
    private final int[][] cache;

    PeerNodes(RuleTable rules, PodClasses classes, IpPartition partition) {
        this.rules = rules;
        this.classes = classes;
        this.podClasses = classes.count();
        this.nodes = podClasses + partition.classes();
        for (int c = 0; c < podClasses; c++) {
            for (int b : classes.ipHits(c)) {
                podClassesOfBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(c);
            }
        }
        for (int x = 0; x < partition.classes(); x++) {
            for (int b : partition.blocksOfClass(x)) {
                externalClassesOfBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(x);
            }
        }
        cache = new int[rules.peers()][];
    }

    /** How many nodes there are: pod classes, then external classes. */
    int nodes() {
        return nodes;
    }

    /** The nodes a peer matches, ascending; do not modify. */
    int[] of(int peer) {
        int[] cached = cache[peer];
        if (cached != null) {
            return cached;
        }
        BitSet out = new BitSet(nodes);
        for (int g : rules.peerGroups(peer)) {
            for (int c : classes.ofGroup(g)) {
                out.set(c);
            }
        }
        for (int block : rules.peerBlocks(peer)) {
            for (int c : podClassesOfBlock.getOrDefault(block, List.of())) {
                out.set(c);
            }
            for (int x : externalClassesOfBlock.getOrDefault(block, List.of())) {
                out.set(podClasses + x);
            }
        }
        cached = out.stream().toArray();
        cache[peer] = cached;
        return cached;
    }
}
