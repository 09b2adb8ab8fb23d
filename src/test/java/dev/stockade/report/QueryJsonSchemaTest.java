package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.query.Equivalence;
import dev.stockade.query.Exposure;
import dev.stockade.query.Redundancy;
import dev.stockade.query.SelectsNothing;
import dev.stockade.query.Unprotected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every query's JSON validates against {@code schemas/query.schema.json}, findings and clean answers alike. */
class QueryJsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DIR = "src/test/resources/golden-inputs/query/";
    private static final String HEXABASE = "examples/hexabase";
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(Path.of("schemas", "query.schema.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(String json) throws IOException {
        return SCHEMA.validate(MAPPER.readTree(json));
    }

    private static Cluster load(String... paths) {
        return Loader.load(List.of(paths)).cluster();
    }

    private static void assertValid(String json, String query, boolean finding) throws IOException {
        assertThat(validate(json)).as(json).isEmpty();
        JsonNode root = MAPPER.readTree(json);
        assertThat(root.get("query").asText()).isEqualTo(query);
        assertThat(root.get("finding").asBoolean()).isEqualTo(finding);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unprotected.yaml", "selects-nothing.yaml", "redundant.yaml", "exposure.yaml",
        "hexabase", "entrances"})
    void queryJson_everyQueryOnEveryFixture_matchesSchema(String input) throws IOException {
        Cluster c = load(input.equals("hexabase") ? HEXABASE : input.equals("entrances") ? "examples/entrances"
                : DIR + input);
        AnalysisOptions o = AnalysisOptions.DEFAULT;

        Unprotected.Result u = Unprotected.run(c, ns -> true);
        assertValid(QueryJson.unprotected(u, o, null), "unprotected", u.finding());
        SelectsNothing.Result s = SelectsNothing.run(c, ns -> true);
        assertValid(QueryJson.selectsNothing(s, o, null), "selects-nothing", s.finding());
        Redundancy.Result r = Redundancy.run(c, o, ns -> true);
        assertValid(QueryJson.redundant(r, null), "redundant", r.finding());
        Exposure.Result e = Exposure.run(c, o, ns -> true);
        assertValid(QueryJson.exposure(e, null), "exposure", e.finding());
    }

    @Test
    void queryJson_equivalentBothWays_matchesSchema() throws IOException {
        Cluster a = load(HEXABASE + "/namespaces.yaml", HEXABASE + "/workloads.yaml", HEXABASE + "/policies.yaml");
        Cluster b = load(HEXABASE + "/namespaces.yaml", HEXABASE + "/workloads.yaml", DIR + "hexabase-wider-egress.yaml");
        List<String> shared = List.of("namespaces.yaml", "workloads.yaml");

        Equivalence.Result same = Equivalence.run(a, a, AnalysisOptions.DEFAULT, ns -> true);
        Equivalence.Result differs = Equivalence.run(a, b, AnalysisOptions.DEFAULT, ns -> true);

        assertValid(QueryJson.equivalent(same, null, shared, List.of("a"), List.of("a")), "equivalent", false);
        String json = QueryJson.equivalent(differs, "production", shared, List.of("a"), List.of("b"));
        assertValid(json, "equivalent", true);
        JsonNode witness = MAPPER.readTree(json).get("witness");
        assertThat(witness.get("allowedBy").asText()).isEqualTo("b");
        assertThat(witness.get("b").get("allowed").asBoolean()).isTrue();
        assertThat(witness.get("a").get("allowed").asBoolean()).isFalse();
    }

    @Test
    void querySchema_rejectsBrokenDocuments() throws IOException {
        String head = "{\"schemaVersion\":1,\"options\":{\"ipBlockMatchesPods\":true,\"hostNetwork\":\"node\"},\"namespace\":null,\"finding\":false,";
        String unknownQuery = head + "\"query\":\"orphans\"}";
        String missingField = head + "\"query\":\"unprotected\",\"workloads\":[],\"checked\":0}";
        String fieldOfAnotherQuery = head + "\"query\":\"unprotected\",\"workloads\":[],\"hostNetwork\":[],\"checked\":0,"
                + "\"findings\":[]}";
        String badDirection = head + "\"query\":\"unprotected\",\"workloads\":[{\"id\":\"a/b\",\"kind\":\"Pod\","
                + "\"namespace\":\"a\",\"name\":\"b\",\"unprotected\":[\"ingress\"],\"pods\":[],"
                + "\"namespaceHasPolicies\":true}],\"hostNetwork\":[],\"checked\":1}";
        String good = head + "\"query\":\"unprotected\",\"workloads\":[],\"hostNetwork\":[],\"checked\":0}";

        assertThat(validate(unknownQuery)).isNotEmpty();
        assertThat(validate(missingField)).isNotEmpty();
        assertThat(validate(fieldOfAnotherQuery)).isNotEmpty();
        assertThat(validate(badDirection)).isNotEmpty();
        assertThat(validate(good)).isEmpty();
    }
}
