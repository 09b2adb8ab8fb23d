package dev.stockade.bench;

import dev.stockade.dataplane.NftCompiler;
import dev.stockade.dataplane.NftDelta;
import dev.stockade.dataplane.NftText;
import dev.stockade.dataplane.Ruleset;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.lab.Lab;
import dev.stockade.lab.LabLock;
import dev.stockade.lab.LabRun;
import dev.stockade.lab.NftSession;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code bench --dataplane}: the nftables data plane and the lab measured on this host's kernel,
 * in network namespaces of the bench's own ({@code stkbench-PID-…}, removed afterwards; the host's
 * own ruleset is never touched):
 * <ol>
 *   <li>the generated cluster is compiled and loaded whole with {@code nft -f} into an empty
 *       namespace (three times, the median kept);</li>
 *   <li>five single-policy changes, spread over the policy list (at 10, 30, 50, 70 and 90 % of it,
 *       or the next policy whose change alters the table: a default deny removed, a rule's ports
 *       replaced), each applied to the loaded table as the one transaction {@link NftDelta}
 *       writes, then undone the same way;</li>
 *   <li>the cost of a packet: a client and a server namespace (two pods of the cluster that the
 *       policies let talk on TCP 8080) routed through a router namespace holding the table of the
 *       whole cluster, then a table of the policies of the two pods' namespace only (which give
 *       them the same chains), padded to ten with the first others, interleaved five times; each round times a
 *       run of new TCP connections (their first packets walk the policy chains), and the fastest
 *       round of each table counts;</li>
 *   <li>{@code lab} up, probe and down of the 9-pod upstream e2e topology.</li>
 * </ol>
 */
public final class DataplaneBench {
    static final String PREFIX = "stkbench-";
    private static final int CHANGES = 5;
    private static final int ROUNDS = 3;
    private static final int PACKET_ROUNDS = 5;
    private static final int CONNECTS = 1000;
    private static final int SMALL_POLICIES = 10;
    private static final int PORT = 8080;
    private static final String LAB_TOPOLOGY = "lab-e2e.yaml";

    private final Consumer<String> progress;
    private final String prefix = PREFIX + ProcessHandle.current().pid() + "-";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private DataplaneBench(Consumer<String> progress) {
        this.progress = progress;
    }

    /** What the data-plane bench needs and this host lacks, or null when it can run. */
    public static String missing() {
        return missing(Lab.isRoot(), tool -> run(List.of("sh", "-c", "command -v " + tool)).ok());
    }

    static String missing(boolean root, Predicate<String> installed) {
        if (!root) {
            return "bench --dataplane needs root: it loads nftables tables into network namespaces and runs a lab";
        }
        for (String tool : List.of("nft", "ip", "python3")) {
            if (!installed.test(tool)) {
                return "bench --dataplane needs " + tool + " (scripts/test installs nftables; python3 serves the lab's"
                        + " ports)";
            }
        }
        return null;
    }

    /**
     * Runs the data-plane bench on the cluster {@code spec} generates ({@code spec.pods()} must be
     * positive: pods need addresses to be in the table).
     */
    public static DataplaneResult run(BenchSpec spec, Consumer<String> progress) throws IOException {
        if (spec.pods() < 2) {
            throw new IllegalArgumentException("bench --dataplane needs at least 2 pods");
        }
        DataplaneBench b = new DataplaneBench(progress);
        try {
            return b.measure(spec);
        } finally {
            b.cleanUp();
        }
    }

    private DataplaneResult measure(BenchSpec spec) throws IOException {
        progress.accept("generating " + spec.workloads() + " workloads, " + spec.pods() + " pods, " + spec.policies()
                + " policies, " + spec.namespaces() + " namespaces");
        Cluster cluster = load(new ClusterGenerator(spec).generate());
        int pods = (int) cluster.workloads().stream().flatMap(w -> w.pods().stream()).filter(p -> !p.ips().isEmpty())
                .count();
        progress.accept("compiling " + pods + " pods and " + cluster.policies().size() + " policies");
        long t0 = System.nanoTime();
        Ruleset full = NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, Map.of());
        String fullText = NftText.render(full);
        progress.accept(String.format("compiled in %d ms: %d chains, %d sets, %.1f MB", millis(t0),
                full.chains().size(), full.sets().size(), fullText.length() / 1e6));

        long[] loads = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            String ns = namespace("load" + i);
            loads[i] = nft(ns, fullText);
            progress.accept("full load " + (i + 1) + " of " + ROUNDS + ": " + loads[i] + " ms");
            if (i < ROUNDS - 1) {
                deleteNamespace(ns);
            }
        }
        String loaded = namespaces.getLast();

        long[] changes = new long[CHANGES];
        List<Integer> indices = changedPolicies(cluster);
        // changes go through a long-lived nft -i, as lab apply sends them: what a change costs is
        // its transaction, not the start of a process
        try (NftSession session = new NftSession(loaded)) {
            for (int i = 0; i < indices.size(); i++) {
                // the first policy from the planned one on whose change alters the table
                Ruleset changed = null;
                String delta = "";
                int index = indices.get(i);
                for (; index < cluster.policies().size() && delta.isEmpty(); index++) {
                    changed = NftCompiler.compile(PolicyChanges.changeOne(cluster, index), AnalysisOptions.DEFAULT,
                            Map.of());
                    delta = NftDelta.between(full, changed);
                }
                if (delta.isEmpty()) {
                    throw new IllegalArgumentException("no policy change alters the table; generate more policies");
                }
                changes[i] = transaction(session, loaded, delta);
                progress.accept("change " + (i + 1) + " of " + indices.size() + " (" + cluster.policies().get(index - 1)
                        + ", " + delta.lines().count() + " lines): " + changes[i] + " ms");
                transaction(session, loaded, NftDelta.between(changed, full));
            }
        }
        deleteNamespace(loaded);

        double ratio = packetCostRatio(cluster, full);
        long lab = labE2e();
        return new DataplaneResult(pods, cluster.policies().size(), median(loads), median(changes), ratio, lab);
    }

    /** Five policies spread over the list: at 10, 30, 50, 70 and 90 % of it. */
    private static List<Integer> changedPolicies(Cluster c) {
        List<Integer> out = new ArrayList<>();
        int n = c.policies().size();
        for (int k = 0; k < CHANGES && n > 0; k++) {
            out.add(Math.min(n - 1, n * (2 * k + 1) / (2 * CHANGES)));
        }
        return out;
    }

    private double packetCostRatio(Cluster cluster, Ruleset full) {
        Target.PodTarget[] pair = allowedPair(cluster);
        Pod client = pair[0].pod();
        Pod server = pair[1].pod();
        progress.accept("packet cost: new TCP connections " + client + " -> " + server + " on " + PORT
                + " through a router holding the table");
        String router = namespace("router");
        String c = namespace("client");
        String s = namespace("server");
        IpAddress clientIp = client.ips().stream().filter(a -> !a.v6()).findFirst().orElseThrow();
        IpAddress serverIp = server.ips().stream().filter(a -> !a.v6()).findFirst().orElseThrow();
        sh("ip netns exec " + router + " sysctl -qw net.ipv4.ip_forward=1",
                "ip -n " + router + " link set lo up",
                "ip -n " + router + " link add stb0 type veth peer name eth0 netns " + c,
                "ip -n " + router + " link add stb1 type veth peer name eth0 netns " + s,
                "ip -n " + router + " addr add 169.254.1.1/32 dev stb0",
                "ip -n " + router + " addr add 169.254.1.1/32 dev stb1",
                "ip -n " + router + " link set stb0 up",
                "ip -n " + router + " link set stb1 up",
                "ip -n " + router + " route add " + clientIp + "/32 dev stb0",
                "ip -n " + router + " route add " + serverIp + "/32 dev stb1",
                "ip -n " + c + " link set lo up", "ip -n " + c + " link set eth0 up",
                "ip -n " + s + " link set lo up", "ip -n " + s + " link set eth0 up",
                "ip -n " + c + " addr add " + clientIp + "/32 dev eth0",
                "ip -n " + s + " addr add " + serverIp + "/32 dev eth0",
                "ip -n " + c + " route add default via 169.254.1.1 dev eth0 onlink",
                "ip -n " + s + " route add default via 169.254.1.1 dev eth0 onlink");
        listen(s, serverIp);
        Map<String, String> interfaces = Map.of(client.toString(), "stb0", server.toString(), "stb1");
        String large = NftText.render(NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, interfaces));
        Cluster few = cluster.withPolicies(fewPolicies(cluster, client.namespace()));
        String small = NftText.render(NftCompiler.compile(few, AnalysisOptions.DEFAULT, interfaces));
        double[] largeCost = new double[PACKET_ROUNDS];
        double[] smallCost = new double[PACKET_ROUNDS];
        for (int i = 0; i < PACKET_ROUNDS; i++) {
            nft(router, small);
            smallCost[i] = connects(c, serverIp);
            nft(router, large);
            largeCost[i] = connects(c, serverIp);
            progress.accept(String.format(Locale.ROOT,
                    "round %d of %d: %.1f µs a connection with %d policies, %.1f µs with %d", i + 1, PACKET_ROUNDS,
                    largeCost[i], cluster.policies().size(), smallCost[i], few.policies().size()));
        }
        // the fastest round of each: what the data path costs, with the least of the machine's other work in it
        return Math.round(Arrays.stream(largeCost).min().orElseThrow() / Arrays.stream(smallCost).min().orElseThrow()
                * 100) / 100.0;
    }

    /**
     * The small table's policies: every policy of {@code namespace} (so the two pods' chains are
     * the same as with the whole cluster: policies apply to the pods of their own namespace only),
     * then the first others of the list, {@value #SMALL_POLICIES} in all when the namespace has fewer.
     */
    private static List<NetworkPolicy> fewPolicies(Cluster cluster, String namespace) {
        List<NetworkPolicy> out = new ArrayList<>(cluster.policies().stream()
                .filter(p -> p.namespace().equals(namespace)).toList());
        for (NetworkPolicy p : cluster.policies()) {
            if (out.size() >= SMALL_POLICIES) {
                break;
            }
            if (!p.namespace().equals(namespace)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Two pods of one namespace, both isolated both ways, that the policies let talk on TCP 8080
     * (the first pair found, in input order): their packets walk both pods' chains.
     */
    private static Target.PodTarget[] allowedPair(Cluster cluster) {
        Explainer explainer = new Explainer(cluster, AnalysisOptions.DEFAULT);
        Map<String, List<Target.PodTarget>> byNamespace = new LinkedHashMap<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                if (p.ips().stream().anyMatch(a -> !a.v6()) && !p.hostNetwork()) {
                    byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(new Target.PodTarget(w, p));
                }
            }
        }
        for (List<Target.PodTarget> pods : byNamespace.values()) {
            for (Target.PodTarget a : pods) {
                for (Target.PodTarget b : pods) {
                    if (a != b && explainer.explain(a, b, Protocol.TCP, PORT).allowed()
                            && !explainer.explain(a, b, Protocol.TCP, PORT + 1).allowed()) {
                        return new Target.PodTarget[] {a, b};
                    }
                }
            }
        }
        throw new IllegalArgumentException("no two pods of one namespace that the policies let talk on TCP " + PORT
                + " (and isolate otherwise); generate more policies");
    }

    private void listen(String ns, IpAddress ip) {
        String script = """
                import socket,sys
                s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
                s.bind((sys.argv[1],int(sys.argv[2])));s.listen(512)
                print('ready',flush=True)
                while True:
                    c,_=s.accept();c.close()
                """;
        try {
            Process p = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", script, ip.toString(),
                    String.valueOf(PORT)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(p);
            byte[] line = p.getInputStream().readNBytes(6);
            if (!new String(line, StandardCharsets.UTF_8).equals("ready\n")) {
                throw new IllegalStateException("the bench's TCP listener did not start");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start python3: " + e.getMessage());
        }
    }

    /** Microseconds per new TCP connection from namespace {@code ns} to {@code ip}:8080. */
    private static double connects(String ns, IpAddress ip) {
        String script = """
                import socket,sys,time
                ip,port,n=sys.argv[1],int(sys.argv[2]),int(sys.argv[3])
                for i in range(50):
                    s=socket.create_connection((ip,port),timeout=2);s.close()
                t=time.perf_counter()
                for i in range(n):
                    s=socket.create_connection((ip,port),timeout=2);s.close()
                print((time.perf_counter()-t)/n*1e6)
                """;
        Lab.Result r = run(List.of("ip", "netns", "exec", ns, "python3", "-c", script, ip.toString(), String.valueOf(PORT),
                String.valueOf(CONNECTS)));
        if (!r.ok()) {
            throw new IllegalStateException("connections through the table failed: " + r.output().strip());
        }
        return Double.parseDouble(r.output().strip());
    }

    private long labE2e() throws IOException {
        String yaml;
        try (InputStream in = DataplaneBench.class.getResourceAsStream(LAB_TOPOLOGY)) {
            if (in == null) {
                throw new IllegalStateException("the lab topology " + LAB_TOPOLOGY + " is missing from the jar");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LoadResult loaded = Loader.loadString(LAB_TOPOLOGY, yaml);
        // one run of the lab (LabRun: the prefix's lock, cleanup on signals), which removes only what
        // it created; another run of the prefix, or a lab up with it, is not touched (no retry)
        for (int attempt = 1; ; attempt++) {
            progress.accept("lab up, probe and down of the 9-pod e2e topology");
            long t = System.nanoTime();
            Lab lab = Lab.plan(loaded.cluster());
            try (LabRun run = LabRun.begin()) {
                run.track(lab);
                lab.up(AnalysisOptions.DEFAULT);
                int probes = lab.probe(1000).size();
                run.close();
                long ms = millis(t);
                progress.accept("lab: " + probes + " probes, " + ms + " ms");
                return ms;
            } catch (LabLock.Held | Lab.Occupied e) {
                throw e;
            } catch (Lab.LabException e) {
                if (attempt == 3) {
                    throw e;
                }
                progress.accept("lab failed (" + e.getMessage().lines().findFirst().orElse("") + "); again");
            }
        }
    }

    private static Cluster load(List<String> contents) throws IOException {
        Path dir = Files.createTempDirectory("stockade-bench");
        try {
            List<Path> files = ClusterGenerator.write(contents, dir);
            LoadResult loaded = Loader.load(files.stream().map(Path::toString).toList());
            if (loaded.hasErrors()) {
                throw new IllegalStateException("generated input did not load: " + loaded.diagnostics().getFirst());
            }
            return loaded.cluster();
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Applies {@code script} as one transaction through {@code session} (with {@code nft -f} in
     * namespace {@code ns} when it is too long for one line); returns the milliseconds it took.
     */
    private static long transaction(NftSession session, String ns, String script) {
        if (script.isEmpty() || !NftSession.fits(script)) {
            return nft(ns, script);
        }
        long t = System.nanoTime();
        Optional<String> complaint = session.submit(script);
        long ms = millis(t);
        if (complaint.isPresent()) {
            throw new IllegalStateException("nft refused the bench's change: " + complaint.get().strip());
        }
        return ms;
    }

    /** Applies {@code script} with {@code nft -f} in namespace {@code ns}; returns the milliseconds it took. */
    private static long nft(String ns, String script) {
        if (script.isEmpty()) {
            return 0;
        }
        Path f = null;
        try {
            f = Files.createTempFile("stockade-bench-", ".nft");
            Files.writeString(f, script, StandardCharsets.UTF_8);
            long t = System.nanoTime();
            Lab.Result r = run(List.of("ip", "netns", "exec", ns, "nft", "-f", f.toString()));
            long ms = millis(t);
            if (!r.ok()) {
                throw new IllegalStateException("nft -f refused the bench's script: " + r.output().strip());
            }
            return ms;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the bench's nft script: " + e.getMessage());
        } finally {
            if (f != null) {
                f.toFile().delete();
            }
        }
    }

    private String namespace(String role) {
        String ns = prefix + role;
        sh("ip netns add " + ns);
        namespaces.add(ns);
        return ns;
    }

    private void deleteNamespace(String ns) {
        run(List.of("ip", "netns", "del", ns));
        namespaces.remove(ns);
    }

    private void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        for (String ns : List.copyOf(namespaces)) {
            deleteNamespace(ns);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sh(String... commands) {
        Lab.Result r = run(List.of("bash", "-c", "set -e\n" + String.join("\n", commands)));
        if (!r.ok()) {
            throw new IllegalStateException("setting up the bench's namespaces failed: " + r.output().strip());
        }
    }

    /** Runs a command (the bench's full loads may take long on a busy machine: two minutes at most). */
    private static Lab.Result run(List<String> command) {
        return Lab.run(command, 120);
    }
}
