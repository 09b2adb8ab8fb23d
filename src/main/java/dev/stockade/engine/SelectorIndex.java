package dev.stockade.engine;

import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates label selectors over all pod groups at once. A group is one distinct
 * (namespace, labels) pair; groups are numbered namespace by namespace, so a namespace is a
 * contiguous range of bits. An inverted index (key → value → groups) turns each selector into
 * a few bitset operations instead of a scan over pods; results are cached per selector.
 */
final class SelectorIndex {
    private final List<String> groupNamespace = new ArrayList<>();
    private final List<Labels> groupLabels = new ArrayList<>();
    private final Map<String, int[]> namespaceRange = new HashMap<>();
    private final Map<String, Map<String, BitSet>> byKeyValue = new HashMap<>();
    private final Map<String, BitSet> byKey = new HashMap<>();
    private final Map<LabelSelector, BitSet> podCache = new HashMap<>();
    private final Map<LabelSelector, BitSet> namespaceCache = new HashMap<>();
    private final List<Namespace> namespaces;
    private final int size;

    /**
     * @param groups namespace → distinct label sets of the pods in it (selectable pods only)
     */
    SelectorIndex(List<Namespace> namespaces, TreeMap<String, List<Labels>> groups) {
        this.namespaces = List.copyOf(namespaces);
        int g = 0;
        for (Map.Entry<String, List<Labels>> e : groups.entrySet()) {
            int from = g;
            for (Labels l : e.getValue()) {
                groupNamespace.add(e.getKey());
                groupLabels.add(l);
                for (Map.Entry<String, String> kv : l.map().entrySet()) {
                    byKeyValue.computeIfAbsent(kv.getKey(), k -> new HashMap<>())
                            .computeIfAbsent(kv.getValue(), v -> new BitSet()).set(g);
                    byKey.computeIfAbsent(kv.getKey(), k -> new BitSet()).set(g);
                }
                g++;
            }
            namespaceRange.put(e.getKey(), new int[] {from, g});
        }
        this.size = g;
    }

    int size() {
        return size;
    }

    String namespaceOf(int group) {
        return groupNamespace.get(group);
    }

    Labels labelsOf(int group) {
        return groupLabels.get(group);
    }

    /** Groups of one namespace. */
    BitSet inNamespace(String ns) {
        BitSet b = new BitSet(size);
        int[] r = namespaceRange.get(ns);
        if (r != null) {
            b.set(r[0], r[1]);
        }
        return b;
    }

    /** Groups whose labels the selector matches, in any namespace. Do not modify the result. */
    BitSet pods(LabelSelector s) {
        BitSet cached = podCache.get(s);
        if (cached == null) {
            cached = evaluate(s);
            podCache.put(s, cached);
        }
        return cached;
    }

    /** Groups in namespaces whose labels the selector matches. Do not modify the result. */
    BitSet namespaces(LabelSelector s) {
        BitSet cached = namespaceCache.get(s);
        if (cached == null) {
            cached = new BitSet(size);
            for (Namespace n : namespaces) {
                int[] r = namespaceRange.get(n.name());
                if (r != null && r[0] < r[1] && Selectors.matches(s, n.labels())) {
                    cached.set(r[0], r[1]);
                }
            }
            namespaceCache.put(s, cached);
        }
        return cached;
    }

    /** Groups a policy selects as its subject: its own namespace AND its podSelector. */
    BitSet subjects(NetworkPolicy p) {
        BitSet b = inNamespace(p.namespace());
        b.and(pods(p.podSelector()));
        return b;
    }

    /** Groups a selector peer of a policy in {@code policyNamespace} matches; empty for ipBlocks. */
    BitSet peer(Peer peer, String policyNamespace) {
        BitSet b;
        switch (peer) {
            case Peer.PodSelectorPeer p -> {
                b = inNamespace(policyNamespace);
                b.and(pods(p.pods()));
            }
            case Peer.NamespaceSelectorPeer n -> b = (BitSet) namespaces(n.namespaces()).clone();
            case Peer.NamespacePodSelectorPeer np -> {
                b = (BitSet) namespaces(np.namespaces()).clone();
                b.and(pods(np.pods()));
            }
            case Peer.IpBlockPeer ignored -> b = new BitSet(0);
        }
        return b;
    }

    private BitSet evaluate(LabelSelector s) {
        BitSet b = new BitSet(size);
        b.set(0, size);
        for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
            b.and(valueBits(e.getKey(), e.getValue()));
        }
        for (LabelSelector.Requirement r : s.matchExpressions()) {
            switch (r.operator()) {
                case In -> b.and(anyValue(r));
                case NotIn -> b.andNot(anyValue(r));
                case Exists -> b.and(byKey.getOrDefault(r.key(), new BitSet(0)));
                case DoesNotExist -> b.andNot(byKey.getOrDefault(r.key(), new BitSet(0)));
            }
        }
        return b;
    }

    private BitSet valueBits(String key, String value) {
        Map<String, BitSet> values = byKeyValue.get(key);
        BitSet v = values == null ? null : values.get(value);
        return v == null ? new BitSet(0) : v;
    }

    private BitSet anyValue(LabelSelector.Requirement r) {
        BitSet any = new BitSet(size);
        for (String v : r.values()) {
            any.or(valueBits(r.key(), v));
        }
        return any;
    }
}
