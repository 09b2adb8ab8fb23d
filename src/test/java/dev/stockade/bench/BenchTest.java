package dev.stockade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.stockade.cli.Main;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench verb on a small cluster: real figures in the documented shape. */
class BenchTest {

    @Test
    void bench_smallCluster_reportsFiguresThatMatchTheSchema() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "--workloads", "60", "--policies", "150", "--namespaces", "6",
            "--pods", "90", "-o", "json"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas/bench.schema.json")));
        assertThat(schema.validate(json)).isEmpty();
        // 60 Deployments plus the three platform ones (coredns, prometheus, ingress controller)
        assertThat(json.get("workloads").asInt()).isEqualTo(63);
        assertThat(json.get("pods").asInt()).isEqualTo(93);
        assertThat(json.get("policies").asInt()).isEqualTo(150);
        assertThat(json.get("namespaces").asInt()).isEqualTo(9);
        assertThat(json.get("connections").asInt()).isPositive();
        assertThat(json.get("expectations").asInt()).isEqualTo(10_000);
        assertThat(json.has("ipBlockMillis")).isTrue();
        assertThat(err.toString()).contains("bench: loading").contains("bench: analysing")
                .contains("bench: analysing one policy of 20000 overlapping ipBlocks");
    }

    @Test
    void generator_sameSeed_writesIdenticalYamlThatLoadsCleanly(@TempDir Path dir) throws Exception {
        BenchSpec spec = new BenchSpec(40, 100, 5, 80, 7);
        List<String> first = new ClusterGenerator(spec).generate();
        List<String> second = new ClusterGenerator(spec).generate();
        assertThat(first).isEqualTo(second);

        List<Path> files = ClusterGenerator.write(first, dir);
        LoadResult r = Loader.load(files.stream().map(Path::toString).toList());

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().policies()).hasSize(100);
        // pods fold into their Deployments through ReplicaSets
        assertThat(r.cluster().workloads()).allMatch(w -> w.kind().equals("Deployment"));
        assertThat(r.cluster().workloads().stream().mapToInt(w -> w.pods().size()).sum()).isEqualTo(83);
    }

    @Test
    void policyChanges_onePercent_changesOnePolicyInAHundred() {
        LoadResult r = Loader.loadString("c.yaml", String.join("", new ClusterGenerator(new BenchSpec(40, 400, 5, 0, 3))
                .generate()));
        var changed = PolicyChanges.change(r.cluster(), 1);
        long same = changed.policies().stream().filter(r.cluster().policies()::contains).count();

        assertThat(changed.policies()).hasSize(398);
        assertThat(same).isEqualTo(396);
    }
}
