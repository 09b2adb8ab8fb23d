package dev.stockade.engine;

import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Splits the whole IPv4 and IPv6 space into elementary intervals at every ipBlock boundary
 * (CIDR and except edges), so that every ipBlock either contains an interval entirely or not
 * at all. Intervals contained in exactly the same ipBlocks form one address class.
 */
final class IpPartition {
    private final IpAddress[] starts;
    private final IpAddress[] ends;
    private final int[] intervalClass;
    private final List<int[]> classBlocks = new ArrayList<>();

    IpPartition(List<IpBlock> blocks) {
        TreeSet<IpAddress> cuts = new TreeSet<>();
        cuts.add(IpAddress.V4_MIN);
        cuts.add(IpAddress.V6_MIN);
        for (IpBlock b : blocks) {
            addCuts(cuts, b.cidr());
            for (Cidr e : b.except()) {
                addCuts(cuts, e);
            }
        }
        starts = cuts.toArray(new IpAddress[0]);
        ends = new IpAddress[starts.length];
        for (int i = 0; i < starts.length; i++) {
            boolean lastOfFamily = i + 1 == starts.length || starts[i + 1].v6() != starts[i].v6();
            ends[i] = lastOfFamily ? (starts[i].v6() ? IpAddress.V6_MAX : IpAddress.V4_MAX) : starts[i + 1].previous();
        }
        List<List<Integer>> hits = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            hits.add(new ArrayList<>(2));
        }
        for (int k = 0; k < blocks.size(); k++) {
            IpBlock b = blocks.get(k);
            BitSet in = new BitSet(starts.length);
            in.set(find(b.cidr().first()), find(b.cidr().last()) + 1);
            for (Cidr e : b.except()) {
                in.clear(find(e.first()), find(e.last()) + 1);
            }
            for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
                hits.get(i).add(k);
            }
        }
        intervalClass = new int[starts.length];
        Map<List<Integer>, Integer> classes = new HashMap<>();
        for (int i = 0; i < starts.length; i++) {
            List<Integer> h = hits.get(i);
            Integer c = classes.get(h);
            if (c == null) {
                c = classBlocks.size();
                classes.put(h, c);
                classBlocks.add(h.stream().mapToInt(Integer::intValue).toArray());
            }
            intervalClass[i] = c;
        }
    }

    private static void addCuts(TreeSet<IpAddress> cuts, Cidr c) {
        cuts.add(c.first());
        if (!c.last().isFamilyMax()) {
            cuts.add(c.last().next());
        }
    }

    /** Index of the elementary interval holding {@code ip}. */
    int find(IpAddress ip) {
        int i = Arrays.binarySearch(starts, ip);
        return i >= 0 ? i : -i - 2;
    }

    int intervals() {
        return starts.length;
    }

    IpRange interval(int i) {
        return new IpRange(starts[i], ends[i]);
    }

    int classOf(int interval) {
        return intervalClass[interval];
    }

    int classes() {
        return classBlocks.size();
    }

    /** The ipBlocks (indexes into the constructor's list) containing the class's addresses. */
    int[] blocksOfClass(int cls) {
        return classBlocks.get(cls);
    }

    /** The ipBlocks containing {@code ip}. */
    int[] blocksContaining(IpAddress ip) {
        return classBlocks.get(intervalClass[find(ip)]);
    }
}
