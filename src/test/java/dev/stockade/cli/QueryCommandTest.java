package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stockade query …}: help of every subcommand, exit codes, usage errors, standard input. */
class QueryCommandTest {
    private static final String HEXABASE = "examples/hexabase";
    private static final String QUERY = "src/test/resources/golden-inputs/query/";

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    @ParameterizedTest(name = "stockade query {0} --help")
    @ValueSource(strings = {"unprotected", "selects-nothing", "redundant", "equivalent", "exposure"})
    void help_everySubcommand_showsUsageExamplesAndExitCodesUnwrapped(String sub) {
        GoldenTest.Run r = run("query", sub, "--help");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Usage: stockade query " + sub)
                .contains("\nExamples:\n  stockade query " + sub)
                .containsPattern("\nExit codes[^\n]*: 0 ");
        CommandSpec spec = Main.commandLine().getSubcommands().get("query").getSubcommands().get(sub).getCommandSpec();
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().footer()));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Main.USAGE_WIDTH));
        assertThat(spec.usageMessage().description()[0]).endsWith(".");
    }

    @ParameterizedTest(name = "stockade query {0} {1} -> {2}")
    @CsvSource({
        "unprotected, examples/hexabase, 1",
        "unprotected, -n production examples/hexabase, 0",
        "selects-nothing, examples/hexabase, 0",
        "selects-nothing, " + QUERY + "selects-nothing.yaml, 1",
        "redundant, examples/hexabase, 1",
        "redundant, -n workspace-b examples/hexabase, 0",
        "exposure, examples/hexabase, 1",
        "exposure, -n production examples/hexabase, 0",
        "equivalent, examples/hexabase examples/hexabase, 0",
        "equivalent, examples/hexabase/policies.yaml " + QUERY + "hexabase-wider-egress.yaml "
                + "examples/hexabase/namespaces.yaml examples/hexabase/workloads.yaml, 1",
    })
    void query_findingOrClean_exitCode(String sub, String args, int exit) {
        List<String> all = new ArrayList<>(List.of("query", sub));
        all.addAll(List.of(args.split(" ")));

        GoldenTest.Run r = GoldenTest.Run.of(all, InputStream.nullInputStream());

        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).doesNotContain("error");
    }

    @ParameterizedTest(name = "stockade query {0} -o csv")
    @ValueSource(strings = {"unprotected", "selects-nothing", "redundant", "exposure"})
    void query_unofferedFormat_isAUsageError(String sub) {
        GoldenTest.Run r = run("query", sub, "-o", "csv", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("stockade: -o: unknown format 'csv' (expected text, json)\n");
    }

    @ParameterizedTest(name = "stockade query {0} on broken input")
    @ValueSource(strings = {"unprotected", "selects-nothing", "redundant", "exposure"})
    void query_brokenInput_answersForTheRestAndExits2(String sub) {
        GoldenTest.Run r = run("query", sub, "src/test/resources/golden-inputs/broken-yaml", HEXABASE);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("error:");
        assertThat(r.out()).isNotEmpty();
    }

    @ParameterizedTest(name = "stockade query equivalent with {0} from standard input")
    @ValueSource(strings = {"A", "B"})
    void equivalent_oneSideFromStdin_readsIt(String side) throws Exception {
        byte[] policies = Files.readAllBytes(Path.of(HEXABASE, "policies.yaml"));
        List<String> args = new ArrayList<>(List.of("query", "equivalent"));
        args.addAll(side.equals("A") ? List.of("-", HEXABASE + "/policies.yaml")
                : List.of(HEXABASE + "/policies.yaml", "-"));
        args.addAll(List.of(HEXABASE + "/namespaces.yaml", HEXABASE + "/workloads.yaml"));

        GoldenTest.Run r = GoldenTest.Run.of(args, new java.io.ByteArrayInputStream(policies));

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("EQUIVALENT: ");
    }
}
