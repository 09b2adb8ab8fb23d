package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real packets through the compiled ruleset: three of the shop's pods as network namespaces
 * routed through a router namespace that holds the table (all namespaces Stockade's own, named
 * {@code stk-PID-…} and deleted afterwards; the host is not touched). TCP connections are tried
 * with short timeouts and every result must be the engine's verdict. Needs nft, ip and python3
 * (for the listeners and clients); skipped without them. A first step towards the lab.
 */
@Tag("kernel")
class NftPacketTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";
    private static final List<String> PODS = List.of("shop/web-1", "shop/api", "shop/db");
    private static final Map<String, List<Integer>> LISTEN = Map.of(
            "shop/web-1", List.of(8080), "shop/api", List.of(9000, 9001), "shop/db", List.of(5432));

    @Test
    void connect_shopPods_kernelDecidesAsTheEngine() throws Exception {
        Nft.assumeAvailable();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed for the probes");
        String prefix = "stk-" + ProcessHandle.current().pid();
        Cluster cluster = NftKernelTest.load(SHOP);
        Map<String, Target.PodTarget> targets = new LinkedHashMap<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                targets.put(p.toString(), new Target.PodTarget(w, p));
            }
        }
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (int i = 0; i < PODS.size(); i++) {
            interfaces.put(PODS.get(i), "st-" + i);
        }
        String ruleset = NftText.render(NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, interfaces));
        String router = prefix + "-r";
        List<String> namespaces = new ArrayList<>(List.of(router));
        try {
            sh("ip netns add " + router + " && ip netns exec " + router + " sysctl -qw net.ipv4.ip_forward=1");
            for (int i = 0; i < PODS.size(); i++) {
                String pod = PODS.get(i);
                String ns = prefix + "-" + i;
                namespaces.add(ns);
                String ip = targets.get(pod).pod().ips().getFirst().toString();
                sh(String.join(" && ",
                        "ip netns add " + ns,
                        "ip -n " + router + " link add st-" + i + " type veth peer name eth0 netns " + ns,
                        "ip -n " + router + " addr add 169.254.1.1/32 dev st-" + i,
                        "ip -n " + router + " link set st-" + i + " up",
                        "ip -n " + router + " route add " + ip + "/32 dev st-" + i,
                        "ip -n " + ns + " link set lo up",
                        "ip -n " + ns + " addr add " + ip + "/32 dev eth0",
                        "ip -n " + ns + " link set eth0 up",
                        "ip -n " + ns + " route add default via 169.254.1.1 dev eth0 onlink"));
                for (int port : LISTEN.get(pod)) {
                    // a listener that accepts forever; it dies with its namespace's processes below
                    new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c",
                            "import socket\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
                                    + "s.bind(('0.0.0.0'," + port + "))\ns.listen(16)\n"
                                    + "while True:\n c,_=s.accept()\n c.close()\n")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                }
            }
            Nft.Result load = Nft.withFile(ruleset, f -> List.of("ip", "netns", "exec", router, Nft.binary(), "-f",
                    f.toString()));
            assertThat(load.ok()).as(load.output()).isTrue();
            for (int i = 0; i < PODS.size(); i++) {
                for (int port : LISTEN.get(PODS.get(i))) {
                    awaitListener(prefix + "-" + i, port);
                }
            }
            Explainer explainer = new Explainer(cluster, AnalysisOptions.DEFAULT);
            List<String> disagreements = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
            List<Runnable> probes = new ArrayList<>();
            for (int i = 0; i < PODS.size(); i++) {
                String src = PODS.get(i);
                String srcNs = prefix + "-" + i;
                for (String dst : PODS) {
                    if (dst.equals(src)) {
                        continue;
                    }
                    for (int port : LISTEN.get(dst)) {
                        boolean expected = explainer.explain(targets.get(src), targets.get(dst), Protocol.TCP, port)
                                .allowed();
                        String dstIp = targets.get(dst).pod().ips().getFirst().toString();
                        probes.add(() -> {
                            boolean observed = connects(srcNs, dstIp, port);
                            if (observed) {
                                allowed.incrementAndGet();
                            }
                            if (expected != observed) {
                                disagreements.add(src + " -> " + dst + " TCP " + port + ": engine "
                                        + (expected ? "allows" : "blocks") + ", kernel " + (observed ? "connects" : "drops"));
                            }
                        });
                    }
                }
            }
            // all at once: a blocked probe waits out its timeout
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                probes.forEach(pool::submit);
            }
            assertThat(disagreements).as("kernel vs engine%n%s", ruleset).isEmpty();
            assertThat(allowed.get()).as("some connections must succeed, or the probes prove nothing").isPositive();
        } finally {
            for (String ns : namespaces) {
                Nft.run(List.of("bash", "-c", "ip netns pids " + ns + " | xargs -r kill -9; ip netns del " + ns));
            }
        }
    }

    /** Waits (at most 20 s) until the namespace has a TCP listener on {@code port}. */
    private static void awaitListener(String namespace, int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Nft.Result r = Nft.run(List.of("ip", "netns", "exec", namespace, "ss", "-Htln", "sport = :" + port));
            if (r.ok() && !r.output().isBlank()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no listener on port " + port + " in " + namespace);
    }

    private static boolean connects(String namespace, String ip, int port) {
        return Nft.run(List.of("ip", "netns", "exec", namespace, "python3", "-c",
                "import socket\nsocket.create_connection(('" + ip + "'," + port + "),timeout=1).close()\n")).ok();
    }

    private static void sh(String command) {
        Nft.Result r = Nft.run(List.of("bash", "-c", command));
        assertThat(r.ok()).as("%s: %s", command, r.output()).isTrue();
    }
}
