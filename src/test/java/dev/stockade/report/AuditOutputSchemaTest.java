package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Severity;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * audit's machine outputs against their schemas: JSON against {@code schemas/audit.schema.json};
 * SARIF against the official SARIF 2.1.0 JSON schema ({@code src/test/resources/sarif/sarif-2.1.0-rtm.5.json},
 * the OASIS 2.1.0 schema as shipped in the npm package {@code @microsoft/jest-sarif} 1.0.0-beta.0, MIT), plus
 * what GitHub code scanning needs beyond it; JUnit against {@code src/test/resources/junit/junit.xsd}.
 */
class AuditOutputSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEAK = "src/test/resources/audit/weak/weak.yaml";

    private static AuditReport report(String input) {
        LoadResult r = Loader.load(List.of(input), java.io.InputStream.nullInputStream(), true);
        return Auditor.run(new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT));
    }

    @ParameterizedTest
    @ValueSource(strings = {WEAK, "examples/hexabase", "examples/alt-las"})
    void json_matchesSchema(String input) throws IOException {
        AuditReport report = report(input);
        String json = AuditRenderer.render(report, AuditRenderer.Format.JSON, Severity.ERROR);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas/audit.schema.json")));
        assertThat(schema.validate(MAPPER.readTree(json))).isEmpty();
        assertThat(MAPPER.readTree(json).get("findings").size()).isEqualTo(report.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {WEAK, "examples/hexabase", "examples/alt-las"})
    void sarif_matchesTheSarif210SchemaAndWhatCodeScanningNeeds(String input) throws IOException {
        AuditReport report = report(input);
        String sarif = AuditRenderer.render(report, AuditRenderer.Format.SARIF, Severity.ERROR);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-rtm.5.json")));
        Set<ValidationMessage> problems = schema.validate(MAPPER.readTree(sarif));
        assertThat(problems).isEmpty();

        JsonNode run = MAPPER.readTree(sarif).get("runs").get(0);
        assertThat(MAPPER.readTree(sarif).get("version").asText()).isEqualTo("2.1.0");
        for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("fullDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("help").get("markdown").asText()).contains("```yaml");
            assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
        }
        assertThat(run.get("results").size()).isEqualTo(report.findings().size());
        for (JsonNode result : run.get("results")) {
            JsonNode loc = result.get("locations").get(0).get("physicalLocation");
            assertThat(loc.get("artifactLocation").get("uri").asText()).doesNotStartWith("/");
            assertThat(loc.get("region").get("startLine").asInt()).isPositive();
            assertThat(loc.get("region").get("startColumn").asInt()).isPositive();
            assertThat(result.get("partialFingerprints").get("stockadeFinding/v1").asText()).hasSize(32);
        }
        // the same input gives the same fingerprints
        assertThat(AuditRenderer.render(report(input), AuditRenderer.Format.SARIF, Severity.ERROR)).isEqualTo(sarif);
    }

    @ParameterizedTest
    @ValueSource(strings = {WEAK, "examples/hexabase"})
    void junit_isValidJunitXml(String input) throws Exception {
        AuditReport report = report(input);
        String xml = AuditRenderer.render(report, AuditRenderer.Format.JUNIT, Severity.WARNING);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        assertThat((long) doc.getElementsByTagName("failure").getLength()).isEqualTo(report.failing(Severity.WARNING));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(report.rules().size());
    }

    @org.junit.jupiter.api.Test
    void sarifUri_relativeStaysRelative_absoluteBecomesFileUri() {
        assertThat(AuditSarif.uri("examples/hexabase/policies.yaml")).isEqualTo("examples/hexabase/policies.yaml");
        assertThat(AuditSarif.uri("my manifests/a.yaml")).isEqualTo("my%20manifests/a.yaml");
        assertThat(AuditSarif.uri("/tmp/x y.yaml")).isEqualTo("file:///tmp/x%20y.yaml");
    }

    @org.junit.jupiter.api.Test
    void sarifSchema_rejectsBrokenLogs() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-rtm.5.json")));
        String sarif = AuditRenderer.render(report(WEAK), AuditRenderer.Format.SARIF, Severity.ERROR);
        assertThat(schema.validate(MAPPER.readTree(sarif.replaceFirst("\"level\": \"error\"", "\"level\": \"fatal\""))))
                .isNotEmpty();
        assertThat(schema.validate(MAPPER.readTree(sarif.replace("\"startLine\": 4,", "\"startLine\": 0,"))))
                .isNotEmpty();
        assertThat(schema.validate(MAPPER.readTree(sarif.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\""))))
                .isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void sarif_suppressedFindingCarriesInSourceSuppression() throws IOException {
        JsonNode run = MAPPER.readTree(AuditRenderer.render(report(WEAK), AuditRenderer.Format.SARIF, Severity.ERROR))
                .get("runs").get(0);
        long suppressed = 0;
        for (JsonNode r : run.get("results")) {
            if (r.has("suppressions")) {
                suppressed++;
                assertThat(r.get("ruleId").asText()).isEqualTo("NET016");
                assertThat(r.get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
            }
        }
        assertThat(suppressed).isEqualTo(1);
    }
}
