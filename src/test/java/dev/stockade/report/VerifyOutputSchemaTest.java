package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.load.ExpectationsLoad;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectations;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import dev.stockade.verify.Baseline;
import dev.stockade.verify.Verifier;
import dev.stockade.verify.VerifyReport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The verify outputs and the expectations format against their schemas: {@code -o json} against
 * {@code schemas/verify.schema.json}, {@code -o junit} against a Jenkins/Surefire JUnit XSD
 * ({@code src/test/resources/junit/junit.xsd}), and expectations files (hand-written and
 * generated) against {@code schemas/expectations.schema.json}.
 */
class VerifyOutputSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FAILING = "src/test/resources/golden-inputs/verify/hexabase-failing.yaml";
    private static final String EXAMPLE = "examples/hexabase/expectations.yaml";

    private static Set<ValidationMessage> validate(String schemaFile, JsonNode json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas", schemaFile)));
        return schema.validate(json);
    }

    private static VerifyReport report(String expectations) {
        LoadResult loaded = Loader.load(List.of("examples/hexabase"));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
        ExpectationsLoad e = ExpectationsReader.read(expectations, java.io.InputStream.nullInputStream());
        assertThat(e.hasErrors()).isFalse();
        return new Verifier(loaded.cluster(), c).verify(e.file(), e.documents());
    }

    /** YAML (every document) as JSON trees, for schema validation. */
    private static List<JsonNode> yamlAsJson(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).build()).loadAllFromString(yaml)) {
            if (doc != null) {
                out.add(MAPPER.valueToTree(doc));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {EXAMPLE, FAILING})
    void verifyJson_matchesSchemaAndCounts(String expectations) throws IOException {
        VerifyReport r = report(expectations);
        JsonNode json = MAPPER.readTree(VerifyRenderer.json(r));

        assertThat(validate("verify.schema.json", json)).isEmpty();
        assertThat(json.get("summary").get("total").asInt()).isEqualTo(r.total()).isEqualTo(json.get("results").size());
        assertThat(json.get("summary").get("failed").asLong()).isEqualTo(r.failed());
    }

    @Test
    void verifySchema_rejectsBrokenDocuments() throws IOException {
        JsonNode good = MAPPER.readTree(VerifyRenderer.json(report(FAILING)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) good.get("results").get(0)).put("outcome", "MAYBE");
        assertThat(validate("verify.schema.json", good)).isNotEmpty();
        JsonNode noSummary = MAPPER.readTree(VerifyRenderer.json(report(FAILING)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) noSummary).remove("summary");
        assertThat(validate("verify.schema.json", noSummary)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {EXAMPLE, FAILING})
    void verifyJunit_isValidJunitXmlWithOneTestcasePerExpectation(String expectations) throws Exception {
        VerifyReport r = report(expectations);
        String xml = VerifyRenderer.junit(r);

        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml)));
        NodeList cases = doc.getElementsByTagName("testcase");
        NodeList failures = doc.getElementsByTagName("failure");
        Element root = doc.getDocumentElement();
        assertThat(cases.getLength()).isEqualTo(r.total()).isEqualTo(Integer.parseInt(root.getAttribute("tests")));
        assertThat((long) failures.getLength()).isEqualTo(r.failed()).isEqualTo(Long.parseLong(root.getAttribute("failures")));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(r.suites().size());
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            assertThat(s.getAttribute("name")).isEqualTo(r.suites().get(i).name());
            assertThat(Integer.parseInt(s.getAttribute("tests"))).isEqualTo(r.suites().get(i).results().size());
        }
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo(r.results().get(0).expectation().toString());
    }

    @Test
    void verifyJunit_escapesEverythingXmlCannotHoldLiterally() throws Exception {
        VerifyReport r = new VerifyReport("we<ird>&\"names\u0001.yaml", List.of(new VerifyReport.Suite("a&b<c>\"d\"",
                List.of())), AnalysisOptions.DEFAULT);
        String xml = VerifyRenderer.junit(r);

        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile()).newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("name=\"a&amp;b&lt;c&gt;&quot;d&quot;\"").doesNotContain("\u0001");
        assertThat(VerifyRenderer.classname("dir/prod.baseline.yaml")).isEqualTo("prod");
        assertThat(VerifyRenderer.classname("<stdin>")).isEqualTo("stdin");
    }

    @ParameterizedTest
    @ValueSource(strings = {EXAMPLE, FAILING})
    void expectationsFiles_matchTheirSchema(String file) throws IOException {
        for (JsonNode doc : yamlAsJson(Files.readString(Path.of(file)))) {
            assertThat(validate("expectations.schema.json", doc)).as(file).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/hexabase", "examples/alt-las", "src/test/resources/golden-inputs/pod-ips"})
    void generatedBaseline_matchesTheSchema(String input) throws IOException {
        LoadResult loaded = Loader.load(List.of(input));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
        String yaml = ExpectationsYaml.render("baseline", Baseline.describe(c), List.of());

        List<JsonNode> docs = yamlAsJson(yaml);
        assertThat(docs).hasSize(1);
        assertThat(validate("expectations.schema.json", docs.get(0))).isEmpty();
    }

    @Test
    void expectationsSchema_rejectsWhatTheReaderRejects() throws IOException {
        String base = "{\"apiVersion\":\"stockade.dev/v1alpha1\",\"kind\":\"ConnectivityExpectations\","
                + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"expectations\":[%s]}}";
        List<String> bad = List.of(
                "{\"from\":\"a/b\",\"to\":\"a/c\",\"expect\":\"allow\"}",
                "{\"from\":\"a/b\",\"to\":\"a/c\"}",
                "{\"from\":\"web\",\"to\":\"a/c\",\"expect\":\"Deny\"}",
                "{\"from\":{},\"to\":\"a/c\",\"expect\":\"Deny\"}",
                "{\"from\":{\"cidr\":\"10.0.0.0/8\"},\"to\":{\"cidr\":\"0.0.0.0/0\"},\"expect\":\"Deny\"}",
                "{\"from\":{\"cidr\":\"10.0.0.0/8\",\"namespace\":\"a\"},\"to\":\"a/c\",\"expect\":\"Deny\"}",
                "{\"from\":\"a/b\",\"to\":\"a/c\",\"port\":70000,\"expect\":\"Deny\"}",
                "{\"from\":\"a/b\",\"to\":\"a/c\",\"protocol\":\"tcp\",\"expect\":\"Deny\"}",
                "{\"from\":\"a/b\",\"to\":\"a/c\",\"expect\":\"Deny\",\"expct\":\"Deny\"}");
        for (String b : bad) {
            assertThat(validate("expectations.schema.json", MAPPER.readTree(String.format(base, b)))).as(b).isNotEmpty();
        }
        String good = "{\"from\":{\"namespace\":\"a\",\"podSelector\":{}},\"to\":{\"cidr\":\"::/0\",\"except\":[\"fd00::/8\"]},"
                + "\"port\":443,\"protocol\":\"TCP\",\"expect\":\"Deny\",\"description\":\"d\"}";
        assertThat(validate("expectations.schema.json", MAPPER.readTree(String.format(base, good)))).isEmpty();
    }

    @Test
    void expectationsYaml_quotesWhatYamlWouldReadAsSomethingElse() {
        ConnectivityExpectation e = new ConnectivityExpectation(
                new EndpointSelector.SelectorForm(Optional.empty(), Optional.empty(),
                        Optional.of(dev.stockade.model.LabelSelector.matchLabels("flag", "true", "n", "1e3", "empty", ""))),
                EndpointSelector.WorkloadRef.of("a", "b"), Optional.of(new PolicyPort.AllPorts(Protocol.UDP)),
                ConnectivityExpectation.Expect.Deny, "say \"hi\": now", dev.stockade.model.Source.UNKNOWN);
        String yaml = ExpectationsYaml.render("q", List.of(e), List.of("a header"));

        ExpectationsLoad back = ExpectationsReader.readString("q.yaml", yaml);
        assertThat(back.diagnostics()).as(yaml).isEmpty();
        ConnectivityExpectation read = back.expectations().get(0);
        assertThat(read.from()).isEqualTo(e.from());
        assertThat(read.port()).isEqualTo(e.port());
        assertThat(read.description()).isEqualTo(e.description());
        assertThat(yaml).startsWith("# a header\napiVersion: " + ConnectivityExpectations.API_VERSION);
    }
}
