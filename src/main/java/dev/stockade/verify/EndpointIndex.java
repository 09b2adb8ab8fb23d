package dev.stockade.verify;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Selectors;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The endpoints of one analysis, indexed for expectations: workloads by {@code namespace/name}
 * and by namespace, external ranges in address order, and every allowed connection by
 * (source, destination) index. Selector expansions are cached, so a file that repeats a
 * selector pays for it once.
 */
final class EndpointIndex {
    private final List<Endpoint> endpoints;
    private final int workloadCount;
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final Map<String, int[]> byNamespace = new TreeMap<>();
    private final Map<String, Labels> namespaceLabels = new HashMap<>();
    private final Map<Long, PortSet> connections;
    private final Map<EndpointSelector, int[]> expansions = new HashMap<>();
    private final Map<EndpointSelector, BitSet> masks = new HashMap<>();
    private final int[][] targets;
    private final PortSet[][] targetPorts;

    EndpointIndex(Cluster cluster, Connectivity connectivity) {
        // workloads, then external ranges; expectations do not name the ingress controller
        this.endpoints = connectivity.endpoints().stream().filter(e -> !(e instanceof Endpoint.ControllerEndpoint))
                .toList();
        for (Namespace n : cluster.namespaces()) {
            namespaceLabels.put(n.name(), n.labels());
        }
        Map<Endpoint, Integer> position = new IdentityHashMap<>(endpoints.size() * 2);
        int workloads = 0;
        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            position.put(e, i);
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                workloads++;
                byName.computeIfAbsent(w.workload().toString(), k -> new ArrayList<>(1)).add(i);
                members.computeIfAbsent(w.workload().namespace(), k -> new ArrayList<>()).add(i);
            }
        }
        members.forEach((ns, l) -> byNamespace.put(ns, l.stream().mapToInt(Integer::intValue).toArray()));
        this.workloadCount = workloads;
        this.connections = new HashMap<>(connectivity.connections().size() * 2);
        int[] degree = new int[endpoints.size()];
        List<Connection> kept = connectivity.connections().stream()
                .filter(c -> !(c.src() instanceof Endpoint.ControllerEndpoint)).toList();
        for (Connection c : kept) {
            int s = position.get(c.src());
            connections.put(key(s, position.get(c.dst())), c.allowed());
            degree[s]++;
        }
        this.targets = new int[endpoints.size()][];
        this.targetPorts = new PortSet[endpoints.size()][];
        for (int i = 0; i < endpoints.size(); i++) {
            targets[i] = new int[degree[i]];
            targetPorts[i] = new PortSet[degree[i]];
            degree[i] = 0;
        }
        List<Connection> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingInt((Connection c) -> position.get(c.src()))
                .thenComparingInt(c -> position.get(c.dst())));
        for (Connection c : sorted) {
            int s = position.get(c.src());
            targets[s][degree[s]] = position.get(c.dst());
            targetPorts[s][degree[s]++] = c.allowed();
        }
    }

    /** The endpoints {@code src} has a connection to, in endpoint order. */
    int[] targets(int src) {
        return targets[src];
    }

    /** What {@code src} allows to each of {@link #targets}, index for index. */
    PortSet[] targetPorts(int src) {
        return targetPorts[src];
    }

    /** {@link #expand} as a set of endpoint indexes. */
    BitSet mask(EndpointSelector s) {
        BitSet m = masks.get(s);
        if (m == null) {
            m = new BitSet(endpoints.size());
            for (int i : expand(s)) {
                m.set(i);
            }
            masks.put(s, m);
        }
        return m;
    }

    private static long key(int src, int dst) {
        return ((long) src << 32) | dst;
    }

    Endpoint endpoint(int i) {
        return endpoints.get(i);
    }

    int size() {
        return endpoints.size();
    }

    boolean isWorkload(int i) {
        return i < workloadCount;
    }

    Workload workload(int i) {
        return ((Endpoint.WorkloadEndpoint) endpoints.get(i)).workload();
    }

    /** What {@code src} may open to {@code dst}; empty when nothing. */
    PortSet allowed(int src, int dst) {
        PortSet p = connections.get(key(src, dst));
        return p == null ? PortSet.EMPTY : p;
    }

    Labels namespaceLabels(String namespace) {
        Labels l = namespaceLabels.get(namespace);
        return l != null ? l : Namespace.implicit(namespace).labels();
    }

    /** The endpoints a selector stands for, in endpoint order. */
    int[] expand(EndpointSelector s) {
        int[] cached = expansions.get(s);
        if (cached == null) {
            cached = switch (s) {
                case EndpointSelector.WorkloadRef r -> byName.getOrDefault(r.namespace() + "/" + r.name(), List.of())
                        .stream().filter(i -> r.kind().isEmpty() || workload(i).kind().equals(r.kind()))
                        .mapToInt(Integer::intValue).toArray();
                case EndpointSelector.SelectorForm f -> selectorForm(f);
                case EndpointSelector.CidrForm c -> cidrForm(c.block());
            };
            expansions.put(s, cached);
        }
        return cached;
    }

    /** Namespace by namespace (a namespaceSelector is evaluated once per namespace), then pod labels. */
    private int[] selectorForm(EndpointSelector.SelectorForm f) {
        Iterable<String> namespaces = f.namespace().isPresent() ? List.of(f.namespace().get()) : byNamespace.keySet();
        Predicate<Labels> nsMatches = f.namespaceSelector().map(EndpointIndex::matcher).orElse(l -> true);
        Predicate<Labels> podMatches = f.podSelector().map(EndpointIndex::matcher).orElse(null);
        int[] out = new int[16];
        int n = 0;
        boolean sorted = true;
        for (String ns : namespaces) {
            int[] members = byNamespace.get(ns);
            if (members == null || !nsMatches.test(namespaceLabels(ns))) {
                continue;
            }
            if (n + members.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, n + members.length));
            }
            for (int i : members) {
                if (podMatches == null || anyPodMatches(workload(i), podMatches)) {
                    sorted &= n == 0 || out[n - 1] < i;
                    out[n++] = i;
                }
            }
        }
        int[] result = Arrays.copyOf(out, n);
        if (!sorted) {
            Arrays.sort(result);
        }
        return result;
    }

    private static boolean anyPodMatches(Workload w, Predicate<Labels> matches) {
        for (Pod p : w.pods()) {
            if (matches.test(p.labels())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link Selectors#matches}, fast for long value lists: a requirement with more than a few
     * values (a baseline's {@code NotIn} lists every namespace a namespace reaches) is checked
     * against a hash set of them; everything else goes to {@link Selectors#matches} itself.
     */
    private static Predicate<Labels> matcher(LabelSelector s) {
        List<LabelSelector.Requirement> small = new ArrayList<>();
        List<Predicate<Labels>> large = new ArrayList<>();
        for (LabelSelector.Requirement r : s.matchExpressions()) {
            if (r.values().size() <= 8) {
                small.add(r);
                continue;
            }
            Set<String> values = new HashSet<>(r.values());
            boolean in = r.operator() == LabelSelector.Operator.In;
            large.add(l -> {
                String v = l.map().get(r.key());
                return in ? v != null && values.contains(v) : v == null || !values.contains(v);
            });
        }
        if (large.isEmpty()) {
            return l -> Selectors.matches(s, l);
        }
        LabelSelector rest = new LabelSelector(s.matchLabels(), small);
        return l -> {
            for (Predicate<Labels> p : large) {
                if (!p.test(l)) {
                    return false;
                }
            }
            return Selectors.matches(rest, l);
        };
    }

    /** External ranges holding at least one address of the block. */
    private int[] cidrForm(IpBlock block) {
        List<Integer> out = new ArrayList<>();
        int lo = workloadCount;
        int hi = endpoints.size() - 1;
        Cidr c = block.cidr();
        // binary search for the first range ending at or after the block's first address
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (external(mid).range().end().compareTo(c.first()) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < endpoints.size() && external(i).range().start().compareTo(c.last()) <= 0; i++) {
            if (Cidrs.firstIn(external(i).range(), c, block.except()) != null) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    Endpoint.ExternalEndpoint external(int i) {
        return (Endpoint.ExternalEndpoint) endpoints.get(i);
    }

    /** An address of external range {@code i} inside the selector's block: the one explanations use. */
    IpAddress representative(int i, EndpointSelector side) {
        Endpoint.ExternalEndpoint x = external(i);
        if (side instanceof EndpointSelector.CidrForm c) {
            IpAddress a = Cidrs.firstIn(x.range(), c.block().cidr(), c.block().except());
            if (a != null) {
                return a;
            }
        }
        return x.range().start();
    }
}
