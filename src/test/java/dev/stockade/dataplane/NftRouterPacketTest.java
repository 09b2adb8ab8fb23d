package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real UDP datagrams through a router namespace holding the table, seen where they arrive: pods
 * a, b and c of namespace n as network namespaces (Stockade's own, {@code stkr-PID-…}, deleted
 * afterwards), c isolated both ways and open to UDP 7000 from a only. Anti-spoofing drops a
 * datagram b sends with a's address (the same datagram passes when the table has no
 * anti-spoofing, so the test sees the difference), and the table polices forwarded pod traffic
 * only: the router's own datagrams to c, and c's to the router, arrive although c's policies
 * admit neither. Needs nft, ip and python3; skipped without them.
 */
@Tag("kernel")
class NftRouterPacketTest {
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: "n"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: "n", labels: {app: a}}
            spec: {containers: [{name: c, image: i}]}
            status: {podIP: 10.9.0.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: "n", labels: {app: b}}
            spec: {containers: [{name: c, image: i}]}
            status: {podIP: 10.9.0.2}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: c, namespace: "n", labels: {app: c}}
            spec: {containers: [{name: c, image: i, ports: [{containerPort: 7000, protocol: UDP}]}]}
            status: {podIP: 10.9.0.3}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: c-from-a, namespace: "n"}
            spec:
              podSelector: {matchLabels: {app: c}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: a}}}]
                ports: [{protocol: UDP, port: 7000}]
            """;
    private static final List<String> PODS = List.of("a", "b", "c");
    private static final String ROUTER_IP = "169.254.1.1";

    private final String prefix = "stkr-" + ProcessHandle.current().pid();
    private final String router = prefix + "-r";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> listeners = new ArrayList<>();
    private Cluster cluster;

    @BeforeEach
    void topology() {
        Nft.assumeAvailable();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed for the datagrams");
        LoadResult loaded = Loader.loadString("router.yaml", CLUSTER);
        assertThat(loaded.hasErrors()).isFalse();
        cluster = loaded.cluster();
        namespaces.add(router);
        sh("ip netns add " + router,
                "ip netns exec " + router + " sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0"
                        + " net.ipv4.conf.default.rp_filter=0",
                "ip -n " + router + " link set lo up");
        for (int i = 0; i < PODS.size(); i++) {
            String ns = pod(PODS.get(i));
            namespaces.add(ns);
            sh("ip netns add " + ns,
                    "ip -n " + router + " link add st-" + i + " type veth peer name eth0 netns " + ns,
                    "ip -n " + router + " addr add " + ROUTER_IP + "/32 dev st-" + i,
                    "ip -n " + router + " link set st-" + i + " up",
                    "ip -n " + router + " route add 10.9.0." + (i + 1) + "/32 dev st-" + i,
                    "ip -n " + ns + " link set lo up",
                    "ip -n " + ns + " addr add 10.9.0." + (i + 1) + "/32 dev eth0",
                    "ip -n " + ns + " link set eth0 up",
                    "ip -n " + ns + " route add default via " + ROUTER_IP + " dev eth0 onlink");
        }
    }

    @AfterEach
    void removeTopology() {
        listeners.forEach(Process::destroyForcibly);
        for (String ns : namespaces) {
            Nft.run(List.of("bash", "-c", "ip netns pids " + ns + " | xargs -r kill -9; ip netns del " + ns));
        }
    }

    @Test
    void antiSpoofing_forgedSourceAddress_isDroppedAndPassesWithoutIt() throws Exception {
        List<String> atC = listen(pod("c"), "0.0.0.0", 7000);
        // b may send with a's address: it has it too (a forged source, as a raw socket would write it)
        sh("ip -n " + pod("b") + " addr add 10.9.0.1/32 dev eth0");

        load(Map.of("n/a", "st-0", "n/b", "st-1", "n/c", "st-2"));
        send(pod("a"), "10.9.0.1", "10.9.0.3", 7000, "genuine-a");
        send(pod("b"), "10.9.0.2", "10.9.0.3", 7000, "genuine-b");
        send(pod("b"), "10.9.0.1", "10.9.0.3", 7000, "forged-with-anti-spoofing");
        load(Map.of());
        send(pod("b"), "10.9.0.1", "10.9.0.3", 7000, "forged-without-anti-spoofing");
        Thread.sleep(500);

        assertThat(atC.stream().distinct()).containsExactlyInAnyOrder("10.9.0.1 genuine-a", "10.9.0.1 forged-without-anti-spoofing");
    }

    @Test
    void forwardOnly_routersOwnTrafficToAndFromAnIsolatedPod_isNotPoliced() throws Exception {
        List<String> atC = listen(pod("c"), "0.0.0.0", 7000);
        List<String> atRouter = listen(router, ROUTER_IP, 7001);
        load(Map.of("n/a", "st-0", "n/b", "st-1", "n/c", "st-2"));

        // c admits UDP 7000 from a only and sends nowhere: forwarded, both would be dropped
        send(router, ROUTER_IP, "10.9.0.3", 7000, "router-output");
        send(pod("c"), "10.9.0.3", ROUTER_IP, 7001, "router-input");
        send(pod("b"), "10.9.0.2", "10.9.0.3", 7000, "forwarded-b");
        Thread.sleep(500);

        assertThat(atC.stream().distinct()).containsExactly(ROUTER_IP + " router-output");
        assertThat(atRouter.stream().distinct()).containsExactly("10.9.0.3 router-input");
    }

    private String pod(String name) {
        return prefix + "-" + name;
    }

    private void load(Map<String, String> interfaces) {
        String ruleset = NftText.render(NftCompiler.compile(cluster, AnalysisOptions.DEFAULT, interfaces));
        Nft.Result r = Nft.withFile(ruleset, f -> List.of("ip", "netns", "exec", router, Nft.binary(), "-f", f.toString()));
        assertThat(r.ok()).as(r.output()).isTrue();
    }

    /** A UDP listener in {@code ns}; the returned list fills with {@code SOURCE PAYLOAD} per datagram. */
    private List<String> listen(String ns, String address, int port) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-u", "-c", """
                import socket,sys
                s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind((sys.argv[1],int(sys.argv[2])))
                print('ready',flush=True)
                while True:
                    d,a=s.recvfrom(512);print(a[0],d.decode(),flush=True)
                """, address, String.valueOf(port)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        listeners.add(p);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("ready");
        List<String> received = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> r.lines().forEach(received::add));
        return received;
    }

    /** One datagram from {@code ns}, with source address {@code from}, three times (the first may meet ARP). */
    private static void send(String ns, String from, String to, int port, String payload) {
        sh("ip netns exec " + ns + " python3 -c \"import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
                + "s.bind(('" + from + "',0))\nfor i in range(3):\n  s.sendto(b'" + payload + "',('" + to + "'," + port
                + "));time.sleep(0.05)\"");
    }

    private static void sh(String... commands) {
        Nft.Result r = Nft.run(List.of("bash", "-c", "set -e\n" + String.join("\n", commands)));
        assertThat(r.ok()).as("%s: %s", String.join("; ", commands), r.output()).isTrue();
    }
}
