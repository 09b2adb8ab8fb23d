package dev.stockade.engine;

import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * For the peers of one rule, the first ipBlock peer (lowest index) containing an address, by
 * binary search: one sweep over the blocks' boundaries records, for every elementary range,
 * the lowest index among the blocks holding it. Building costs O(n log n) in the CIDRs and
 * except blocks of the rule, a lookup O(log n), so explaining many flows against a rule of
 * thousands of ipBlocks is not a scan of the rule per flow.
 */
final class FirstBlock {
    /** Rules with fewer ipBlock peers than this are scanned instead. */
    static final int MIN_BLOCKS = 16;

    private final IpAddress[] starts;
    private final int[] first;

    /** {@code blocks}: the rule's peers by index, null for a peer that is not an ipBlock. */
    FirstBlock(List<IpBlock> blocks) {
        record Boundary(IpAddress at, int peer, boolean enters) {}
        List<Boundary> bounds = new ArrayList<>();
        for (int k = 0; k < blocks.size(); k++) {
            if (blocks.get(k) == null) {
                continue;
            }
            for (IpRange r : AddressSet.union(List.of(blocks.get(k))).ranges()) {
                bounds.add(new Boundary(r.start(), k, true));
                if (!r.end().isFamilyMax()) {
                    bounds.add(new Boundary(r.end().next(), k, false));
                } else if (!r.end().v6()) {
                    bounds.add(new Boundary(IpAddress.V6_MIN, k, false));
                }
            }
        }
        bounds.sort((a, b) -> a.at().compareTo(b.at()));
        List<IpAddress> at = new ArrayList<>();
        List<Integer> lowest = new ArrayList<>();
        at.add(IpAddress.V4_MIN);
        lowest.add(Verdict.RuleTrace.NO_PEER);
        TreeSet<Integer> active = new TreeSet<>();
        int i = 0;
        while (i < bounds.size()) {
            IpAddress here = bounds.get(i).at();
            for (; i < bounds.size() && bounds.get(i).at().equals(here); i++) {
                Boundary b = bounds.get(i);
                if (b.enters()) {
                    active.add(b.peer());
                } else {
                    active.remove(b.peer());
                }
            }
            int low = active.isEmpty() ? Verdict.RuleTrace.NO_PEER : active.first();
            if (at.get(at.size() - 1).equals(here)) {
                lowest.set(lowest.size() - 1, low);
            } else {
                at.add(here);
                lowest.add(low);
            }
        }
        starts = at.toArray(new IpAddress[0]);
        first = lowest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the first ipBlock peer containing {@code ip}, or {@link Verdict.RuleTrace#NO_PEER}. */
    int of(IpAddress ip) {
        int i = Arrays.binarySearch(starts, ip);
        return first[i >= 0 ? i : -i - 2];
    }
}
