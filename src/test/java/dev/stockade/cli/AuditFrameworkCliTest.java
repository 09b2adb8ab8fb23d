package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code audit --framework}: exit codes, the JSON contract, JUnit, and {@code -n}. */
class AuditFrameworkCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEAK = "src/test/resources/audit/weak/weak.yaml";

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-checklist", "pss-baseline", "pss-restricted"})
    void json_matchesSchema_andExitFollowsFailingControls(String framework) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas/compliance.schema.json")));
        for (String input : List.of(WEAK, "examples/hexabase", "examples/alt-las")) {
            GoldenTest.Run r = run("audit", "--framework", framework, "-o", "json", input);
            JsonNode json = MAPPER.readTree(r.out());
            assertThat(schema.validate(json)).as(input).isEmpty();
            int failed = json.get("summary").get("fail").asInt();
            assertThat(r.exit()).as(input).isEqualTo(failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK);
            int controls = 0;
            for (JsonNode c : json.get("controls")) {
                controls++;
                boolean hasWeighty = false;
                for (JsonNode f : c.get("findings")) {
                    hasWeighty |= !f.get("severity").asText().equals("note");
                }
                assertThat(c.get("status").asText().equals("fail")).as(c.get("id").asText()).isEqualTo(hasWeighty);
            }
            assertThat(controls).isEqualTo(json.get("summary").get("fail").asInt() + json.get("summary").get("pass").asInt()
                    + json.get("summary").get("notChecked").asInt() + json.get("summary").get("manual").asInt());
        }
    }

    @Test
    void hexabaseProduction_meetsTheChecklistAndRestricted() {
        GoldenTest.Run seed = run("audit", "--framework", "seed-checklist", "-n", "production", "examples/hexabase");
        assertThat(seed.exit()).as(seed.out()).isEqualTo(ExitCodes.OK);
        assertThat(seed.out()).contains("manual      1.1 Enforce MFA").contains("pass        2.1 Start with \"Default Deny\"")
                .doesNotContain("fail  ");
        GoldenTest.Run pss = run("audit", "--framework", "pss-restricted", "-n", "production", "examples/hexabase");
        assertThat(pss.exit()).as(pss.out()).isEqualTo(ExitCodes.OK);
        // the whole example fails: the platform namespaces have no default deny and no enforce label
        assertThat(run("audit", "--framework", "pss-restricted", "examples/hexabase").exit()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void namespaceFilter_keepsOnlyThatNamespacesFindings() {
        GoldenTest.Run all = run("audit", "examples/hexabase");
        GoldenTest.Run one = run("audit", "-n", "workspace-b", "examples/hexabase");
        assertThat(all.out()).contains("namespace kube-system");
        assertThat(one.out()).contains("namespace workspace-b").doesNotContain("namespace kube-system")
                .doesNotContain("namespace production");
        assertThat(AuditCliTest.Summary.of(one.out()).findings()).isPositive()
                .isLessThan(AuditCliTest.Summary.of(all.out()).findings());
    }

    @Test
    void junit_isValid_manualControlsAreSkipped() throws Exception {
        GoldenTest.Run r = run("audit", "--framework", "seed-checklist", "-o", "junit", WEAK);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(r.out())));
        assertThat(r.out()).contains("<skipped message=\"check by hand: an identity-provider setting")
                .contains("<failure message=");
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void badFrameworkOrFormat_isUsageError() {
        GoldenTest.Run unknown = run("audit", "--framework", "cis", WEAK);
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).startsWith("stockade: --framework: unknown framework 'cis' (expected seed-checklist,"
                + " pss-baseline, pss-restricted)");
        GoldenTest.Run sarif = run("audit", "--framework", "pss-baseline", "-o", "sarif", WEAK);
        assertThat(sarif.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sarif.err()).startsWith("stockade: -o sarif lists findings, not controls");
    }
}
