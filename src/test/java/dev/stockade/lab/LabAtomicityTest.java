package dev.stockade.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Policy changes are atomic on the kernel: while 1000 changes are applied by {@code lab apply}'s
 * deltas, cycling through three policy sets, probes run without pause in parallel threads. The
 * client {@code c} may never reach the server in any of the three sets (TCP 80, UDP 81), so no
 * probe of it may ever get through, even while the server's ingress chain is flushed and refilled,
 * its peer sets change and {@code c}'s own egress chain comes and goes; {@code a} and {@code b}
 * are allowed in some sets and not in others, and their probes must see both outcomes (so the
 * probes do watch the changes). At the end, with no policy left, {@code c} does get through: the
 * probe can see a passing packet.
 */
@Tag("kernel")
class LabAtomicityTest {
    private static final int CHANGES = 1000;

    private static final String PODS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: t}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: server, namespace: t, labels: {app: server}}
            spec: {containers: [{name: s, image: s, ports: [{containerPort: 80}, {containerPort: 81, protocol: UDP}]}]}
            status: {podIP: 10.9.0.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: t, labels: {app: a}}
            spec: {containers: [{name: a, image: a}]}
            status: {podIP: 10.9.0.2}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: t, labels: {app: b}}
            spec: {containers: [{name: b, image: b}]}
            status: {podIP: 10.9.0.3}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: c, namespace: t, labels: {app: c}}
            spec: {containers: [{name: c, image: c}]}
            status: {podIP: 10.9.0.4}
            """;

    private static String serverPolicy(String ingress) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: server, namespace: t}
                spec:
                  podSelector: {matchLabels: {app: server}}
                  ingress:
                """ + ingress;
    }

    /**
     * A: only a may reach the server; B: only b, by two rules; C: a range holding a and b but not c
     * on TCP, a and b by selector on UDP, and c's egress opened to the server. Every change rewrites
     * the server's ingress chain (the rules differ), so a change that was not one transaction would
     * leave the chain empty for a moment, and an empty chain lets the packet through.
     */
    private static final List<String> SETS = List.of(
            PODS + serverPolicy("""
                      - from: [{podSelector: {matchLabels: {app: a}}}]
                        ports: [{port: 80}, {port: 81, protocol: UDP}]
                    """),
            PODS + serverPolicy("""
                      - from: [{podSelector: {matchLabels: {app: b}}}]
                        ports: [{port: 80}]
                      - from: [{podSelector: {matchLabels: {app: b}}}]
                        ports: [{port: 81, protocol: UDP}]
                    """),
            PODS + serverPolicy("""
                      - from: [{ipBlock: {cidr: 10.9.0.0/29, except: [10.9.0.4/32]}}]
                        ports: [{port: 80}]
                      - from: [{podSelector: {matchLabels: {app: a}}}, {podSelector: {matchLabels: {app: b}}}]
                        ports: [{port: 81, protocol: UDP}]
                    """) + """
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: c-out, namespace: t}
                    spec:
                      podSelector: {matchLabels: {app: c}}
                      egress:
                      - to: [{ipBlock: {cidr: 10.9.0.1/32}}]
                        ports: [{port: 80}, {port: 81, protocol: UDP}]
                    """);

    /** Probes one target without pause from several threads until its standard input closes, then prints the counts. */
    private static final String LOOP = """
            import socket,sys,threading,time
            proto,ip,port,n=sys.argv[1],sys.argv[2],int(sys.argv[3]),int(sys.argv[4])
            ok=[0];fail=[0];stop=[False];lock=threading.Lock()
            def loop():
                while not stop[0]:
                    got=0
                    try:
                        if proto=='TCP':
                            s=socket.socket();s.settimeout(0.05);s.connect((ip,port));got=1
                        else:
                            s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.settimeout(0.05)
                            s.sendto(b'p',(ip,port));s.recvfrom(16);got=1
                    except OSError:
                        pass
                    finally:
                        s.close()
                    with lock:
                        if got: ok[0]+=1
                        else: fail[0]+=1
                    if got: time.sleep(0.01)
            ts=[threading.Thread(target=loop) for i in range(n)]
            [t.start() for t in ts]
            print('started',flush=True)
            sys.stdin.read()
            stop[0]=True
            [t.join() for t in ts]
            print(ok[0],fail[0],flush=True)
            """;

    private record Flow(String from, Protocol protocol, int port, int threads) {}

    private static Cluster cluster(String yaml) {
        LoadResult r = Loader.loadString("atomicity.yaml", yaml);
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        return r.cluster();
    }

    @Test
    void thousandChangesByDeltas_neverLetThroughWhatBothSidesBlock() throws Exception {
        LabTest.assumeLab();
        List<Cluster> sets = SETS.stream().map(LabAtomicityTest::cluster).toList();
        List<Flow> flows = List.of(new Flow("t/c", Protocol.TCP, 80, 6), new Flow("t/c", Protocol.UDP, 81, 2),
                new Flow("t/a", Protocol.TCP, 80, 2), new Flow("t/b", Protocol.TCP, 80, 2));
        Lab lab = Lab.plan(sets.getFirst());
        Map<Flow, long[]> counts = new HashMap<>();
        List<Long> applyMillis = new ArrayList<>();
        List<Long> nftMillis = new ArrayList<>();
        long start;
        long elapsed;
        try {
            lab.up(AnalysisOptions.DEFAULT);
            Map<String, String> namespaces = new HashMap<>();
            lab.pods().forEach(p -> namespaces.put(p.id(), p.namespace()));
            List<Process> loops = new ArrayList<>();
            List<BufferedReader> outputs = new ArrayList<>();
            for (Flow f : flows) {
                Process p = new ProcessBuilder("ip", "netns", "exec", namespaces.get(f.from()), "python3", "-c", LOOP,
                        f.protocol().name(), "10.9.0.1", String.valueOf(f.port()), String.valueOf(f.threads()))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                loops.add(p);
                outputs.add(reader(p));
                assertThat(outputs.getLast().readLine()).isEqualTo("started");
            }
            start = System.nanoTime();
            for (int i = 1; i <= CHANGES; i++) {
                RulesetChange change = lab.apply(sets.get(i % sets.size()), AnalysisOptions.DEFAULT);
                assertThat(change.script()).doesNotContain("delete table", "table inet stockade {");
                assertThat(change.chainsRewritten() + change.chainsAdded() + change.chainsRemoved())
                        .as("chains changed").isPositive();
                applyMillis.add(change.compileMillis() + change.nftMillis());
                nftMillis.add(change.nftMillis());
            }
            elapsed = (System.nanoTime() - start) / 1_000_000;
            for (int i = 0; i < flows.size(); i++) {
                Process p = loops.get(i);
                p.getOutputStream().close();
                String[] okFail = outputs.get(i).readLine().split(" ");
                counts.put(flows.get(i), new long[] {Long.parseLong(okFail[0]), Long.parseLong(okFail[1])});
            }

            // with no policy, c reaches the server: the probes can see a passing packet
            lab.apply(cluster(PODS), AnalysisOptions.DEFAULT);
            List<Lab.Probe> open = lab.probe(1000);
            assertThat(open.stream().filter(p -> p.src().id().equals("t/c") && p.dst().id().equals("t/server"))
                    .allMatch(Lab.Probe::connected)).as("c reaches the server without policies").isTrue();
        } finally {
            lab.close();
            Lab.down();
        }
        applyMillis.sort(null);
        nftMillis.sort(null);
        System.out.printf("atomicity: %d changes in %d ms (per change: median %d ms, p99 %d ms, max %d ms; nft alone:"
                + " median %d ms, p99 %d ms);"
                + " probes (ok/failed): c TCP %s, c UDP %s, a TCP %s, b TCP %s%n", CHANGES, elapsed,
                applyMillis.get(CHANGES / 2), applyMillis.get(CHANGES * 99 / 100), applyMillis.getLast(),
                nftMillis.get(CHANGES / 2), nftMillis.get(CHANGES * 99 / 100),
                text(counts.get(flows.get(0))), text(counts.get(flows.get(1))), text(counts.get(flows.get(2))),
                text(counts.get(flows.get(3))));
        assertThat(counts.get(flows.get(0))[0]).as("c -> server TCP 80 got through, blocked in every set").isZero();
        assertThat(counts.get(flows.get(1))[0]).as("c -> server UDP 81 got through, blocked in every set").isZero();
        assertThat(counts.get(flows.get(0))[1]).as("probes of c during the changes").isGreaterThan(100);
        for (Flow toggling : flows.subList(2, 4)) {
            assertThat(counts.get(toggling)).as(toggling + ": both outcomes seen (ok, failed)")
                    .satisfies(c -> assertThat(c[0]).isPositive(), c -> assertThat(c[1]).isPositive());
        }
    }

    private static String text(long[] okFail) {
        return okFail[0] + "/" + okFail[1];
    }

    private static BufferedReader reader(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
