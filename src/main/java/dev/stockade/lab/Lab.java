package dev.stockade.lab;

import dev.stockade.dataplane.NftCompiler;
import dev.stockade.dataplane.NftDelta;
import dev.stockade.dataplane.NftText;
import dev.stockade.dataplane.Ruleset;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local lab of pods on this host's kernel: one network namespace per pod of the input (named
 * {@code stklab-N-…}), each with a veth pair routed through one router namespace
 * ({@code stklab-router}) that holds the compiled nftables table on its forward hook, and real
 * TCP and UDP listeners (python3) on every container port. Nothing is created in the host's own
 * network namespace: everything goes away with the namespaces ({@link #down()}), which are found
 * by prefix, so a crashed run is cleaned up too. Needs root, {@code ip}, {@code nft} and python3.
 */
public final class Lab {
    /**
     * The prefix of every namespace of the lab: {@code stklab-}, or the system property
     * {@code stockade.lab.prefix} where {@code {pid}} stands for this process's id (the tests use
     * one per JVM, so that builds running side by side on one host never touch each other's lab).
     */
    public static final String PREFIX = System.getProperty("stockade.lab.prefix", "stklab-")
            .replace("{pid}", String.valueOf(ProcessHandle.current().pid()));
    public static final String ROUTER = PREFIX + "router";
    /** The most pods a lab runs: each is a network namespace with a listener and a probe process. */
    public static final int MAX_PODS = 500;
    /** Where a running lab keeps its state: the namespaces, the pods, the loaded table and the input. */
    public static final Path STATE_DIR = Path.of(PREFIX.equals("stklab-") ? "/run/stockade-lab"
            : "/run/stockade-lab-" + PREFIX.replaceAll("[^A-Za-z0-9_.-]", "_"));
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    /** One pod of the lab: its namespace, the router-side interface and the address it is probed on. */
    public record LabPod(Pod pod, String namespace, String routerInterface, List<IpAddress> ips) {
        public String id() {
            return pod.toString();
        }
    }

    /** One probe: a source pod to a destination pod's container port, and whether it got through. */
    public record Probe(LabPod src, LabPod dst, IpAddress address, Protocol protocol, int port, boolean connected) {}

    private Cluster cluster;
    private List<LabPod> pods;
    private final List<String> notes;
    private final List<String> problems;
    private final List<Process> listeners = Collections.synchronizedList(new ArrayList<>());
    /** The namespaces this lab created (or was creating): what {@link #destroy} removes. */
    private final Set<String> created = new LinkedHashSet<>();
    /** Setup steps running now; {@link #destroy} waits for them, so nothing is created behind it. */
    private int inflight;
    private boolean closing;
    private boolean wroteState;
    private final Map<String, Prober> probers = new ConcurrentHashMap<>();
    private NftSession session;
    /** The ruleset the router's table holds now (null before {@link #up}). */
    private Ruleset loaded;

    private Lab(Cluster cluster, List<LabPod> pods, List<String> notes, List<String> problems) {
        this.cluster = cluster;
        this.pods = List.copyOf(pods);
        this.notes = List.copyOf(notes);
        this.problems = List.copyOf(problems);
    }

    /**
     * Plans the lab: every pod that does not use the host network, with its status IPs or, when it
     * has none, the next address of 10.250.0.0/16 (and of fd00:5354:4b::/64). The returned lab's
     * cluster is the input with the assigned addresses (its admin policies, Nodes and entrances
     * kept), so the compiler and the engine see them.
     */
    public static Lab plan(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        long count = cluster.workloads().stream().flatMap(w -> w.pods().stream()).filter(p -> !p.hostNetwork()).count();
        if (count > MAX_PODS) {
            problems.add("the input has " + count + " pods for the lab, more than it runs (at most " + MAX_PODS
                    + ": each is a network namespace with a listener and a probe process); give it fewer pods, e.g."
                    + " one namespace's manifests");
            return new Lab(cluster, List.of(), List.of(), problems);
        }
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                for (IpAddress ip : p.hostNetwork() ? List.<IpAddress>of() : p.ips()) {
                    LabAddresses.unusable(ip).ifPresent(what -> problems.add(p.source() + ": Pod " + p
                            + ": status.podIPs: " + ip + " is " + what + ": the lab cannot route it ("
                            + LabAddresses.EXPECTED + ")"));
                }
            }
        }
        List<LabPod> pods = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        int n = 0;
        int assigned = 0;
        for (Workload w : cluster.workloads()) {
            List<Pod> withIps = new ArrayList<>();
            for (Pod p : w.pods()) {
                Pod q = p;
                if (!p.hostNetwork()) {
                    if (p.ips().isEmpty()) {
                        assigned++;
                        q = p.withIps(List.of(
                                IpAddress.parse("10.250." + (assigned / 250) + "." + (assigned % 250 + 1)).orElseThrow(),
                                IpAddress.parse("fd00:5354:4b::" + Integer.toHexString(assigned)).orElseThrow()));
                        notes.add(p + ": no status.podIP, assigned " + q.ips().getFirst());
                    }
                    String ns = PREFIX + n + "-" + sanitize(p.name());
                    pods.add(new LabPod(q, ns.length() > 40 ? ns.substring(0, 40) : ns, "stkl" + n, q.ips()));
                    n++;
                } else {
                    notes.add(p + ": host network, not part of the lab");
                }
                withIps.add(q);
            }
            workloads.add(new Workload(w.kind(), w.namespace(), w.name(), withIps, w.source()));
        }
        if (!sctpSupported() && pods.stream().anyMatch(p -> p.pod().ports().stream()
                .anyMatch(c -> c.protocol() == Protocol.SCTP))) {
            notes.add("SCTP: this kernel has no SCTP sockets; SCTP ports are neither served nor probed");
        }
        Map<IpAddress, LabPod> owners = new HashMap<>();
        for (LabPod p : pods) {
            for (IpAddress ip : p.ips()) {
                LabPod first = owners.putIfAbsent(ip, p);
                if (first != null && first != p) {
                    problems.add("pods " + first.id() + " and " + p.id() + " have the same address " + ip
                            + ": the lab cannot route both (expected distinct status.podIP/podIPs)");
                }
            }
        }
        return new Lab(cluster.withWorkloads(workloads), pods, notes, problems);
    }

    /**
     * Why this lab cannot be brought up, found before anything is created: more than
     * {@value #MAX_PODS} pods, addresses it cannot route ({@link LabAddresses}), pods sharing an
     * address; empty when it can.
     */
    public List<String> problems() {
        return problems;
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<LabPod> pods() {
        return pods;
    }

    public List<String> notes() {
        return notes;
    }

    static boolean sctpSupported() {
        return Files.exists(Path.of("/proc/sys/net/sctp"));
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Whether this process runs as root (the lab needs CAP_NET_ADMIN and CAP_SYS_ADMIN). */
    public static boolean isRoot() {
        Result r = run(List.of("id", "-u"));
        return r.ok() && r.output().strip().equals("0");
    }

    /**
     * Creates the namespaces, links, routes, listeners and the table. Fails with LabException;
     * with {@link Occupied} before creating anything when a lab with this prefix is up already
     * (namespaces named {@link #PREFIX}… or state under {@link #STATE_DIR}): it is never replaced
     * here (only {@link #down()} removes it). What was created is recorded for {@link #destroy}.
     */
    public void up(AnalysisOptions options) {
        if (!problems.isEmpty()) {
            throw new LabException(String.join("; ", problems));
        }
        List<String> existing = namespaces();
        if (!existing.isEmpty() || Files.exists(STATE_DIR.resolve("pods"))) {
            throw new Occupied(existing);
        }
        setup(List.of(ROUTER), "ip netns add " + ROUTER,
                "ip netns exec " + ROUTER + " sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1",
                "ip -n " + ROUTER + " link set lo up");
        List<String> state = new ArrayList<>(List.of(ROUTER));
        List<List<String>> setups = new ArrayList<>();
        for (LabPod p : pods) {
            state.add(p.namespace());
            List<String> cmds = new ArrayList<>(List.of(
                    "ip netns add " + p.namespace(),
                    "ip -n " + ROUTER + " link add " + p.routerInterface() + " type veth peer name eth0 netns " + p.namespace(),
                    "ip -n " + ROUTER + " addr add 169.254.1.1/32 dev " + p.routerInterface(),
                    "ip -n " + ROUTER + " addr add fe80::1/64 dev " + p.routerInterface() + " nodad",
                    "ip -n " + ROUTER + " link set " + p.routerInterface() + " up",
                    "ip -n " + p.namespace() + " link set lo up",
                    "ip -n " + p.namespace() + " link set eth0 up"));
            boolean v4 = false;
            boolean v6 = false;
            for (IpAddress ip : p.ips()) {
                String bits = ip.v6() ? "/128" : "/32";
                cmds.add("ip -n " + p.namespace() + " addr add " + ip + bits + " dev eth0" + (ip.v6() ? " nodad" : ""));
                cmds.add("ip -n " + ROUTER + " route add " + ip + bits + " dev " + p.routerInterface());
                v4 |= !ip.v6();
                v6 |= ip.v6();
            }
            if (v4) {
                cmds.add("ip -n " + p.namespace() + " route add default via 169.254.1.1 dev eth0 onlink");
            }
            if (v6) {
                cmds.add("ip -n " + p.namespace() + " -6 route add default via fe80::1 dev eth0");
            }
            setups.add(cmds);
        }
        // the pods are independent: set them up in parallel (netlink serialises what must be)
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> cmds : setups) {
                String ns = cmds.getFirst().substring("ip netns add ".length());
                done.add(pool.submit(() -> setup(List.of(ns), cmds.toArray(String[]::new))));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof LabException l ? l : new LabException(e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException("interrupted");
                }
            }
        }
        synchronized (created) {
            wroteState = true;
        }
        writeState("namespaces", state);
        Ruleset ruleset = compile(cluster, options);
        String text = NftText.render(ruleset);
        Result load = nft(text);
        if (!load.ok()) {
            throw new LabException("nft -f refused the ruleset: " + load.output());
        }
        loaded = ruleset;
        writeState("pods", podLines());
        writeState("ruleset.nft", text.lines().toList());
        startListeners();
    }

    /**
     * The lab running on this host, for probing: {@code cluster} must plan exactly its pods (same
     * namespaces, interfaces, addresses and served ports, as recorded by {@link #up}). Whatever
     * table is loaded stays as it is; nothing is changed.
     */
    public static Lab attach(Cluster cluster) {
        Lab lab = plan(cluster);
        List<String> recorded = readState("pods");
        if (recorded == null) {
            throw new NotRunning("no lab is running (start one with: stockade lab up PATH...)");
        }
        List<String> differences = podDifferences(recorded, lab.podLines());
        if (!differences.isEmpty()) {
            throw new PodsDiffer(differences);
        }
        return lab;
    }

    /**
     * The lab running on this host, for changes: {@link #attach} for {@code cluster}, whose table
     * compiled with {@code options} must be exactly the text the lab recorded when it last loaded
     * its table (so that deltas start from what the kernel holds).
     */
    public static Lab running(Cluster cluster, AnalysisOptions options) {
        Lab lab = attach(cluster);
        Ruleset ruleset = lab.compile(lab.cluster, options);
        List<String> table = readState("ruleset.nft");
        if (table == null || !table.equals(NftText.render(ruleset).lines().toList())) {
            throw new LabException("the running lab's table was not loaded from its recorded input by this version of"
                    + " stockade: run stockade lab up PATH... again");
        }
        lab.loaded = ruleset;
        return lab;
    }

    /**
     * Applies the policies of {@code next} to the running lab as one {@code nft -f} transaction of
     * deltas ({@link NftDelta}) from the table loaded now. The pods must stay the same (labels may
     * change: they only move pods between selectors, which the table follows); otherwise
     * {@link PodsDiffer} is thrown and nothing changes.
     */
    public RulesetChange apply(Cluster next, AnalysisOptions options) {
        if (loaded == null) {
            throw new IllegalStateException("the lab is not up");
        }
        long start = System.nanoTime();
        Lab planned = plan(next);
        List<String> differences = podDifferences(podLines(), planned.podLines());
        if (!differences.isEmpty()) {
            throw new PodsDiffer(differences);
        }
        Ruleset ruleset = compile(planned.cluster, options);
        String script = NftDelta.between(loaded, ruleset);
        long compiled = System.nanoTime();
        if (!script.isEmpty()) {
            Result r = NftSession.fits(script) ? session().apply(script) : nft(script);
            if (!r.ok()) {
                throw new LabException("nft -f refused the change: " + r.output().strip());
            }
        }
        long applied = System.nanoTime();
        RulesetChange change = RulesetChange.between(loaded, ruleset, script, (compiled - start) / 1_000_000,
                (applied - compiled) / 1_000_000);
        loaded = ruleset;
        cluster = planned.cluster;
        pods = planned.pods;
        writeState("ruleset.nft", NftText.render(ruleset).lines().toList());
        return change;
    }

    /** The compiled table for {@code c} with this lab's router-side interfaces (anti-spoofing). */
    private Ruleset compile(Cluster c, AnalysisOptions options) {
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (LabPod p : pods) {
            interfaces.put(p.id(), p.routerInterface());
        }
        return NftCompiler.compile(c, options, interfaces);
    }

    /** Runs {@code nft -f} on a script in the router namespace; one script is one transaction. */
    private static Result nft(String script) {
        Path f = null;
        try {
            f = Files.createTempFile("stockade-lab-", ".nft");
            Files.writeString(f, script, StandardCharsets.UTF_8);
            return run(List.of("ip", "netns", "exec", ROUTER, "nft", "-f", f.toString()));
        } catch (IOException e) {
            throw new LabException("cannot write the ruleset: " + e.getMessage());
        } finally {
            try {
                if (f != null) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** One line per pod: what must not change under a running lab. */
    private List<String> podLines() {
        List<String> lines = new ArrayList<>();
        for (LabPod p : pods) {
            lines.add(p.id() + " " + p.namespace() + " " + p.routerInterface() + " " + p.ips() + " "
                    + servedPorts(p).stream().map(c -> c.protocol() + "/" + c.port()).toList());
        }
        return lines;
    }

    private static List<String> podDifferences(List<String> running, List<String> next) {
        List<String> out = new ArrayList<>();
        for (String r : running) {
            if (!next.contains(r)) {
                out.add("- " + r);
            }
        }
        for (String n : next) {
            if (!running.contains(n)) {
                out.add("+ " + n);
            }
        }
        return out;
    }

    private static void writeState(String name, List<String> lines) {
        try {
            Files.createDirectories(STATE_DIR);
            Files.write(STATE_DIR.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write the lab's state under " + STATE_DIR + ": " + e.getMessage());
        }
    }

    private static List<String> readState(String name) {
        try {
            Path p = STATE_DIR.resolve(name);
            return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new LabException("cannot read the lab's state under " + STATE_DIR + ": " + e.getMessage());
        }
    }

    private void startListeners() {
        String script = """
                import socket,sys,selectors
                sel=selectors.DefaultSelector()
                for a in sys.argv[1:]:
                    proto,port=a.split(':');port=int(port)
                    for fam,host in ((socket.AF_INET,'0.0.0.0'),(socket.AF_INET6,'::')):
                        s=socket.socket(fam,socket.SOCK_STREAM if proto=='TCP' else socket.SOCK_DGRAM)
                        s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
                        if fam==socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6,socket.IPV6_V6ONLY,1)
                        s.bind((host,port))
                        if proto=='TCP': s.listen(64)
                        s.setblocking(False)
                        sel.register(s,selectors.EVENT_READ,proto)
                print('ready',flush=True)
                while True:
                    for k,_ in sel.select():
                        try:
                            if k.data=='TCP':
                                c,_=k.fileobj.accept();c.close()
                            else:
                                d,addr=k.fileobj.recvfrom(512);k.fileobj.sendto(b'ok',addr)
                        except OSError:
                            pass
                """;
        List<Future<?>> ready = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LabPod p : pods) {
                List<String> args = new ArrayList<>(List.of("ip", "netns", "exec", p.namespace(), PYTHON, "-c", script));
                for (ContainerPort c : servedPorts(p)) {
                    args.add(c.protocol() + ":" + c.port());
                }
                if (args.size() == 7) {
                    continue;
                }
                try {
                    Process proc;
                    synchronized (created) {
                        if (closing) {
                            throw new LabException("interrupted: the lab is being removed");
                        }
                        proc = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                        listeners.add(proc);
                    }
                    ready.add(pool.submit(() -> {
                        BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
                        String line = r.readLine();
                        if (!"ready".equals(line)) {
                            throw new LabException("the listeners of " + p.id() + " did not start");
                        }
                        return null;
                    }));
                } catch (IOException e) {
                    throw new LabException("cannot start python3: " + e.getMessage());
                }
            }
            for (Future<?> f : ready) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new LabException("listeners did not start: " + e.getMessage());
                }
            }
        }
    }

    /** The container ports that get a listener (and probes): TCP and UDP, distinct. */
    static List<ContainerPort> servedPorts(LabPod p) {
        return p.pod().ports().stream().filter(c -> c.protocol() != Protocol.SCTP)
                .map(c -> new ContainerPort(null, c.port(), c.protocol())).distinct().toList();
    }

    /**
     * Probes every ordered pair of distinct lab pods on every served port of the destination, on
     * every address of the destination in a family the source has: TCP connect and UDP
     * request/response, every probe at once ({@link Prober}: one process per source pod, kept for
     * the lab's life), each waiting at most {@code timeoutMillis}.
     */
    public List<Probe> probe(int timeoutMillis) {
        List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (LabPod src : pods) {
                Map<String, Object[]> planned = new LinkedHashMap<>();
                for (LabPod dst : pods) {
                    if (dst == src || dst.ips().isEmpty()) {
                        continue;
                    }
                    for (IpAddress ip : dst.ips()) {
                        if (src.ips().stream().noneMatch(a -> a.v6() == ip.v6())) {
                            continue;
                        }
                        for (ContainerPort c : servedPorts(dst)) {
                            planned.put(c.protocol() + "|" + ip + "|" + c.port(), new Object[] {dst, c, ip});
                        }
                    }
                }
                if (planned.isEmpty()) {
                    continue;
                }
                Prober prober = prober(src);
                done.add(pool.submit(() -> {
                    Map<String, Boolean> seen = prober.probe(List.copyOf(planned.keySet()), timeoutMillis);
                    for (Map.Entry<String, Object[]> e : planned.entrySet()) {
                        Boolean ok = seen.get(e.getKey());
                        if (ok == null) {
                            throw new LabException("probing from " + src.id() + " gave no answer for " + e.getKey());
                        }
                        ContainerPort c = (ContainerPort) e.getValue()[1];
                        probes.add(new Probe(src, (LabPod) e.getValue()[0], (IpAddress) e.getValue()[2], c.protocol(),
                                c.port(), ok));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof LabException l ? l : new LabException(e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException("interrupted");
                }
            }
        }
        List<Probe> sorted = new ArrayList<>(probes);
        sorted.sort(Comparator.comparing((Probe p) -> p.src().id()).thenComparing(p -> p.dst().id())
                .thenComparing(Probe::address).thenComparing(Probe::protocol).thenComparingInt(Probe::port));
        if (sorted.size() != expectedProbes()) {
            throw new LabException("only " + sorted.size() + " of " + expectedProbes() + " probes completed");
        }
        return sorted;
    }

    private int expectedProbes() {
        int n = 0;
        for (LabPod s : pods) {
            for (LabPod d : pods) {
                if (s != d) {
                    n += (int) d.ips().stream().filter(ip -> s.ips().stream().anyMatch(a -> a.v6() == ip.v6())).count()
                            * servedPorts(d).size();
                }
            }
        }
        return n;
    }

    /**
     * Removes every namespace whose name starts with {@link #PREFIX} (and with it every veth, route,
     * table and listener of the lab) and the state file. Idempotent; returns the namespaces removed.
     */
    public static List<String> down() {
        List<String> removed = new ArrayList<>();
        for (String name : namespaces()) {
            run(List.of("bash", "-c", "ip netns pids " + name + " | xargs -r kill -9; ip netns del " + name));
            removed.add(name);
        }
        removeState();
        return removed;
    }

    private static void removeState() {
        if (Files.isDirectory(STATE_DIR)) {
            try (Stream<Path> s = Files.walk(STATE_DIR)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // what is left is overwritten by the next lab up
            }
        }
    }

    private synchronized NftSession session() {
        if (session == null) {
            session = new NftSession(ROUTER);
        }
        return session;
    }

    private Prober prober(LabPod src) {
        synchronized (created) {
            if (closing) {
                throw new LabException("interrupted: the lab is being removed");
            }
            return probers.computeIfAbsent(src.namespace(), ns -> new Prober(src.id(), ns, PYTHON));
        }
    }

    /** The namespaces on this host whose name starts with {@link #PREFIX}. */
    static List<String> namespaces() {
        List<String> out = new ArrayList<>();
        for (String line : run(List.of("ip", "netns", "list")).output().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(PREFIX)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Removes what this lab created and nothing else: its listener and probe processes, the
     * namespaces it created (with every process left in them) and, when it wrote them, the state
     * files. Waits (at most 5 s) for setup steps running now, and refuses every later one, so that
     * it may run from a shutdown hook while {@link #up} is still creating. Idempotent; returns the
     * namespaces removed.
     */
    public List<String> destroy() {
        List<String> names;
        boolean state;
        synchronized (created) {
            closing = true;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (inflight > 0 && System.nanoTime() < end) {
                try {
                    created.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            names = List.copyOf(created);
            created.clear();
            state = wroteState;
            wroteState = false;
        }
        close();
        List<String> removed = new ArrayList<>();
        if (!names.isEmpty()) {
            List<String> present = namespaces();
            StringBuilder script = new StringBuilder();
            for (String ns : names.reversed()) {
                if (present.contains(ns)) {
                    script.append("ip netns pids ").append(ns).append(" | xargs -r kill -9; ip netns del ").append(ns)
                            .append('\n');
                    removed.add(ns);
                }
            }
            if (!removed.isEmpty()) {
                run(List.of("bash", "-c", script.toString()), 8);
            }
        }
        if (state) {
            removeState();
        }
        return removed;
    }

    /** Runs one setup step that creates {@code namespaces}, unless the lab is being removed. */
    private void setup(List<String> namespaces, String... commands) {
        synchronized (created) {
            if (closing) {
                throw new LabException("interrupted: the lab is being removed");
            }
            created.addAll(namespaces);
            inflight++;
        }
        try {
            sh(commands);
        } finally {
            synchronized (created) {
                inflight--;
                created.notifyAll();
            }
        }
    }

    /** Stops this lab's listener and probe processes (down kills them too, by namespace). */
    public void close() {
        listeners.forEach(Process::destroyForcibly);
        probers.values().forEach(Prober::close);
        probers.clear();
        synchronized (this) {
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    private static void sh(String... commands) {
        Result r = run(List.of("bash", "-c", "set -e\n" + String.join("\n", commands)));
        if (!r.ok()) {
            throw new LabException("setting up the lab failed: " + r.output().strip());
        }
    }

    /** What a command printed (standard output and error together) and its exit status; -1 when it could not run. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    static Result run(List<String> command) {
        return run(command, 60);
    }

    /** Runs {@code command} with nothing on its standard input, waiting at most {@code timeoutSeconds}. */
    public static Result run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    /** A lab step that failed; the message says which and why. */
    public static class LabException extends RuntimeException {
        public LabException(String message) {
            super(message);
        }
    }

    /** No lab is running (nothing recorded under {@link #STATE_DIR}). */
    public static final class NotRunning extends LabException {
        public NotRunning(String message) {
            super(message);
        }
    }

    /** A lab with this prefix is up already (made by lab up, or left by a run that was killed). */
    public static final class Occupied extends LabException {
        public Occupied(List<String> namespaces) {
            super("a lab is up with prefix " + PREFIX + " (" + (namespaces.isEmpty() ? "its state is under " + STATE_DIR
                    : namespaces.size() + " namespaces: " + String.join(" ", namespaces.stream().limit(5).toList())
                    + (namespaces.size() > 5 ? " ..." : "")) + "): bring it down first (stockade lab down) or run this"
                    + " one with another prefix (e.g. JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab- stockade lab ...)");
        }
    }

    /** The input's pods are not the running lab's: its policies cannot be applied to it. */
    public static final class PodsDiffer extends LabException {
        private final List<String> differences;

        public PodsDiffer(List<String> differences) {
            super("the pods differ from the running lab's (- running, + input):\n  " + String.join("\n  ", differences));
            this.differences = List.copyOf(differences);
        }

        public List<String> differences() {
            return differences;
        }
    }
}
