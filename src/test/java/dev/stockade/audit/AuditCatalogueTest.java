package dev.stockade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has its metadata and two manifests under {@value #ROOT}{@code /ID/}: {@code positive.yaml},
 * whose lines marked {@code # expect: ID} are exactly the lines the rule reports, and
 * {@code negative.yaml}, on which it reports nothing. Each rule runs alone, with the settings of
 * {@code config.yaml} when the rule's folder has one.
 */
class AuditCatalogueTest {
    static final String ROOT = "src/test/resources/audit/rules";
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([A-Z0-9, ]+)");

    static Stream<String> ids() {
        return Catalogue.rules().stream().map(Rule::id);
    }

    static List<Finding> run(Rule rule, Path file) {
        LoadResult r = Loader.load(List.of(file.toString()), java.io.InputStream.nullInputStream(), true);
        assertThat(r.diagnostics().stream().filter(d -> d.isError()).toList()).as("errors loading " + file).isEmpty();
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true), config(rule));
        return Auditor.run(ctx, List.of(rule), AuditBaseline.EMPTY).findings();
    }

    /** The rule's {@code config.yaml} (an AuditConfig, for rules with options) when it has one, else the default. */
    static AuditConfig config(Rule rule) {
        Path file = Path.of(ROOT, rule.id(), "config.yaml");
        if (!Files.exists(file)) {
            return AuditConfig.DEFAULT;
        }
        LoadResult r = Loader.load(List.of(file.toString()), java.io.InputStream.nullInputStream(), true);
        List<String> problems = new ArrayList<>();
        AuditConfig config = AuditConfig.read(r.manifests().getFirst(), problems);
        assertThat(problems).as("problems in " + file).isEmpty();
        return config;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void rule_hasMetadataAndBothManifests(String id) {
        Rule r = Catalogue.rule(id).orElseThrow();
        assertThat(r.title()).as(id + " title").isNotBlank();
        assertThat(r.severity()).as(id + " severity").isNotNull();
        assertThat(r.checklist()).as(id + " checklist items").isNotEmpty()
                .allSatisfy(c -> assertThat(c).matches("[1-6]\\. [A-Z].*: .+"));
        assertThat(r.description()).as(id + " description").isNotBlank();
        assertThat(r.remediation()).as(id + " remediation").isNotBlank();
        assertThat(r.fix()).as(id + " YAML fix").isNotBlank();
        assertThat(Path.of(ROOT, id, "positive.yaml")).as(id + " positive manifest").isRegularFile();
        assertThat(Path.of(ROOT, id, "negative.yaml")).as(id + " negative manifest").isRegularFile();
        assertThat(RulesDoc.render()).as("docs/rules.md section for " + id).contains("\n## " + id + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void positive_reportsExactlyTheMarkedLines(String id) throws IOException {
        Path file = Path.of(ROOT, id, "positive.yaml");
        List<String> lines = Files.readAllLines(file);
        TreeSet<Integer> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find() && List.of(m.group(1).replace(" ", "").split(",")).contains(id)) {
                expected.add(i + 1);
            }
        }
        assertThat(expected).as(file + " marks at least one line with # expect: " + id).isNotEmpty();
        List<Finding> findings = run(Catalogue.rule(id).orElseThrow(), file);
        TreeSet<Integer> actual = new TreeSet<>();
        List<String> shown = new ArrayList<>();
        for (Finding f : findings) {
            assertThat(f.source().file()).isEqualTo(file.toString());
            actual.add(f.source().line());
            shown.add(f.source() + " " + f.path() + ": " + f.message());
        }
        assertThat(actual).as("lines reported by " + id + " in " + file + ":\n" + String.join("\n", shown))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void negative_reportsNothing(String id) {
        Path file = Path.of(ROOT, id, "negative.yaml");
        assertThat(run(Catalogue.rule(id).orElseThrow(), file)).as(id + " on " + file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void ruleDirectories_belongToRules(String id) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(ROOT))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).filter(n -> Catalogue.rule(n).isEmpty()).toList())
                    .as("folders under " + ROOT + " without a rule").isEmpty();
        }
    }
}
