package dev.stockade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.stockade.cli.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --dataplane} on a small cluster, for real: the JSON has exactly the documented
 * fields and validates against the schema. Needs root, nft, ip and python3 (skipped otherwise).
 */
@Tag("kernel")
class DataplaneBenchTest {
    private static final List<String> FIELDS = List.of("pods", "policies", "nftFullLoadMillis", "nftChangeMillis",
            "packetCostRatio", "labE2eMillis");

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void dataplane_smallCluster_reportsExactlyTheDocumentedFields() throws Exception {
        Assumptions.assumeTrue(DataplaneBench.missing() == null, "bench --dataplane needs root, nft, ip and python3");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "bench", "--dataplane", "--workloads", "60", "--policies", "150", "--namespaces", "6",
                "-o", "json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas/bench.schema.json")));
        assertThat(schema.validate(json)).isEmpty();
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(FIELDS);
        // one pod per workload with --dataplane, and one for each of the three platform workloads
        assertThat(json.get("pods").asInt()).isEqualTo(63);
        assertThat(json.get("policies").asInt()).isEqualTo(150);
        assertThat(json.get("nftFullLoadMillis").asLong()).isPositive();
        assertThat(json.get("nftChangeMillis").asLong()).isPositive();
        assertThat(json.get("labE2eMillis").asLong()).isPositive();
        // a connection costs about the same whatever the table holds
        assertThat(json.get("packetCostRatio").asDouble()).isBetween(0.3, 3.0);
        assertThat(err.toString()).contains("bench: full load 1 of 3").contains("bench: change 5 of 5")
                .contains("bench: lab up, probe and down");
        // the bench's own namespaces are gone
        assertThat(new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)).doesNotContain(DataplaneBench.PREFIX + ProcessHandle.current().pid());
    }

    @Test
    void dataplane_fewerThanTwoPods_isAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "bench", "--dataplane", "--workloads", "1", "--namespaces", "1", "--policies", "0");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(DataplaneBench.missing() == null
                ? "bench --dataplane needs at least 2 pods" : "bench --dataplane needs").doesNotContain("Exception");
    }

    @Test
    void dataplane_withWrite_isAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "bench", "--dataplane", "--write", "/tmp/unused");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--write does not go with --dataplane");
    }

    @Test
    void missing_withoutRoot_saysSo() {
        assertThat(DataplaneBench.missing(false, tool -> true))
                .isEqualTo("bench --dataplane needs root: it loads nftables tables into network namespaces and runs a lab");
        assertThat(DataplaneBench.missing(true, tool -> !tool.equals("nft")))
                .startsWith("bench --dataplane needs nft ");
        assertThat(DataplaneBench.missing(true, tool -> true)).isNull();
    }

    @Test
    void labTopology_isTheLabTestsE2eInput() throws Exception {
        try (InputStream in = DataplaneBench.class.getResourceAsStream("lab-e2e.yaml")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(Path.of("src/test/resources/lab-inputs/e2e/cluster.yaml")));
        }
    }
}
