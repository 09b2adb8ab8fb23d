package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every lab verb refuses before it creates anything (exit 2): pod addresses the lab cannot
 * route, with the file and line they came from, and nonsense probe timeouts. Runs as if root
 * (nothing is created on these paths).
 */
@Tag("hostile")
class LabRefusalCliTest {
    private BooleanSupplier saved;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void asRoot() {
        saved = LabCommand.root;
        LabCommand.root = () -> true;
    }

    @AfterEach
    void restore() {
        LabCommand.root = saved;
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "probe", "verify"})
    void lab_loopbackPodAddress_isRefusedWithItsPosition(String verb) throws IOException {
        Path f = tmp.resolve("pods.yaml");
        Files.writeString(f, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop}
                spec: {containers: [{name: c, image: i}]}
                status: {podIPs: [{ip: 127.0.0.1}, {ip: "ff02::1"}]}
                """);

        Run r = run("lab", verb, f.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(
                "stockade: " + f + ":7:1: Pod shop/db: status.podIPs: 127.0.0.1 is a loopback address: the lab cannot"
                        + " route it (expected a unicast pod address: not loopback, link-local, multicast, broadcast,"
                        + " unspecified, 0.0.0.0/8 or IPv4-mapped)\n"
                + "stockade: " + f + ":7:1: Pod shop/db: status.podIPs: ff02::1 is a multicast address: the lab cannot"
                        + " route it (expected a unicast pod address: not loopback, link-local, multicast, broadcast,"
                        + " unspecified, 0.0.0.0/8 or IPv4-mapped)\n");
    }

    /** The lab does not enforce the admin tiers yet: every verb refuses them rather than enforce less. */
    @ParameterizedTest
    @ValueSource(strings = {"up", "probe", "verify", "apply"})
    void lab_adminPolicies_areRefusedByEveryVerb(String verb) throws IOException {
        Path f = tmp.resolve("anp.yaml");
        Files.writeString(f, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: deny-all}
                spec:
                  priority: 10
                  subject: {namespaces: {}}
                  ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]
                """);

        Run r = run("lab", verb, f.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("stockade: lab does not support AdminNetworkPolicy, BaselineAdminNetworkPolicy or"
                + " ClusterNetworkPolicy yet, and the input has 1 (AdminNetworkPolicy deny-all)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"probe --timeout 0", "probe --timeout -5", "probe --timeout 60001",
        "verify --timeout 0", "verify --timeout 2147483647", "verify --running --timeout 0"})
    void lab_nonsenseTimeout_isAUsageError(String args) {
        String[] words = args.split(" ");
        String[] all = new String[words.length + 2];
        all[0] = "lab";
        System.arraycopy(words, 0, all, 1, words.length);
        all[all.length - 1] = "src/test/resources/nft-inputs/shop";

        Run r = run(all);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("stockade: --timeout: '" + words[words.length - 1] + "' is not a number of"
                + " milliseconds from 1 to 60000 (how long a probe waits for an answer)\n")
                .endsWith("Try 'stockade lab " + words[0] + " --help' for more information.\n");
    }
}
