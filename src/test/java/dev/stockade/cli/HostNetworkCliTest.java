package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --host-network=node|pod} on every verb that analyses: the mode named in text and JSON,
 * the verdicts it changes, a bad value as a usage error, and the data plane's refusal of pod.
 */
class HostNetworkCliTest {
    private static final String CLUSTER = "src/test/resources/golden-inputs/host-network/cluster.yaml";
    /** Host-network pod ops/node-exporter, no admin policies. */
    private static final String SHOP = "src/test/resources/nft-inputs/shop/cluster.yaml";
    private static final String POD_MODE = "ipBlock matches pod IPs; host-network pods are policed as pods";
    private static final String NODE_MODE = "ipBlock matches pod IPs; host-network pods are node traffic";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    /** The verb's arguments before the paths, then the flag, then the cluster. */
    private static String[] verb(String verb, String flag) {
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.add(flag);
        args.add(CLUSTER);
        if (verb.startsWith("diff") || verb.startsWith("query equivalent")) {
            args.add(CLUSTER);
        }
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "stockade {0} --host-network=host")
    @ValueSource(strings = {"analyze", "explain --from app/web --to app/db --port 80", "diff", "verify --generate",
        "query unprotected", "query selects-nothing", "query redundant", "query exposure", "query equivalent",
        "audit", "nft compile", "lab up", "lab probe", "lab apply", "lab verify"})
    void badValue_everyVerb_isAUsageErrorListingTheChoices(String verb) {
        GoldenTest.Run r = run(verb(verb, "--host-network=host"));

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("stockade: Invalid value for option '--host-network': 'host' is not node or"
                + " pod (expected --host-network=node or --host-network=pod)\n");
    }

    @Test
    void help_analyze_saysWhatEachChoiceMeans() {
        String help = run("analyze", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--host-network=node|pod How pods with hostNetwork: true are analysed: node (the"
                + " default, what most network plugins do): as node traffic, which NetworkPolicies and admin policies"
                + " neither isolate nor match with pod or namespace selectors; pod: policed like any other pod"
                + " (subjects and selector peers), for plugins that tell them apart. ipBlocks match their IP either way.");
    }

    @Test
    void analyze_pod_namesTheModeAndPolicesTheAgent() throws Exception {
        GoldenTest.Run node = run("analyze", CLUSTER);
        GoldenTest.Run pod = run("analyze", "--host-network=POD", CLUSTER);

        assertThat(node.exit()).isZero();
        assertThat(node.out()).startsWith("# " + NODE_MODE + "\n").contains("ops/other => ops/agent : All connections\n")
                .doesNotContain("ops/agent => app/db");
        assertThat(pod.exit()).isZero();
        assertThat(pod.out()).startsWith("# " + POD_MODE + "\n").contains("ops/agent => app/db : All connections\n")
                .doesNotContain("ops/other => ops/agent");
        assertThat(options("analyze", "-o", "json", CLUSTER).get("hostNetwork").asText()).isEqualTo("node");
        assertThat(options("analyze", "-o", "json", "--host-network=pod", CLUSTER).get("hostNetwork").asText())
                .isEqualTo("pod");
    }

    @Test
    void explain_pod_tracesThePoliciesOfTheHostNetworkPod() throws Exception {
        GoldenTest.Run node = run("explain", "--from", "ops/other", "--to", "ops/agent", "--port", "80", CLUSTER);
        GoldenTest.Run pod = run("explain", "--host-network=pod", "--from", "ops/other", "--to", "ops/agent",
                "--port", "80", CLUSTER);

        assertThat(node.exit()).isZero();
        assertThat(node.out()).isEqualTo("ALLOWED: ops/other => ops/agent on TCP 80  (" + NODE_MODE + ")\n"
                + "egress from ops/other: allowed (no policy selects ops/other for Egress: unrestricted)\n"
                + "ingress to ops/agent: allowed (host-network pod: NetworkPolicies do not apply)\n");
        assertThat(pod.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(pod.out()).startsWith("BLOCKED: ops/other => ops/agent on TCP 80  (" + POD_MODE + ")\n")
                .contains("ingress to ops/agent: blocked (no rule of the policies selecting it admits the flow)\n"
                        + "  NetworkPolicy ops/agent-ingress (" + CLUSTER + ":84) selects it\n");
        assertThat(options("explain", "-o", "json", "--host-network=pod", "--from", "ops/other", "--to", "ops/agent",
                "--port", "80", CLUSTER).get("hostNetwork").asText()).isEqualTo("pod");
    }

    @Test
    void diff_pod_namesTheModeForBothVersions() throws Exception {
        GoldenTest.Run r = run("diff", "--host-network=pod", CLUSTER, CLUSTER);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("# " + POD_MODE + "\n");
        assertThat(options("diff", "-o", "json", "--host-network=pod", CLUSTER, CLUSTER).get("hostNetwork").asText())
                .isEqualTo("pod");
    }

    @Test
    void verify_pod_generatesAndChecksUnderTheMode() throws Exception {
        GoldenTest.Run generated = run("verify", "--generate", "--host-network=pod", CLUSTER);
        assertThat(generated.exit()).isZero();
        assertThat(generated.out()).contains("(" + POD_MODE + ")").contains("ops/agent");
        Path expectations = tmp.resolve("expect.yaml");
        Files.writeString(expectations, generated.out());

        GoldenTest.Run pod = run("verify", "--host-network=pod", "--expect", expectations.toString(), CLUSTER);
        GoldenTest.Run node = run("verify", "--expect", expectations.toString(), CLUSTER);

        assertThat(pod.exit()).as(pod.out()).isZero();
        assertThat(node.exit()).as("the node semantics break the expectations frozen under pod").isEqualTo(
                ExitCodes.FINDINGS);
        assertThat(options("verify", "-o", "json", "--host-network=pod", "--expect", expectations.toString(), CLUSTER)
                .get("hostNetwork").asText()).isEqualTo("pod");
    }

    @ParameterizedTest(name = "stockade query {0} -o json --host-network=pod")
    @ValueSource(strings = {"unprotected", "selects-nothing", "redundant", "exposure", "equivalent"})
    void query_everySubcommand_namesTheModeInJson(String query) throws Exception {
        JsonNode pod = options(verb("query " + query + " -o json", "--host-network=pod"));
        JsonNode node = options(verb("query " + query + " -o json", "--host-network=node"));

        assertThat(pod.get("hostNetwork").asText()).isEqualTo("pod");
        assertThat(node.get("hostNetwork").asText()).isEqualTo("node");
    }

    @Test
    void queryUnprotected_pod_checksTheHostNetworkWorkloadLikeTheOthers() {
        GoldenTest.Run node = run("query", "unprotected", CLUSTER);
        GoldenTest.Run pod = run("query", "unprotected", "--host-network=pod", CLUSTER);

        assertThat(node.out()).contains("ops/agent: on the host network (NetworkPolicies do not apply)\n")
                .endsWith("2 of 5 workloads unprotected: 2 for ingress, 2 for egress; 1 on the host network\n");
        assertThat(pod.out()).isEqualTo("ops/agent: unprotected for egress\n"
                + "ops/other: unprotected for ingress and egress\n"
                + "ops/probe: unprotected for ingress and egress\n"
                + "3 of 5 workloads unprotected: 2 for ingress, 3 for egress\n");
    }

    @Test
    void querySelectsNothing_pod_selectorsNamingTheHostNetworkPodMatchIt() {
        GoldenTest.Run node = run("query", "selects-nothing", CLUSTER);
        GoldenTest.Run pod = run("query", "selects-nothing", "--host-network=pod", CLUSTER);

        assertThat(node.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(node.out()).contains("(it matches only host-network pods, which NetworkPolicy selectors never match)");
        assertThat(pod.exit()).isZero();
        assertThat(pod.out()).isEqualTo("0 selectors match nothing (5 policies and 4 selector peers checked)\n");
    }

    @Test
    void audit_pod_net016SaysTheAnalysisAssumesThePluginPolicesIt() {
        GoldenTest.Run node = run("audit", CLUSTER);
        GoldenTest.Run pod = run("audit", "--host-network=pod", CLUSTER);

        assertThat(node.out()).contains("NET016 " + CLUSTER + ":30:3: Pod ops/agent spec.hostNetwork: uses the host"
                + " network: NetworkPolicies do not apply to it\n");
        assertThat(pod.out()).contains("NET016 " + CLUSTER + ":30:3: Pod ops/agent spec.hostNetwork: uses the host"
                + " network: the analysis assumes the network plugin polices it as a pod (--host-network=pod), which"
                + " most plugins do not; where they do not, NetworkPolicies do not apply to it\n");
    }

    @Test
    void nftCompile_podWithHostNetworkPods_refusesNamingThemAndTheFlag() {
        GoldenTest.Run r = run("nft", "compile", "--host-network=pod", SHOP);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("stockade: nft compile cannot police host-network pods as pods"
                + " (--host-network=pod): they use the node's network namespace and address, so their packets never"
                + " cross a pod interface where its rules apply; the input has 1 (ops/node-exporter). Use"
                + " --host-network=node (the default: they are node traffic, not policed) or leave them out of the"
                + " input.\n");
    }

    @Test
    void nftCompile_node_notesTheUnpolicedPod_podWithoutHostNetworkPods_compiles() throws Exception {
        GoldenTest.Run node = run("nft", "compile", SHOP);
        Path noHost = tmp.resolve("web.yaml");
        Files.writeString(noHost, """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}
                status: {podIP: 10.0.0.1}
                """);
        GoldenTest.Run pod = run("nft", "compile", "--host-network=pod", noHost.toString());

        assertThat(node.exit()).isZero();
        assertThat(node.out()).startsWith("# stockade nft compile: " + NODE_MODE + "\n"
                + "# host-network pod ops/node-exporter: not policed (NetworkPolicies do not apply to it)\n");
        assertThat(pod.exit()).as(pod.err()).isZero();
        assertThat(pod.out()).startsWith("# stockade nft compile: " + POD_MODE + "\n");
    }

    @ParameterizedTest(name = "stockade lab {0} --host-network=pod")
    @ValueSource(strings = {"up", "probe", "apply", "verify"})
    void lab_podWithHostNetworkPods_refusesBeforeCreatingAnything(String verb) {
        BooleanSupplier saved = LabCommand.root;
        LabCommand.root = () -> true;
        try {
            GoldenTest.Run r = run("lab", verb, "--host-network=pod", SHOP);

            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("stockade: lab cannot police host-network pods as pods (--host-network=pod):"
                    + " they use the node's network namespace and address, so their packets never cross a pod interface"
                    + " where its rules apply; the input has 1 (ops/node-exporter). Use --host-network=node (the"
                    + " default: they are node traffic, not policed) or leave them out of the input.\n");
        } finally {
            LabCommand.root = saved;
        }
    }

    /** The {@code options} object of a JSON output. */
    private static JsonNode options(String... args) throws Exception {
        GoldenTest.Run r = run(args);
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
        return JSON.readTree(r.out()).get("options");
    }
}
