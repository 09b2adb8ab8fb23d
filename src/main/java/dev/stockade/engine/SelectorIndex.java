package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates label selectors over pod groups. A group is one distinct (namespace, labels) pair;
 * groups are numbered namespace by namespace, so a namespace is a contiguous range. Selectors
 * confined to one namespace (policy subjects, podSelector peers) are tested on that range only.
 * Pod selectors that span namespaces use an inverted index (key → value → groups), built on
 * first use, that turns a selector into a few bitset operations; results are cached per
 * selector. Results are sorted group ids and must not be modified.
 */
final class SelectorIndex {
    private static final int[] NONE = new int[0];
    /** Above this many candidate groups, a cross-namespace pod selector uses the inverted index. */
    private static final int SCAN_LIMIT = 256;

    private final String[] groupNamespace;
    private final Labels[] groupLabels;
    private final Map<String, int[]> namespaceRange = new HashMap<>();
    private final List<Namespace> namespaces;
    private final Map<LabelSelector, int[]> namespaceCache = new HashMap<>();
    private final Map<LabelSelector, BitSet> podCache = new HashMap<>();
    private Map<String, Map<String, BitSet>> byKeyValue;
    private Map<String, BitSet> byKey;

    /**
     * @param groups namespace → distinct label sets of the pods in it (selectable pods only)
     */
    SelectorIndex(List<Namespace> namespaces, TreeMap<String, List<Labels>> groups) {
        this.namespaces = List.copyOf(namespaces);
        int total = 0;
        for (List<Labels> l : groups.values()) {
            total += l.size();
        }
        groupNamespace = new String[total];
        groupLabels = new Labels[total];
        int g = 0;
        for (Map.Entry<String, List<Labels>> e : groups.entrySet()) {
            int from = g;
            for (Labels l : e.getValue()) {
                groupNamespace[g] = e.getKey();
                groupLabels[g] = l;
                g++;
            }
            namespaceRange.put(e.getKey(), new int[] {from, g});
        }
    }

    int size() {
        return groupLabels.length;
    }

    /** Groups a policy selects as its subject: its own namespace AND its podSelector. */
    int[] subjects(NetworkPolicy p) {
        return scan(namespaceRange.get(p.namespace()), p.podSelector());
    }

    /** Groups a selector peer of a policy in {@code policyNamespace} matches; none for ipBlocks. */
    int[] peer(Peer peer, String policyNamespace) {
        return switch (peer) {
            case Peer.PodSelectorPeer p -> scan(namespaceRange.get(policyNamespace), p.pods());
            case Peer.NamespaceSelectorPeer n -> namespaces(n.namespaces());
            case Peer.NamespacePodSelectorPeer np -> filter(namespaces(np.namespaces()), np.pods());
            case Peer.IpBlockPeer ignored -> NONE;
        };
    }

    /** Groups an admin policy selects as its subject (host-network pods that are node traffic are in no group). */
    int[] adminSubject(AdminSubject subject) {
        return switch (subject) {
            case AdminSubject.Namespaces n -> namespaces(n.namespaces());
            case AdminSubject.Pods p -> filter(namespaces(p.namespaces()), p.pods());
        };
    }

    /** Groups a namespaces or pods peer of an admin rule matches; none for the address peers. */
    int[] adminPeer(AdminPeer peer) {
        return switch (peer) {
            case AdminPeer.Namespaces n -> namespaces(n.namespaces());
            case AdminPeer.Pods p -> filter(namespaces(p.namespaces()), p.pods());
            case AdminPeer.Nodes ignored -> NONE;
            case AdminPeer.Networks ignored -> NONE;
            case AdminPeer.DomainNames ignored -> NONE;
        };
    }

    /** Groups of one namespace range whose labels the selector matches. */
    private int[] scan(int[] range, LabelSelector s) {
        if (range == null) {
            return NONE;
        }
        int[] out = new int[range[1] - range[0]];
        int n = 0;
        for (int g = range[0]; g < range[1]; g++) {
            if (Selectors.matches(s, groupLabels[g])) {
                out[n++] = g;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Groups in namespaces whose labels the selector matches (cached). */
    private int[] namespaces(LabelSelector s) {
        int[] cached = namespaceCache.get(s);
        if (cached == null) {
            List<int[]> ranges = new ArrayList<>();
            int total = 0;
            for (Namespace n : namespaces) {
                int[] r = namespaceRange.get(n.name());
                if (r != null && r[0] < r[1] && Selectors.matches(s, n.labels())) {
                    ranges.add(r);
                    total += r[1] - r[0];
                }
            }
            ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
            cached = new int[total];
            int k = 0;
            for (int[] r : ranges) {
                for (int g = r[0]; g < r[1]; g++) {
                    cached[k++] = g;
                }
            }
            namespaceCache.put(s, cached);
        }
        return cached;
    }

    /** The candidates whose labels the pod selector matches. */
    private int[] filter(int[] candidates, LabelSelector s) {
        if (s.selectsAll()) {
            return candidates;
        }
        int[] out = new int[candidates.length];
        int n = 0;
        if (candidates.length <= SCAN_LIMIT) {
            for (int g : candidates) {
                if (Selectors.matches(s, groupLabels[g])) {
                    out[n++] = g;
                }
            }
        } else {
            BitSet matching = pods(s);
            for (int g : candidates) {
                if (matching.get(g)) {
                    out[n++] = g;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Groups whose labels the selector matches, in any namespace, through the inverted index. */
    private BitSet pods(LabelSelector s) {
        BitSet cached = podCache.get(s);
        if (cached == null) {
            buildIndex();
            cached = new BitSet(size());
            cached.set(0, size());
            for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
                cached.and(valueBits(e.getKey(), e.getValue()));
            }
            for (LabelSelector.Requirement r : s.matchExpressions()) {
                switch (r.operator()) {
                    case In -> cached.and(anyValue(r));
                    case NotIn -> cached.andNot(anyValue(r));
                    case Exists -> cached.and(byKey.getOrDefault(r.key(), new BitSet(0)));
                    case DoesNotExist -> cached.andNot(byKey.getOrDefault(r.key(), new BitSet(0)));
                }
            }
            podCache.put(s, cached);
        }
        return cached;
    }

    private void buildIndex() {
        if (byKeyValue != null) {
            return;
        }
        byKeyValue = new HashMap<>();
        byKey = new HashMap<>();
        for (int g = 0; g < groupLabels.length; g++) {
            for (Map.Entry<String, String> kv : groupLabels[g].map().entrySet()) {
                byKeyValue.computeIfAbsent(kv.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(kv.getValue(), v -> new BitSet()).set(g);
                byKey.computeIfAbsent(kv.getKey(), k -> new BitSet()).set(g);
            }
        }
    }

    private BitSet valueBits(String key, String value) {
        Map<String, BitSet> values = byKeyValue.get(key);
        BitSet v = values == null ? null : values.get(value);
        return v == null ? new BitSet(0) : v;
    }

    private BitSet anyValue(LabelSelector.Requirement r) {
        BitSet any = new BitSet(size());
        for (String v : r.values()) {
            any.or(valueBits(r.key(), v));
        }
        return any;
    }
}
