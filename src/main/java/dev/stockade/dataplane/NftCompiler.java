package dev.stockade.dataplane;

import dev.stockade.dataplane.Ruleset.Chain;
import dev.stockade.dataplane.Ruleset.Field;
import dev.stockade.dataplane.Ruleset.Match;
import dev.stockade.dataplane.Ruleset.Statement;
import dev.stockade.dataplane.Ruleset.Verdict;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Ports;
import dev.stockade.engine.Selectors;
import dev.stockade.engine.Target;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles the pods and NetworkPolicies of a cluster into one nftables {@code inet} table that
 * enforces the engine's semantics on the packets a host forwards between pods (and between pods
 * and external addresses):
 * <ul>
 *   <li>the base chain ({@code forward} hook, policy accept) drops spoofed pod source addresses
 *       (when the pods' interfaces are known), accepts established and related packets, then
 *       dispatches new connections through verdict maps keyed by pod address: the source's
 *       egress chain, then the destination's ingress chain. An address in no map belongs to a pod
 *       no policy isolates that way, a host-network pod or an external address: allowed;</li>
 *   <li>a pod isolated for a direction (some policy of its namespace with that direction in its
 *       {@code policyTypes} selects it) is dispatched to a chain with one rule per (policy rule,
 *       address family, protocol): the far end's address in the rule's peers, the destination
 *       port in the rule's ports (named ports resolved on the destination pod), then
 *       {@code return} (egress, so that ingress is decided next) or {@code accept} (ingress). The
 *       chain ends in {@code drop}. Pods whose rules for the direction are the same (same
 *       policies, same resolved ports) share one chain; a pod whose policies admit nothing that
 *       way has no chain: its verdict-map element is {@code drop}, with a comment naming the
 *       policies;</li>
 *   <li>peers become address sets: selector peers the addresses of the pods they match (never
 *       host-network pods), an ipBlock its CIDR minus its excepts as intervals, plus every address
 *       of a pod one of whose addresses it contains when ipBlocks match pods, minus every pod
 *       address when they do not.</li>
 * </ul>
 * Pods without an address cannot be matched or policed: they are skipped, with a note in the
 * output. Host-network pods are node traffic: not policed, with a note; the compiler refuses to
 * police them as pods ({@link HostNetworkPods}). Peer addresses: {@link PeerAddresses}; peer
 * matching is the engine's.
 */
public final class NftCompiler {
    public static final String TABLE = "stockade";
    static final int COMMENT_MAX = 120;
    /** Peers of at most this many ranges are written into rules, one rule per range; more make a named set. */
    static final int INLINE_RANGES = 2;
    /** Peer sets of at most this many addresses are hash sets (one element per address); larger ones interval sets. */
    static final int HASH_SET_MAX = 256;

    private final Cluster cluster;
    private final AnalysisOptions options;
    private final Map<String, String> interfaces;
    private final List<Target.PodTarget> pods = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<AddressSet, String> setNames = new LinkedHashMap<>();
    private final Map<String, String> setComments = new TreeMap<>();
    private PeerAddresses peers;
    private final Map<String, List<NetworkPolicy>> policiesByNamespace = new HashMap<>();

    private NftCompiler(Cluster cluster, AnalysisOptions options, Map<String, String> interfaces) {
        this.cluster = cluster;
        this.options = options;
        this.interfaces = Map.copyOf(interfaces);
    }

    /**
     * The ruleset for {@code cluster}. {@code interfaces} maps pods ({@code ns/name}) to the host
     * interface their packets enter by; pods listed there get anti-spoofing, others do not (an
     * empty map: no anti-spoofing).
     *
     * @throws IllegalArgumentException when the options police host-network pods as pods and the
     *     cluster has some ({@link HostNetworkPods#unenforceable}): callers refuse such input first
     */
    public static Ruleset compile(Cluster cluster, AnalysisOptions options, Map<String, String> interfaces) {
        List<Pod> unenforceable = HostNetworkPods.unenforceable(cluster, options);
        if (!unenforceable.isEmpty()) {
            throw new IllegalArgumentException(HostNetworkPods.refusal("nft compile", unenforceable));
        }
        return new NftCompiler(cluster, options, interfaces).compile();
    }

    private Ruleset compile() {
        notes.add("stockade nft compile: " + options.describe());
        collectPods();
        Map<String, TreeMap<IpAddress, String>> jumps = new TreeMap<>();
        Map<String, TreeMap<IpAddress, String>> drops = new TreeMap<>();
        Map<String, Map<IpAddress, Pod>> owners = new HashMap<>();
        for (String dir : List.of("egress", "ingress")) {
            for (Family f : Family.values()) {
                jumps.put(dir + "_" + f.suffix(), new TreeMap<>());
                drops.put(dir + "_" + f.suffix(), new TreeMap<>());
                owners.put(dir + "_" + f.suffix(), new HashMap<>());
            }
        }
        // pods whose rules of a direction are the same share one chain, named after the first of them
        Map<List<Statement>, SharedChain> shared = new LinkedHashMap<>();
        Set<String> chainNames = new HashSet<>(List.of("forward"));
        for (Target.PodTarget t : pods) {
            Pod pod = t.pod();
            if (pod.hostNetwork() || pod.ips().isEmpty()) {
                continue;
            }
            for (PolicyType direction : List.of(PolicyType.Egress, PolicyType.Ingress)) {
                List<NetworkPolicy> selecting = selecting(pod, direction);
                if (selecting.isEmpty()) {
                    continue;
                }
                String dir = direction == PolicyType.Ingress ? "ingress" : "egress";
                List<Statement> body = rules(t, direction, selecting);
                String target = null;
                String drop = null;
                if (body.stream().noneMatch(s -> s instanceof Match)) {
                    drop = shorten(pod + " " + dir + " isolated by " + String.join("; ",
                            selecting.stream().map(NetworkPolicy::toString).toList()) + ": nothing admitted");
                } else {
                    SharedChain c = shared.computeIfAbsent(body, b -> new SharedChain(
                            uniqueName(chainNames, dir + "_" + sanitize(pod.namespace()) + "_" + sanitize(pod.name())),
                            pod + " " + dir, b));
                    c.pods.add(pod.toString());
                    target = c.name;
                }
                for (IpAddress ip : pod.ips()) {
                    String map = dir + "_" + Family.of(ip).suffix();
                    Pod previous = owners.get(map).putIfAbsent(ip, pod);
                    if (previous != null) {
                        if (previous != pod) {
                            notes.add("warning: " + ip + " is the address of more than one pod; the " + dir
                                    + " rules of " + previous + " apply to it, not those of " + pod);
                        }
                    } else if (target != null) {
                        jumps.get(map).put(ip, target);
                    } else {
                        drops.get(map).put(ip, drop);
                    }
                }
            }
        }
        List<Chain> podChains = new ArrayList<>();
        for (SharedChain c : shared.values()) {
            List<Statement> statements = new ArrayList<>(c.body);
            if (c.pods.size() > 1) {
                statements.addFirst(new Ruleset.Note("for " + c.pods.size() + " pods: " + String.join(", ",
                        c.pods.subList(0, Math.min(c.pods.size(), 8))) + (c.pods.size() > 8 ? ", ..." : "")));
            }
            podChains.add(new Chain(c.name, "", c.comment, statements));
        }
        podChains.sort(Comparator.comparing(Chain::name));
        List<Ruleset.NamedSet> sets = new ArrayList<>();
        setNames.forEach((set, name) -> sets.add(new Ruleset.NamedSet(name, name.endsWith("v4") ? Family.V4 : Family.V6,
                set, setComments.get(name), !set.holdsAtMost(HASH_SET_MAX))));
        sets.sort(Comparator.comparing(Ruleset.NamedSet::name));
        List<Ruleset.InterfaceSet> interfaceSets = new ArrayList<>();
        List<Statement> base = new ArrayList<>();
        antiSpoofing(sets, interfaceSets, base);
        base.add(new Ruleset.AcceptEstablished());
        for (Family f : Family.values()) {
            base.add(new Ruleset.Dispatch(f, Field.SADDR, "egress_" + f.suffix()));
        }
        for (Family f : Family.values()) {
            base.add(new Ruleset.Dispatch(f, Field.DADDR, "ingress_" + f.suffix()));
        }
        List<Chain> chains = new ArrayList<>();
        chains.add(new Chain("forward", "forward", "", base));
        chains.addAll(podChains);
        List<Ruleset.VerdictMap> vmaps = new ArrayList<>();
        jumps.forEach((name, j) -> vmaps.add(new Ruleset.VerdictMap(name,
                name.endsWith("v4") ? Family.V4 : Family.V6, j, drops.get(name))));
        return new Ruleset(TABLE, notes, sets, interfaceSets, vmaps, chains);
    }

    /** A chain for the pods whose rules of one direction are {@code body}. */
    private static final class SharedChain {
        final String name;
        final String comment;
        final List<Statement> body;
        final List<String> pods = new ArrayList<>();

        SharedChain(String name, String comment, List<Statement> body) {
            this.name = name;
            this.comment = comment;
            this.body = body;
        }
    }

    private void collectPods() {
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                pods.add(new Target.PodTarget(w, p));
            }
        }
        pods.sort(Comparator.comparing((Target.PodTarget t) -> t.pod().namespace()).thenComparing(t -> t.pod().name()));
        peers = new PeerAddresses(cluster, options, pods);
        for (NetworkPolicy p : cluster.policies()) {
            policiesByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
        }
        for (Target.PodTarget t : pods) {
            if (t.pod().hostNetwork()) {
                notes.add("host-network pod " + t.pod() + ": not policed (NetworkPolicies do not apply to it)");
            } else if (t.pod().ips().isEmpty()) {
                notes.add("warning: pod " + t.pod() + " has no IP (status.podIP): skipped, neither policed nor"
                        + " matched by selector peers");
            }
        }
    }

    private List<NetworkPolicy> selecting(Pod pod, PolicyType direction) {
        List<NetworkPolicy> out = new ArrayList<>();
        for (NetworkPolicy p : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
            if (p.affects(direction)
                    && Selectors.matches(p.podSelector(), pod.labels())) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(NetworkPolicy::name));
        return out;
    }

    /**
     * The rules of {@code subject}'s chain for a direction: per policy rule, address family and
     * protocol one match, then {@code drop}; notes name the isolating policies and the rules that
     * compile to nothing. Nothing in them names the subject, so that pods with the same rules can
     * share the chain.
     */
    private List<Statement> rules(Target.PodTarget subject, PolicyType direction, List<NetworkPolicy> selecting) {
        boolean ingress = direction == PolicyType.Ingress;
        Field far = ingress ? Field.SADDR : Field.DADDR;
        Verdict admit = ingress ? Verdict.ACCEPT : Verdict.RETURN;
        List<Statement> out = new ArrayList<>();
        for (NetworkPolicy p : selecting) {
            List<PolicyRule> rules = p.rules(direction);
            if (rules.isEmpty()) {
                out.add(new Ruleset.Note(p + ": no " + (ingress ? "ingress" : "egress") + " rules, admits nothing"));
            }
            for (int i = 0; i < rules.size(); i++) {
                PolicyRule r = rules.get(i);
                String comment = p + " " + (ingress ? "ingress" : "egress") + "[" + i + "]";
                String origin = sanitize(p.namespace()) + "_" + sanitize(p.name()) + "_" + (ingress ? "ingress" : "egress") + i;
                if (!Character.isLetter(origin.charAt(0)) || origin.charAt(0) >= 128) {
                    origin = "set_" + origin; // nft reads a name starting with a digit as a number
                }
                int before = out.size();
                AddressSet addresses = r.allPeers() ? null : peers.of(r, p.namespace());
                if (ingress) {
                    emit(out, addresses, Ports.resolve(r.ports(), subject.pod()), far, admit, comment, origin);
                } else {
                    emit(out, addresses, Ports.numeric(r.ports()), far, admit, comment, origin);
                    namedEgressPorts(out, r, p.namespace(), far, admit, comment, origin);
                }
                if (out.size() == before) {
                    out.add(new Ruleset.Note(comment + ": admits nothing here (no peer address or no port)"));
                }
            }
        }
        out.add(new Ruleset.Final(Verdict.DROP, (ingress ? "ingress" : "egress") + " isolated"));
        out.addFirst(new Ruleset.Note("isolated by " + String.join(", ",
                selecting.stream().map(NetworkPolicy::toString).toList())));
        return out;
    }

    /** Egress named ports resolve on each destination pod: one match per group of pods resolving them alike. */
    private void namedEgressPorts(List<Statement> out, PolicyRule r, String namespace, Field far, Verdict admit,
            String comment, String origin) {
        peers.namedPortGroups(r, namespace)
                .forEach((ports, addresses) -> emit(out, addresses, ports, far, admit, comment, origin));
    }

    /** One match per address family present in {@code peers} (any when null) and protocol in {@code ports}. */
    private void emit(List<Statement> out, AddressSet peers, PortSet ports, Field far, Verdict admit, String comment,
            String origin) {
        if (ports.isEmpty() || (peers != null && peers.isEmpty())) {
            return;
        }
        List<PortSet> perProtocol = new ArrayList<>();
        if (ports.isAll()) {
            perProtocol.add(PortSet.ALL);
        } else {
            for (Protocol p : Protocol.values()) {
                PortSet one = ports.intersect(PortSet.allOf(p));
                if (!one.isEmpty()) {
                    perProtocol.add(one);
                }
            }
        }
        String c = shorten(comment);
        for (PortSet ps : perProtocol) {
            if (peers == null) {
                out.add(new Match(null, far, null, null, ps, admit, c));
                continue;
            }
            for (Family f : Family.values()) {
                AddressSet part = peers.only(f);
                if (part.ranges().size() <= INLINE_RANGES) {
                    for (IpRange range : part.ranges()) {
                        out.add(new Match(f, far, null, range, ps, admit, c));
                    }
                } else {
                    out.add(new Match(f, far, setName(part, f, c, origin), null, ps, admit, c));
                }
            }
        }
    }

    /**
     * The set's name: taken from the first rule that uses it ({@code shop_api_ingress0_v4}, or
     * {@code set_1team_api_ingress0_v4} when the namespace does not start with a letter, with
     * {@code .1}, {@code .2} … for further sets of that rule), so that it stays the same when other
     * policies change and a change to the peers' pods is an element delta of one set. A later
     * rule with the same addresses shares the set. An interval set (more than
     * {@value #HASH_SET_MAX} addresses) has {@code _net} before the family: a set whose kind
     * changes is a new set, never an old one with elements of the other kind.
     */
    private String setName(AddressSet set, Family f, String comment, String origin) {
        String name = setNames.get(set);
        if (name == null) {
            String base = origin;
            String suffix = (set.holdsAtMost(HASH_SET_MAX) ? "" : "_net") + "_" + f.suffix();
            name = limit(base + suffix);
            for (int k = 1; setComments.containsKey(name); k++) {
                name = limit(base + "." + k + suffix);
            }
            setNames.put(set, name);
            setComments.put(name, "first used by " + comment);
        }
        return name;
    }

    private void antiSpoofing(List<Ruleset.NamedSet> sets, List<Ruleset.InterfaceSet> interfaceSets,
            List<Statement> base) {
        for (Family f : Family.values()) {
            TreeMap<IpAddress, String> pairs = new TreeMap<>();
            for (Target.PodTarget t : pods) {
                String ifname = interfaces.get(t.pod().toString());
                if (ifname == null || t.pod().hostNetwork()) {
                    continue;
                }
                for (IpAddress ip : t.pod().ips()) {
                    if (Family.of(ip) == f) {
                        pairs.putIfAbsent(ip, ifname);
                    }
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            String addresses = "pods_" + f.suffix();
            String ifaces = "pod_interfaces_" + f.suffix();
            sets.add(new Ruleset.NamedSet(addresses, f, AddressSet.of(pairs.keySet()), "pod addresses with a known interface",
                    false));
            interfaceSets.add(new Ruleset.InterfaceSet(ifaces, f, pairs));
            base.add(new Ruleset.AntiSpoof(f, addresses, ifaces));
        }
    }

    /**
     * A name as a part of an nft identifier: ASCII letters, digits, {@code -} and {@code .} are
     * kept (what Kubernetes names use); when anything else had to become {@code -}, a hash of the
     * original follows ({@code a_b} is {@code a-b-}{@link #hash hash}), so that names that differ
     * only there still give different identifiers. The parts are joined by {@code _}, which a part
     * never holds.
     */
    static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        boolean changed = false;
        for (char c : s.toCharArray()) {
            boolean keep = c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '.';
            b.append(keep ? c : '-');
            changed |= !keep;
        }
        return changed ? b + "-" + hash(s) : b.toString();
    }

    /** Eight hex digits of {@link String#hashCode} (specified, so the same in every run). */
    static String hash(String s) {
        return String.format("%08x", s.hashCode());
    }

    /** {@code name} made unique among {@code used} (the final, limited names): {@code _2}, {@code _3} … */
    private static String uniqueName(Set<String> used, String name) {
        String candidate = limit(name);
        for (int n = 2; !used.add(candidate); n++) {
            candidate = limit(name + "_" + n);
        }
        return candidate;
    }

    /**
     * nftables names are at most 255 bytes (NFT_NAME_MAXLEN 256 with the NUL; {@code nft -c} says
     * "Numerical result out of range" beyond): a longer name keeps its first 200 characters and
     * gets a hash of the whole name and its last three characters, so different long names stay
     * different. Names here are ASCII, so characters are bytes.
     */
    static String limit(String name) {
        return name.length() <= 220 ? name
                : name.substring(0, 200) + "-" + Integer.toHexString(name.hashCode()) + name.substring(name.length() - 3);
    }

    static String shorten(String comment) {
        return comment.length() <= COMMENT_MAX ? comment : comment.substring(0, COMMENT_MAX - 3) + "...";
    }
}
