package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.Labels;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes every allowed connection between workloads and external address ranges.
 *
 * <p>A connection from S to D on a port is allowed iff S's egress allows it (S is selected by
 * no egress policy, or some egress rule of a policy selecting S admits D on that port) AND D's
 * ingress allows it (likewise for ingress). Policies are additive.
 *
 * <p>The analysis never walks pods × pods × policies. Pods are first grouped by
 * (namespace, labels); every selector becomes a bitset over groups ({@link SelectorIndex}).
 * Pods that no selector, ipBlock or named port can tell apart form one class; external
 * addresses are split into classes by the ipBlocks containing them ({@link IpPartition}). Rules
 * are then turned into sparse grants between classes, and only candidate pairs are visited.
 */
public final class Analyzer {
    private final AnalysisOptions options;

    public Analyzer(AnalysisOptions options) {
        this.options = options;
    }

    public Connectivity analyze(Cluster cluster) {
        return new Run(cluster, options).result();
    }

    /** A rule of one policy, with the parts that do not depend on the far end precomputed. */
    private record RuleRef(int policy, PolicyType direction, int index, PolicyRule rule, int[] peers,
                           PortSet numeric, boolean hasNamed) {}

    private record ClassKey(List<Integer> signature, List<ContainerPort> namedPorts, List<Integer> ipHits,
                            boolean hostNetwork) {}

    private record Unresolved(int policy, PolicyType direction, int rule, String port, int node) {}

    private static final class Run {
        private final Cluster cluster;
        private final AnalysisOptions options;
        private final List<NetworkPolicy> policies;
        private final List<Workload> workloads;
        private final List<Pod> members = new ArrayList<>();
        private final List<Integer> memberWorkload = new ArrayList<>();
        private final List<Peer> peers = new ArrayList<>();
        private final List<Integer> peerPolicy = new ArrayList<>();
        private final List<int[]> peerGroups = new ArrayList<>();
        private final List<Integer> peerBlock = new ArrayList<>();
        private final List<IpBlock> blocks = new ArrayList<>();
        private final List<RuleRef> rules = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final java.util.Set<Unresolved> unresolved = new java.util.LinkedHashSet<>();

        private SelectorIndex index;
        private IpPartition partition;
        private int podClasses;
        private int nodes;
        private Pod[] rep;
        private List<List<Integer>> classSubjects;
        private int[][] classIpHits;
        private boolean[] inIsolated;
        private boolean[] egIsolated;
        private PortSet[] inAny;
        private PortSet[] egAny;
        private List<List<RuleRef>> egAnyNamed;
        private List<Map<Integer, PortSet>> inMap;
        private List<Map<Integer, PortSet>> egMap;
        private int[][] peerNodeCache;

        Run(Cluster cluster, AnalysisOptions options) {
            this.cluster = cluster;
            this.options = options;
            this.policies = cluster.policies();
            this.workloads = new ArrayList<>(cluster.workloads());
            this.workloads.sort(Comparator.comparing(Workload::namespace).thenComparing(Workload::name)
                    .thenComparing(Workload::kind));
        }

        Connectivity result() {
            int[] memberGroup = groupMembers();
            collectRules();
            partition = new IpPartition(blocks);
            int[] memberClass = classify(memberGroup);
            grants();
            List<long[]> pairs = new ArrayList<>();
            List<PortSet> pairPorts = new ArrayList<>();
            enumeratePairs(pairs, pairPorts);
            return new EndpointExpansion(workloads, members, memberWorkload, memberClass, podClasses, partition,
                    options, warnings).expand(pairs, pairPorts, unresolvedWarnings(memberClass));
        }

        /** Lists every pod of every workload and numbers the distinct (namespace, labels) groups. */
        private int[] groupMembers() {
            for (int w = 0; w < workloads.size(); w++) {
                for (Pod p : workloads.get(w).pods()) {
                    members.add(p);
                    memberWorkload.add(w);
                }
            }
            TreeMap<String, LinkedHashMap<Labels, Integer>> byNs = new TreeMap<>();
            for (Pod p : members) {
                if (!p.hostNetwork()) {
                    byNs.computeIfAbsent(p.namespace(), k -> new LinkedHashMap<>()).putIfAbsent(p.labels(), 0);
                }
            }
            TreeMap<String, List<Labels>> lists = new TreeMap<>();
            int g = 0;
            for (Map.Entry<String, LinkedHashMap<Labels, Integer>> e : byNs.entrySet()) {
                for (Map.Entry<Labels, Integer> l : e.getValue().entrySet()) {
                    l.setValue(g++);
                }
                lists.put(e.getKey(), new ArrayList<>(e.getValue().keySet()));
            }
            index = new SelectorIndex(cluster.namespaces(), lists);
            int[] memberGroup = new int[members.size()];
            for (int i = 0; i < members.size(); i++) {
                Pod p = members.get(i);
                memberGroup[i] = p.hostNetwork() ? -1 : byNs.get(p.namespace()).get(p.labels());
                if (p.hostNetwork()) {
                    warnings.add(workloads.get(memberWorkload.get(i)) + ": uses the host network; NetworkPolicies"
                            + " neither isolate it nor match it with pod or namespace selectors");
                }
            }
            return memberGroup;
        }

        private void collectRules() {
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
                            ids[k] = peers.size();
                            peers.add(peer);
                            peerPolicy.add(pi);
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

        /** Assigns every pod to a class of pods that policies cannot tell apart. */
        private int[] classify(int[] memberGroup) {
            int groups = index.size();
            List<List<Integer>> signature = new ArrayList<>(groups);
            for (int g = 0; g < groups; g++) {
                signature.add(new ArrayList<>(4));
            }
            int np = policies.size();
            for (int pi = 0; pi < np; pi++) {
                for (int g : index.subjects(policies.get(pi))) {
                    signature.get(g).add(pi);
                }
            }
            for (int k = 0; k < peers.size(); k++) {
                for (int g : peerGroups.get(k)) {
                    signature.get(g).add(np + k);
                }
            }
            for (int g = 0; g < groups; g++) {
                groupClasses.add(new ArrayList<>(1));
            }
            Map<ClassKey, Integer> classes = new HashMap<>();
            List<Pod> reps = new ArrayList<>();
            List<List<Integer>> subjects = new ArrayList<>();
            List<int[]> hits = new ArrayList<>();
            int[] memberClass = new int[members.size()];
            for (int i = 0; i < members.size(); i++) {
                Pod p = members.get(i);
                List<Integer> sig = memberGroup[i] < 0 ? List.of() : signature.get(memberGroup[i]);
                List<Integer> ipHits = ipHits(p);
                ClassKey key = new ClassKey(sig, namedPorts(p), ipHits, p.hostNetwork());
                Integer c = classes.get(key);
                if (c == null) {
                    c = reps.size();
                    classes.put(key, c);
                    reps.add(p);
                    List<Integer> subj = new ArrayList<>();
                    for (int x : sig) {
                        if (x < np) {
                            subj.add(x);
                        }
                    }
                    subjects.add(subj);
                    hits.add(ipHits.stream().mapToInt(Integer::intValue).toArray());
                }
                memberClass[i] = c;
                if (memberGroup[i] >= 0) {
                    List<Integer> gc = groupClasses.get(memberGroup[i]);
                    if (!gc.contains(c)) {
                        gc.add(c);
                    }
                }
            }
            podClasses = reps.size();
            nodes = podClasses + partition.classes();
            rep = reps.toArray(new Pod[0]);
            classSubjects = subjects;
            classIpHits = hits.toArray(new int[0][]);
            return memberClass;
        }

        private static List<ContainerPort> namedPorts(Pod p) {
            List<ContainerPort> named = new ArrayList<>();
            for (ContainerPort c : p.ports()) {
                if (!c.name().isEmpty()) {
                    named.add(c);
                }
            }
            if (named.size() > 1) {
                named.sort(Comparator.comparing(ContainerPort::name).thenComparing(ContainerPort::protocol)
                        .thenComparingInt(ContainerPort::port));
            }
            return named;
        }

        /** The ipBlock peers matching any of the pod's IPs (none unless ipBlocks match pods). */
        private List<Integer> ipHits(Pod p) {
            if (!options.ipBlockMatchesPods() || p.ips().isEmpty() || blocks.isEmpty()) {
                return List.of();
            }
            java.util.TreeSet<Integer> hit = new java.util.TreeSet<>();
            for (IpAddress ip : p.ips()) {
                for (int b : partition.blocksContaining(ip)) {
                    hit.add(b);
                }
            }
            return List.copyOf(hit);
        }

        /** Nodes (pod classes, then external classes) a peer matches. */
        private int[] peerNodes(int peer) {
            int[] cached = peerNodeCache[peer];
            if (cached != null) {
                return cached;
            }
            BitSet out = new BitSet(nodes);
            int block = peerBlock.get(peer);
            if (block < 0) {
                for (int g : peerGroups.get(peer)) {
                    for (int c : groupClasses.get(g)) {
                        out.set(c);
                    }
                }
            } else {
                for (int c : podClassesOfBlock.getOrDefault(block, List.of())) {
                    out.set(c);
                }
                for (int x : externalClassesOfBlock.getOrDefault(block, List.of())) {
                    out.set(podClasses + x);
                }
            }
            cached = out.stream().toArray();
            peerNodeCache[peer] = cached;
            return cached;
        }

        private final List<List<Integer>> groupClasses = new ArrayList<>();
        private final Map<Integer, List<Integer>> podClassesOfBlock = new HashMap<>();
        private final Map<Integer, List<Integer>> externalClassesOfBlock = new HashMap<>();

        private void grants() {
            for (int c = 0; c < podClasses; c++) {
                for (int b : classIpHits[c]) {
                    podClassesOfBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(c);
                }
            }
            for (int x = 0; x < partition.classes(); x++) {
                for (int b : partition.blocksOfClass(x)) {
                    externalClassesOfBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(x);
                }
            }
            peerNodeCache = new int[peers.size()][];
            inIsolated = new boolean[nodes];
            egIsolated = new boolean[nodes];
            inAny = new PortSet[nodes];
            egAny = new PortSet[nodes];
            Arrays.fill(inAny, PortSet.EMPTY);
            Arrays.fill(egAny, PortSet.EMPTY);
            egAnyNamed = new ArrayList<>(nodes);
            inMap = new ArrayList<>(nodes);
            egMap = new ArrayList<>(nodes);
            for (int n = 0; n < nodes; n++) {
                egAnyNamed.add(List.of());
                inMap.add(null);
                egMap.add(null);
            }
            List<List<Integer>> policySubjects = new ArrayList<>(policies.size());
            for (int pi = 0; pi < policies.size(); pi++) {
                policySubjects.add(new ArrayList<>());
            }
            for (int c = 0; c < podClasses; c++) {
                for (int pi : classSubjects.get(c)) {
                    policySubjects.get(pi).add(c);
                    inIsolated[c] |= policies.get(pi).affectsIngress();
                    egIsolated[c] |= policies.get(pi).affectsEgress();
                }
            }
            for (RuleRef r : rules) {
                List<Integer> subjects = policySubjects.get(r.policy());
                if (subjects.isEmpty()) {
                    continue;
                }
                if (r.direction() == PolicyType.Ingress) {
                    ingressGrant(r, subjects);
                } else {
                    egressGrant(r, subjects);
                }
            }
        }

        private void ingressGrant(RuleRef r, List<Integer> subjects) {
            for (int d : subjects) {
                PortSet ports = r.numeric();
                if (r.hasNamed()) {
                    ports = ports.union(resolveNamed(r, d, rep[d]));
                }
                if (ports.isEmpty()) {
                    continue;
                }
                if (r.rule().allPeers()) {
                    inAny[d] = inAny[d].union(ports);
                    continue;
                }
                Map<Integer, PortSet> m = inMap.get(d);
                if (m == null) {
                    m = new HashMap<>();
                    inMap.set(d, m);
                }
                for (int peer : r.peers()) {
                    for (int s : peerNodes(peer)) {
                        m.merge(s, ports, PortSet::union);
                    }
                }
            }
        }

        private void egressGrant(RuleRef r, List<Integer> subjects) {
            for (int s : subjects) {
                if (r.rule().allPeers()) {
                    egAny[s] = egAny[s].union(r.numeric());
                    if (r.hasNamed()) {
                        List<RuleRef> l = new ArrayList<>(egAnyNamed.get(s));
                        l.add(r);
                        egAnyNamed.set(s, l);
                    }
                    continue;
                }
                Map<Integer, PortSet> m = egMap.get(s);
                if (m == null) {
                    m = new HashMap<>();
                    egMap.set(s, m);
                }
                for (int peer : r.peers()) {
                    for (int d : peerNodes(peer)) {
                        PortSet ports = r.numeric();
                        if (r.hasNamed()) {
                            ports = ports.union(resolveNamed(r, d, d < podClasses ? rep[d] : null));
                        }
                        if (!ports.isEmpty()) {
                            m.merge(d, ports, PortSet::union);
                        }
                    }
                }
            }
        }

        /** The named ports of a rule resolved against one destination node, noting failures. */
        private PortSet resolveNamed(RuleRef r, int node, Pod destination) {
            PortSet s = PortSet.EMPTY;
            for (var n : Ports.named(r.rule().ports())) {
                PortSet one = Ports.resolve(n, destination);
                if (one.isEmpty()) {
                    unresolved.add(new Unresolved(r.policy(), r.direction(), r.index(),
                            r.rule().ports().indexOf(n) + ":" + n.name() + ":" + n.protocol(), node));
                }
                s = s.union(one);
            }
            return s;
        }

        private PortSet egress(int s, int d) {
            if (s >= podClasses || !egIsolated[s]) {
                return PortSet.ALL;
            }
            PortSet p = egAny[s];
            for (RuleRef r : egAnyNamed.get(s)) {
                p = p.union(resolveNamed(r, d, d < podClasses ? rep[d] : null));
            }
            Map<Integer, PortSet> m = egMap.get(s);
            if (m != null) {
                PortSet x = m.get(d);
                if (x != null) {
                    p = p.union(x);
                }
            }
            return p;
        }

        private PortSet ingress(int d, int s) {
            if (d >= podClasses || !inIsolated[d]) {
                return PortSet.ALL;
            }
            PortSet p = inAny[d];
            Map<Integer, PortSet> m = inMap.get(d);
            if (m != null) {
                PortSet x = m.get(s);
                if (x != null) {
                    p = p.union(x);
                }
            }
            return p;
        }

        private void enumeratePairs(List<long[]> pairs, List<PortSet> pairPorts) {
            List<Integer> open = new ArrayList<>();
            List<List<Integer>> transposed = new ArrayList<>(nodes);
            for (int n = 0; n < nodes; n++) {
                transposed.add(null);
            }
            for (int d = 0; d < nodes; d++) {
                if (d >= podClasses || !inIsolated[d] || !inAny[d].isEmpty()) {
                    open.add(d);
                }
                Map<Integer, PortSet> m = d < podClasses ? inMap.get(d) : null;
                if (m != null) {
                    for (int s : m.keySet()) {
                        List<Integer> t = transposed.get(s);
                        if (t == null) {
                            t = new ArrayList<>();
                            transposed.set(s, t);
                        }
                        t.add(d);
                    }
                }
            }
            int[] seen = new int[nodes];
            int stamp = 0;
            for (int s = 0; s < nodes; s++) {
                stamp++;
                boolean external = s >= podClasses;
                boolean dense = external || !egIsolated[s] || !egAny[s].isEmpty() || !egAnyNamed.get(s).isEmpty();
                Iterable<Integer> candidates;
                if (dense) {
                    List<Integer> c = new ArrayList<>(open);
                    List<Integer> t = transposed.get(s);
                    if (t != null) {
                        c.addAll(t);
                    }
                    candidates = c;
                } else {
                    Map<Integer, PortSet> m = egMap.get(s);
                    candidates = m == null ? List.of() : m.keySet();
                }
                for (int d : candidates) {
                    if (seen[d] == stamp || (external && d >= podClasses)) {
                        continue;
                    }
                    seen[d] = stamp;
                    PortSet eg = egress(s, d);
                    if (eg.isEmpty()) {
                        continue;
                    }
                    PortSet allowed = eg.intersect(ingress(d, s));
                    if (!allowed.isEmpty()) {
                        pairs.add(new long[] {s, d});
                        pairPorts.add(allowed);
                    }
                }
            }
        }

        private List<String> unresolvedWarnings(int[] memberClass) {
            if (unresolved.isEmpty()) {
                return List.of();
            }
            List<List<String>> classNames = new ArrayList<>(podClasses);
            for (int c = 0; c < podClasses; c++) {
                classNames.add(new ArrayList<>());
            }
            for (int i = 0; i < members.size(); i++) {
                List<String> l = classNames.get(memberClass[i]);
                String w = workloads.get(memberWorkload.get(i)).toString();
                if (!l.contains(w)) {
                    l.add(w);
                }
            }
            Map<String, java.util.TreeSet<String>> byRule = new LinkedHashMap<>();
            for (Unresolved u : unresolved) {
                NetworkPolicy p = policies.get(u.policy());
                String[] parts = u.port().split(":", 3);
                String key = "NetworkPolicy " + p + " (" + p.source().fileLine() + "): spec."
                        + (u.direction() == PolicyType.Ingress ? "ingress" : "egress") + "[" + u.rule() + "].ports["
                        + parts[0] + "]: named port \"" + parts[1] + "\" (" + parts[2] + ") is unresolved for ";
                var targets = byRule.computeIfAbsent(key, k -> new java.util.TreeSet<>());
                if (u.node() < podClasses) {
                    targets.addAll(classNames.get(u.node()));
                } else {
                    targets.add("external addresses");
                }
            }
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, java.util.TreeSet<String>> e : byRule.entrySet()) {
                List<String> t = new ArrayList<>(e.getValue());
                String names = t.size() <= 5 ? String.join(", ", t)
                        : String.join(", ", t.subList(0, 5)) + " and " + (t.size() - 5) + " more";
                out.add(e.getKey() + names + " (no container port with that name and protocol); it admits nothing there");
            }
            return out;
        }
    }
}
