package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Differ;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code diff -o json} validates against {@code schemas/diff.schema.json} and keeps the contract's fields. */
class DiffJsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OLD = "src/test/resources/diff-inputs/old";
    private static final String NEW = "src/test/resources/diff-inputs/new";

    private static Set<ValidationMessage> validate(String json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas", "diff.schema.json")));
        return schema.validate(MAPPER.readTree(json));
    }

    private static String diffJson(String before, String after, boolean ipBlockMatchesPods) {
        Cluster b = Loader.load(List.of(before)).cluster();
        Cluster a = Loader.load(List.of(after)).cluster();
        ConnectivityDiff d = Differ.diff(b, a, new AnalysisOptions(ipBlockMatchesPods));
        return DiffRenderer.render(d, OutputFormat.JSON, before, after);
    }

    @ParameterizedTest
    @CsvSource({OLD + "," + NEW + ",true", OLD + "," + NEW + ",false", NEW + "," + OLD + ",true", OLD + "," + OLD + ",true",
        "examples/hexabase," + NEW + ",true", "examples/alt-las,examples/hexabase,true",
        "src/test/resources/golden-inputs/tiers-diff/old.yaml,src/test/resources/golden-inputs/tiers-diff/new.yaml,true",
        "src/test/resources/golden-inputs/tiers-diff/new.yaml,src/test/resources/golden-inputs/tiers-diff/old.yaml,false",
        "examples/entrances,src/test/resources/golden-inputs/entrances-changed,true",
        "src/test/resources/golden-inputs/entrances-changed,examples/entrances,true"})
    void diffJson_versions_matchesSchema(String before, String after, boolean ipBlockMatchesPods) throws IOException {
        String json = diffJson(before, after, ipBlockMatchesPods);

        assertThat(validate(json)).isEmpty();
        JsonNode root = MAPPER.readTree(json);
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("options").get("ipBlockMatchesPods").asBoolean()).isEqualTo(ipBlockMatchesPods);
        for (String field : List.of("added", "removed", "changed")) {
            assertThat(root.get(field).isArray()).isTrue();
            assertThat(root.get("summary").get(field).asInt()).isEqualTo(root.get(field).size());
        }
        assertThat(root.get("workloads").get("added").isArray()).isTrue();
        assertThat(root.get("workloads").get("removed").isArray()).isTrue();
    }

    @Test
    void diffJson_hexabaseVersions_hasTheContractFields() throws IOException {
        JsonNode root = MAPPER.readTree(diffJson(OLD, NEW, true));

        JsonNode changed = root.get("changed").get(0);
        assertThat(changed.get("src").asText()).isEqualTo("production/frontend");
        assertThat(changed.get("dst").asText()).isEqualTo("production/backend");
        assertThat(changed.get("before").toString()).isEqualTo("{\"TCP\":[\"8080\"]}");
        assertThat(changed.get("after").toString()).isEqualTo("{\"TCP\":[\"8080\",\"9090\"]}");
        assertThat(root.get("removed").get(1).get("allowed").toString()).isEqualTo("{\"TCP\":[\"5432\"]}");
        assertThat(root.get("workloads").get("added").toString()).isEqualTo("[\"production/cache\"]");
        assertThat(root.get("endpoints").findValuesAsText("id")).contains("192.168.100.10/32", "192.168.100.20/32");
    }

    @Test
    void diffSchema_rejectsBrokenDocuments() throws IOException {
        String base = "\"schemaVersion\":1,\"endpoints\":[],\"added\":[],\"removed\":[],";
        String missingChanged = "{" + base + "\"workloads\":{\"added\":[],\"removed\":[]}}";
        String changedWithoutAfter = "{" + base + "\"changed\":[{\"src\":\"a/b\",\"dst\":\"c/d\",\"before\":{\"TCP\":[\"80\"]}}],"
                + "\"workloads\":{\"added\":[],\"removed\":[]}}";
        String addedWithBadPort = "{\"schemaVersion\":1,\"endpoints\":[],\"removed\":[],\"changed\":[],"
                + "\"added\":[{\"src\":\"a/b\",\"dst\":\"c/d\",\"allowed\":{\"TCP\":[\"http\"]}}],"
                + "\"workloads\":{\"added\":[],\"removed\":[]}}";

        assertThat(validate(missingChanged)).isNotEmpty();
        assertThat(validate(changedWithoutAfter)).isNotEmpty();
        assertThat(validate(addedWithBadPort)).isNotEmpty();
    }

    @Test
    void diffSchema_sharedDefinitions_equalTheAnalyzeSchemas() throws IOException {
        JsonNode diff = MAPPER.readTree(Files.readString(Path.of("schemas", "diff.schema.json")));
        JsonNode analyze = MAPPER.readTree(Files.readString(Path.of("schemas", "analyze.schema.json")));

        assertThat(diff.get("$schema").asText()).contains("2020-12");
        for (String def : List.of("workload", "external", "allowed")) {
            assertThat(diff.get("$defs").get(def)).as(def).isEqualTo(analyze.get("$defs").get(def));
        }
    }
}
