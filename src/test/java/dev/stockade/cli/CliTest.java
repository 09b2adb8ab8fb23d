package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line's contract: help, version, usage errors, exit codes and standard input. */
class CliTest {
    private static final String HEXABASE = "examples/hexabase";
    private static final String BROKEN = "src/test/resources/golden-inputs/broken-yaml";

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    private static GoldenTest.Run runWithStdin(String stdin, String... args) {
        return GoldenTest.Run.of(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    /** A usage error: exit 2, nothing on standard output, a short message and the help hint, no stack trace. */
    private static void assertUsageError(GoldenTest.Run r, String message, String helpCommand) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("stockade: " + message + "\n")
                .endsWith("Try '" + helpCommand + " --help' for more information.\n")
                .doesNotContain("Exception", "\tat ", "  at ");
        assertThat(r.err().lines().count()).as("lines of:\n" + r.err()).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "stockade {0} --help")
    @ValueSource(strings = {"", "analyze", "explain", "query", "bench", "audit"})
    void help_everyVerb_showsUsageExamplesAndExitCodes(String verb) {
        GoldenTest.Run r = verb.isEmpty() ? run("--help") : run(verb, "--help");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: stockade" + (verb.isEmpty() ? "" : " " + verb))
                .contains("\nExamples:\n  stockade " + (verb.isEmpty() ? "analyze" : verb))
                .containsPattern("\nExit codes[^\n]*: 0 ");
    }

    @ParameterizedTest(name = "stockade {0} --help")
    @ValueSource(strings = {"", "analyze", "explain", "query", "bench", "audit"})
    void help_everyVerb_descriptionAndFooterLinesAreNotWrapped(String verb) {
        CommandLine cl = Main.commandLine();
        CommandSpec spec = verb.isEmpty() ? cl.getCommandSpec() : cl.getSubcommands().get(verb).getCommandSpec();
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().footer()));

        // picocli would wrap a longer line, breaking an example command in two
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Main.USAGE_WIDTH));
    }

    @Test
    void help_root_listsEveryVerbWithAWholeSentence() {
        String out = run("--help").out();

        assertThat(out).contains("  analyze ", "  explain ", "  bench ");
        assertThat(out.lines().filter(l -> l.matches("  (analyze|explain|bench) .*"))).allMatch(l -> l.endsWith("."));
    }

    @Test
    void noArguments_printsRootUsage() {
        GoldenTest.Run r = run();

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Usage: stockade");
    }

    @ParameterizedTest(name = "stockade {0}")
    @ValueSource(strings = {"--version", "-V", "analyze --version", "explain -V", "bench --version"})
    void version_anyVerb_printsNameVersionAndJava(String args) {
        GoldenTest.Run r = run(args.split(" "));

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).matches("stockade \\S+ \\(Java " + java.util.regex.Pattern.quote(Runtime.version().toString())
                + "\\)\n");
    }

    @Test
    void run_unknownVerb_exits2WithHint() {
        GoldenTest.Run r = run("frobnicate", HEXABASE);

        assertUsageError(r, "Unmatched arguments from index 0: 'frobnicate', '" + HEXABASE + "'", "stockade");
    }

    @Test
    void analyze_unknownOption_exits2WithHint() {
        assertUsageError(run("analyze", "--frob", HEXABASE), "Unknown option: '--frob'", "stockade analyze");
    }

    @Test
    void analyze_noPath_exits2WithHint() {
        assertUsageError(run("analyze"), "Missing required parameter: 'PATH'", "stockade analyze");
    }

    @Test
    void explain_missingRequiredOptions_exits2WithHint() {
        assertUsageError(run("explain", "--from", "production/frontend", HEXABASE),
                "Missing required options: '--to=B', '--port=P[/PROTO]'", "stockade explain");
    }

    @Test
    void analyze_badOutputFormat_exits2ListingFormats() {
        assertUsageError(run("analyze", "-o", "xml", HEXABASE),
                "-o: unknown format 'xml' (expected text, json, csv, md, dot)", "stockade analyze");
    }

    @Test
    void explain_formatOnlyAnalyzeOffers_exits2ListingFormats() {
        assertUsageError(run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", "8080",
                "-o", "csv", HEXABASE), "-o: unknown format 'csv' (expected text, json)", "stockade explain");
    }

    @Test
    void bench_badOutputFormat_exits2BeforeGenerating() {
        assertUsageError(run("bench", "-o", "md"), "-o: unknown format 'md' (expected text, json)", "stockade bench");
    }

    @Test
    void labProbeAndVerify_badOutputFormat_exit2BeforeTheRootCheck() {
        assertUsageError(run("lab", "probe", "-o", "csv", HEXABASE),
                "-o: unknown format 'csv' (expected text, json)", "stockade lab probe");
        assertUsageError(run("lab", "verify", "-o", "md", HEXABASE),
                "-o: unknown format 'md' (expected text, json)", "stockade lab verify");
    }

    @Test
    void diff_formatOnlyAnalyzeOffers_exits2ListingFormats() {
        assertUsageError(run("diff", "-o", "dot", HEXABASE, HEXABASE),
                "-o: unknown format 'dot' (expected text, md, json)", "stockade diff");
    }

    @Test
    void bench_noWorkloads_exits2WithSpecMessage() {
        assertUsageError(run("bench", "--workloads", "0"),
                "workloads and namespaces must be positive, policies and pods >= 0", "stockade bench");
    }

    @Test
    void analyze_ipblockMatchesPodsNotBoolean_exits2() {
        GoldenTest.Run r = run("analyze", "--ipblock-matches-pods=maybe", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("stockade: Invalid value for option '--ipblock-matches-pods'")
                .contains("Try 'stockade analyze --help'");
    }

    @Test
    void analyze_unknownFocus_exits2WithHint() {
        assertUsageError(run("analyze", "--focus", "production/nope", HEXABASE),
                "--focus: no workload production/nope in the input", "stockade analyze");
    }

    @Test
    void explain_allowedFlow_exits0() {
        GoldenTest.Run r = run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", "8080",
                HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("ALLOWED: production/frontend => production/backend on TCP 8080");
    }

    @Test
    void explain_blockedFlow_exits1() {
        GoldenTest.Run r = run("explain", "--from", "workspace-b/experiments", "--to", "production/backend",
                "--port", "8080", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("BLOCKED: workspace-b/experiments => production/backend on TCP 8080");
    }

    @Test
    void explain_unknownWorkload_exits2ListingKnownOnes() {
        assertUsageError(run("explain", "--from", "production/nope", "--to", "production/backend", "--port", "8080",
                        HEXABASE),
                "--from: no workload production/nope in the input (workloads: ingress-nginx/ingress-nginx-controller,"
                        + " kube-system/coredns, production/backend, production/database, production/frontend,"
                        + " workspace-b/experiments)", "stockade explain");
    }

    @Test
    void explain_nameWithoutNamespace_usesDefaultNamespace() {
        assertUsageError(run("explain", "--from", "frontend", "--to", "production/backend", "--port", "8080", HEXABASE),
                "--from: no workload default/frontend in the input (workloads: ingress-nginx/ingress-nginx-controller,"
                        + " kube-system/coredns, production/backend, production/database, production/frontend,"
                        + " workspace-b/experiments)", "stockade explain");
    }

    @ParameterizedTest(name = "--port {0}")
    @ValueSource(strings = {"0", "70000", "99999999999"})
    void explain_portOutOfRange_exits2(String port) {
        assertUsageError(run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", port,
                HEXABASE), "--port: " + port + " is out of range (expected 1-65535)", "stockade explain");
    }

    @Test
    void explain_unknownPortName_exits2() {
        assertUsageError(run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", "grpc",
                        HEXABASE),
                "--port: the destination production/backend has no TCP port named 'grpc'", "stockade explain");
    }

    @Test
    void explain_portNameWithOtherProtocol_exits2() {
        assertUsageError(run("explain", "--from", "production/frontend", "--to", "production/backend", "--port",
                "http/UDP", HEXABASE), "--port: the destination production/backend has no UDP port named 'http'",
                "stockade explain");
    }

    @Test
    void explain_portNameOfAnAddress_exits2() {
        assertUsageError(run("explain", "--from", "production/backend", "--to", "192.168.100.10", "--port", "postgres",
                HEXABASE), "--port: the destination 192.168.100.10 has no TCP port named 'postgres'", "stockade explain");
    }

    @Test
    void explain_unknownProtocol_exits2() {
        assertUsageError(run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", "80/ICMP",
                HEXABASE), "--port: unknown protocol 'ICMP' (expected TCP, UDP or SCTP)", "stockade explain");
    }

    @Test
    void explain_unusableInputBesidesGoodInput_exits2AfterExplaining() {
        GoldenTest.Run r = run("explain", "--from", "production/frontend", "--to", "production/backend", "--port", "8080",
                BROKEN, HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).startsWith("ALLOWED: ");
        assertThat(r.err()).startsWith(BROKEN + "/broken.yaml:14:4: error: YAML syntax error: ");
    }

    @Test
    void analyze_unusableInputBesidesGoodInput_exits2AndPrintsAnalysisOfTheRest() {
        GoldenTest.Run alone = run("analyze", HEXABASE);
        GoldenTest.Run mixed = run("analyze", BROKEN, HEXABASE);

        assertThat(mixed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.out()).isEqualTo(alone.out()).contains("production/frontend => production/backend : TCP 8080");
        assertThat(mixed.err()).isEqualTo(BROKEN + "/broken.yaml:14:4: error: YAML syntax error: expected <block end>,"
                + " but found '<block mapping start>' (while parsing a block mapping)\n");
    }

    @Test
    void analyze_missingPath_exits2AndAnalysesTheOthers() {
        GoldenTest.Run r = run("analyze", "no/such/dir", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEqualTo(run("analyze", HEXABASE).out());
        assertThat(r.err()).isEqualTo("no/such/dir: error: no such file or directory\n");
    }

    @Test
    void analyze_goodInput_exits0WithNothingOnStandardError() {
        GoldenTest.Run r = run("analyze", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void analyze_dashReadsStandardInput_sameAsTheFiles() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of(HEXABASE))) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f)).append("\n---\n");
            }
        }

        GoldenTest.Run fromStdin = runWithStdin(all.toString(), "analyze", "-o", "json", "-");

        assertThat(fromStdin.exit()).isEqualTo(ExitCodes.OK);
        assertThat(fromStdin.err()).isEmpty();
        assertThat(fromStdin.out()).isEqualTo(run("analyze", "-o", "json", HEXABASE).out());
    }

    @Test
    void explain_dashReadsStandardInput_sourcesNameStdin() throws IOException {
        String yaml = Files.readString(Path.of(HEXABASE, "policies.yaml")) + "\n---\n"
                + Files.readString(Path.of(HEXABASE, "workloads.yaml"));

        GoldenTest.Run r = runWithStdin(yaml, "explain", "--from", "production/frontend", "--to", "production/backend",
                "--port", "8080", "-");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("NetworkPolicy production/allow-frontend-to-backend (<stdin>:62) selects it");
    }

    @Test
    void analyze_emptyStandardInput_warnsAndExits0() {
        GoldenTest.Run r = runWithStdin("", "analyze", "-");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("# ipBlock matches pod IPs; host-network pods are node traffic\n");
        assertThat(r.err()).isEqualTo("<stdin>:1:1: warning: file is empty (no objects)\n");
    }
}
