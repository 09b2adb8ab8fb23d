package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.stockade.lab.Lab;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab apply} and {@code lab verify} through the command line on this host's kernel, with
 * the shop of {@code src/test/resources/nft-inputs/shop}. Skipped unless root with nft and
 * python3; every test removes its lab.
 */
@Tag("kernel")
class LabApplyVerifyCliTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs a command and returns what it printed (standard output and error). */
    static String sh(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @BeforeEach
    void needsTheLab() {
        Assumptions.assumeTrue(Lab.isRoot(), "the lab needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")),
                "nft is needed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed");
        Lab.down();
    }

    @AfterEach
    void removeTheLab() {
        Lab.down();
    }

    /** The shop with the db policy admitting the cache instead of the api: api -> db closes. */
    private Path changedShop() throws IOException {
        String yaml = Files.readString(Path.of(SHOP, "cluster.yaml"));
        int db = yaml.indexOf("metadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}");
        assertThat(db).as("the shop's db policy").isPositive();
        String changed = yaml.substring(0, db) + yaml.substring(db).replace("{matchLabels: {app: api}}", "{matchLabels: {app: cache}}");
        Path dir = Files.createDirectories(tmp.resolve("shop-changed"));
        Files.writeString(dir.resolve("cluster.yaml"), changed);
        return dir;
    }

    @Test
    void apply_withoutARunningLab_exits2AndSaysHowToStartOne() {
        Run r = run("lab", "apply", SHOP);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("stockade: no lab is running (start one with: stockade lab up PATH...)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void apply_changesTheKernel_byDeltas_andVerifyRunningAgreesWithTheNewInputOnly() throws IOException {
        Path changed = changedShop();
        assertThat(run("lab", "up", SHOP).exit()).isZero();

        Run apply = run("lab", "apply", "--print-script", changed.toString());
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).doesNotContain("delete table", "flush ruleset")
                .containsPattern("(?m)^# lab apply: \\d+ elements? added, \\d+ removed; sets and maps: \\d+ added, \\d+ removed;"
                        + " chains: \\d+ added, \\d+ removed, \\d+ rewritten; one nft transaction of \\d+ lines in \\d+ ms"
                        + " \\(compile and delta \\d+ ms\\)\\n$");

        Run now = run("lab", "verify", "--running", changed.toString());
        assertThat(now.exit()).as(now.out() + now.err()).isZero();
        assertThat(now.out()).containsPattern("(?m)^# 6 pods, 42 probes, all agree with the engine \\(\\d+ connected, \\d+ blocked\\);"
                + " probed the running lab in \\d+ ms\\n$");

        // the kernel no longer lets the api reach the database: the old input disagrees there, and only there
        Run old = run("lab", "verify", "--running", SHOP);
        assertThat(old.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(old.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("#")).toList())
                .containsExactly("shop/api -> shop/db (10.244.2.21) TCP/5432: engine allows, kernel drops");
        assertThat(old.out()).contains("    ALLOWED: shop/api => shop/db on TCP 5432")
                .contains("# 6 pods, 42 probes, 1 disagrees with the engine; probed the running lab in ");

        Run again = run("lab", "apply", changed.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEqualTo("# lab apply: no change: the loaded table already enforces these policies\n");
    }

    @Test
    void apply_withOtherPods_refusesWithExit2_andChangesNothing() {
        assertThat(run("lab", "up", SHOP).exit()).isZero();
        Run r = run("lab", "apply", "src/test/resources/lab-inputs/e2e");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("stockade: lab apply changes policies only, but the pods differ from the running lab's"
                        + " (- running, + input):\n  - shop/web-1 ")
                .contains("\n  + x/a ")
                .endsWith("\nto run other pods: stockade lab down, then stockade lab up PATH...\n");
        Run still = run("lab", "verify", "--running", SHOP);
        assertThat(still.exit()).as(still.out()).isZero();
    }

    @Test
    void apply_badInput_exits2WithFileAndLine() throws IOException {
        assertThat(run("lab", "up", SHOP).exit()).isZero();
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\n"
                + "spec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 70000}\n");
        Run r = run("lab", "apply", SHOP, bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(bad + ":8:").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verify_agreeingKernel_exits0WithTheSummary_andLeavesNothing() throws IOException {
        Run r = run("lab", "verify", SHOP);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("# SCTP: this kernel has no SCTP sockets")
                .containsPattern("(?m)^# 6 pods, 42 probes, all agree with the engine \\(14 connected, 28 blocked\\);"
                        + " measured on the kernel in \\d+ ms \\(up \\d+, probe \\d+, down \\d+\\)\\n$");
        assertThat(sh("ip", "netns", "list")).doesNotContain(Lab.PREFIX);
    }

    @Test
    void verify_tableChangedBehindTheEnginesBack_reportsEveryDisagreementWithItsExplanation() throws IOException {
        assertThat(run("lab", "up", SHOP).exit()).isZero();
        // a rule the policies do not have: anyone may open the database's port
        assertThat(sh("ip", "netns", "exec", Lab.ROUTER, "nft", "insert", "rule", "inet", "stockade",
                "forward", "ip", "daddr", "10.244.2.21", "tcp", "dport", "5432", "accept")).isEmpty();

        Run text = run("lab", "verify", "--running", SHOP);
        assertThat(text.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(text.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("#")).toList()).containsExactly(
                "ops/coredns -> shop/db (10.244.2.21) TCP/5432: engine blocks, kernel connects",
                "shop/cache -> shop/db (10.244.2.21) TCP/5432: engine blocks, kernel connects",
                "shop/web-1 -> shop/db (10.244.2.21) TCP/5432: engine blocks, kernel connects",
                "shop/web-2 -> shop/db (10.244.2.21) TCP/5432: engine blocks, kernel connects");
        assertThat(text.out()).contains("    BLOCKED: shop/web-1 => shop/db on TCP 5432",
                "    egress from shop/web-1: blocked (no rule of the policies selecting it admits the flow)",
                "      NetworkPolicy shop/default-deny (" + SHOP + "/cluster.yaml:")
                .contains("# 6 pods, 42 probes, 4 disagree with the engine; probed the running lab in ");

        Run json = run("lab", "verify", "--running", "-o", "json", SHOP);
        assertThat(json.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas", "lab-verify.schema.json")))
                .validate(MAPPER.readTree(json.out()))).isEmpty();
        JsonNode root = MAPPER.readTree(json.out());
        assertThat(root.get("agree").asBoolean()).isFalse();
        assertThat(root.get("probes").asInt()).isEqualTo(42);
        JsonNode first = root.get("disagreements").get(0);
        assertThat(first.get("src").asText()).isEqualTo("ops/coredns");
        assertThat(first.get("engine").asText()).isEqualTo("blocked");
        assertThat(first.get("kernel").asText()).isEqualTo("connected");
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas", "explain.schema.json")))
                .validate(first.get("explain"))).isEmpty();
        assertThat(first.get("explain").get("allowed").asBoolean()).isFalse();
    }

    @Test
    void verify_running_withoutALab_orWithOtherPods_exits2() {
        Run none = run("lab", "verify", "--running", SHOP);
        assertThat(none.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).isEqualTo("stockade: no lab is running (start one with: stockade lab up PATH...)\n");

        assertThat(run("lab", "up", SHOP).exit()).isZero();
        Run other = run("lab", "verify", "--running", "src/test/resources/lab-inputs/e2e");
        assertThat(other.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(other.err()).startsWith("stockade: --running: the pods differ from the running lab's");
    }

    @Test
    void upAndVerify_podsSharingAnAddress_exit2BeforeMakingAnything() throws IOException {
        Path twins = tmp.resolve("twins.yaml");
        Files.writeString(twins, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: t}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: t}
                spec: {containers: [{name: a, image: a, ports: [{containerPort: 80}]}]}
                status: {podIP: 10.9.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: t}
                spec: {containers: [{name: b, image: b}]}
                status: {podIP: 10.9.0.1}
                """);
        for (String verb : List.of("up", "verify")) {
            Run r = run("lab", verb, twins.toString());
            assertThat(r.exit()).as(verb).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(verb).isEqualTo("stockade: pods t/a and t/b have the same address 10.9.0.1: the lab"
                    + " cannot route both (expected distinct status.podIP/podIPs)\n");
            assertThat(sh("ip", "netns", "list")).doesNotContain(Lab.PREFIX);
        }
    }

    @Test
    void verify_badOutputFormat_isAUsageError() {
        Run r = run("lab", "verify", "-o", "csv", SHOP);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("-o: unknown format 'csv' (expected text, json)");
    }
}
