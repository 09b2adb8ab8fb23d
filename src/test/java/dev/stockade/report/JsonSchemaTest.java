package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON outputs validate against the schemas shipped in {@code schemas/}. */
class JsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Set<ValidationMessage> validate(String schemaFile, String json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("schemas", schemaFile)));
        return schema.validate(MAPPER.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void analyzeJson_hexabase_matchesSchema(boolean ipBlockMatchesPods) throws IOException {
        LoadResult r = Loader.load(List.of("examples/hexabase"));
        Connectivity c = new Analyzer(new AnalysisOptions(ipBlockMatchesPods)).analyze(r.cluster());
        String json = AnalysisJson.render(ConnectivityView.all(c));

        assertThat(validate("analyze.schema.json", json)).isEmpty();
        JsonNode root = MAPPER.readTree(json);
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("options").get("ipBlockMatchesPods").asBoolean()).isEqualTo(ipBlockMatchesPods);
        assertThat(root.get("connections").size()).isEqualTo(c.connections().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NODE", "POD"})
    void analyzeJson_hostNetworkModes_matchSchemaAndNameTheMode(String mode) throws IOException {
        LoadResult r = Loader.load(List.of("src/test/resources/golden-inputs/host-network"));
        HostNetworkMode m = HostNetworkMode.valueOf(mode);
        String json = AnalysisJson.render(ConnectivityView.all(new Analyzer(new AnalysisOptions(false, m))
                .analyze(r.cluster())));

        assertThat(validate("analyze.schema.json", json)).isEmpty();
        assertThat(MAPPER.readTree(json).get("options").toString())
                .isEqualTo("{\"ipBlockMatchesPods\":false,\"hostNetwork\":\"" + m.flag() + "\"}");
        assertThat(validate("analyze.schema.json", json.replace("\"" + m.flag() + "\"", "\"host\""))).isNotEmpty();
    }

    /** With routes: the {ingress-controller} endpoint, its connections and options.ingressController. */
    @Test
    void analyzeJson_entrances_matchesSchema() throws IOException {
        LoadResult r = Loader.load(List.of("examples/entrances"));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(r.cluster());
        String json = AnalysisJson.render(ConnectivityView.all(c));

        assertThat(validate("analyze.schema.json", json)).isEmpty();
        JsonNode root = MAPPER.readTree(json);
        JsonNode last = root.get("endpoints").get(root.get("endpoints").size() - 1);
        assertThat(last.get("id").asText()).isEqualTo("{ingress-controller}");
        assertThat(last.get("kind").asText()).isEqualTo("IngressController");
        assertThat(root.get("options").get("ingressController").asText()).isEqualTo("ingress-nginx");
        // the LoadBalancer Service marks shop/status, and only it
        List<String> exposed = new ArrayList<>();
        for (JsonNode e : root.get("endpoints")) {
            if (e.has("exposedBy")) {
                exposed.add(e.get("id").asText() + " " + e.get("exposedBy"));
            }
        }
        assertThat(exposed).containsExactly(
                "shop/status [{\"service\":\"shop/status\",\"type\":\"LoadBalancer\",\"ports\":{\"TCP\":[\"8081\"]}}]");
    }

    /** From the controller to every workload of the entrances example on its routed and other ports. */
    @ParameterizedTest
    @ValueSource(ints = {8080, 9000, 9443, 5432, 8081})
    void explainJson_fromTheController_matchesSchema(int port) throws IOException {
        LoadResult r = Loader.load(List.of("examples/entrances"));
        Explainer explainer = new Explainer(r.cluster(), AnalysisOptions.DEFAULT);
        dev.stockade.engine.IngressController.Pods controller =
                AnalysisOptions.DEFAULT.ingressController().resolve(r.cluster());
        List<dev.stockade.engine.EntrancePaths.Path> paths = dev.stockade.engine.EntrancePaths.resolve(r.cluster())
                .paths();
        for (Workload w : r.cluster().workloads()) {
            Target dst = new Target.PodTarget(w, w.pods().get(0));
            List<Verdict> verdicts = controller.targets().stream()
                    .map(c -> explainer.explain(c, dst, Protocol.TCP, port)).toList();
            ControllerEntry entry = new ControllerEntry(paths.stream()
                    .filter(p -> p.workload().equals(w) && p.port() == port).toList(), controller.assumed(),
                    AnalysisOptions.DEFAULT.ingressController());
            String json = ExplainRenderer.json(verdicts, AnalysisOptions.DEFAULT, entry);
            assertThat(validate("explain.schema.json", json)).as(json).isEmpty();
            assertThat(MAPPER.readTree(json).get("allowed").asBoolean())
                    .isEqualTo(verdicts.stream().anyMatch(entry::allowed));
        }
    }

    @Test
    void analyzeSchema_rejectsBrokenDocuments() throws IOException {
        String missingAllowed = "{\"schemaVersion\":1,\"endpoints\":[],\"connections\":[{\"src\":\"a/b\",\"dst\":\"c/d\"}]}";
        String badPort = "{\"schemaVersion\":1,\"endpoints\":[],\"connections\":[{\"src\":\"a/b\",\"dst\":\"c/d\","
                + "\"allowed\":{\"TCP\":[\"http\"]}}]}";
        String badKind = "{\"schemaVersion\":1,\"endpoints\":[{\"id\":\"x\",\"kind\":\"External\",\"namespace\":\"a\","
                + "\"name\":\"b\"}],\"connections\":[]}";

        assertThat(validate("analyze.schema.json", missingAllowed)).isNotEmpty();
        assertThat(validate("analyze.schema.json", badPort)).isNotEmpty();
        assertThat(validate("analyze.schema.json", badKind)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {8080, 5432, 53})
    void explainJson_everyPairOfHexabase_matchesSchema(int port) throws IOException {
        everyPairMatchesSchema(List.of("examples/hexabase"), port);
    }

    /** With the admin tiers of examples/cluster-admin: stage, walk, admin and baseline appear. */
    @ParameterizedTest
    @ValueSource(ints = {8080, 5432, 53, 443, 6443})
    void explainJson_everyPairWithTiers_matchesSchema(int port) throws IOException {
        everyPairMatchesSchema(List.of("examples/hexabase", "examples/cluster-admin"), port);
    }

    private static void everyPairMatchesSchema(List<String> paths, int port) throws IOException {
        LoadResult r = Loader.load(paths);
        Explainer explainer = new Explainer(r.cluster(), AnalysisOptions.DEFAULT);
        List<Target> targets = new ArrayList<>();
        for (Workload w : r.cluster().workloads()) {
            targets.add(new Target.PodTarget(w, w.pods().get(0)));
        }
        targets.add(new Target.AddressTarget(dev.stockade.model.IpAddress.parse("192.168.100.10").orElseThrow()));
        targets.add(new Target.AddressTarget(dev.stockade.model.IpAddress.parse("10.0.0.10").orElseThrow()));
        for (Target a : targets) {
            for (Target b : targets) {
                if (a == b || (a instanceof Target.AddressTarget && b instanceof Target.AddressTarget)) {
                    continue;
                }
                Verdict v = explainer.explain(a, b, Protocol.TCP, port);
                String json = ExplainRenderer.json(List.of(v), AnalysisOptions.DEFAULT);
                assertThat(validate("explain.schema.json", json)).as(json).isEmpty();
                assertThat(MAPPER.readTree(json).get("allowed").asBoolean()).isEqualTo(v.allowed());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze.schema.json", "explain.schema.json", "bench.schema.json", "lab-verify.schema.json"})
    void schemas_areValidJson(String file) throws IOException {
        JsonNode schema = MAPPER.readTree(Files.readString(Path.of("schemas", file)));
        assertThat(schema.get("$schema").asText()).contains("2020-12");
    }

    @Test
    void analyzeJson_externalEndpoints_coverBothFamilies() throws IOException {
        LoadResult r = Loader.load(List.of("examples/hexabase"));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(r.cluster());
        List<Endpoint.ExternalEndpoint> ext = c.endpoints().stream()
                .filter(e -> e instanceof Endpoint.ExternalEndpoint).map(e -> (Endpoint.ExternalEndpoint) e).toList();
        assertThat(ext.get(0).range().start().toString()).isEqualTo("0.0.0.0");
        assertThat(ext.get(ext.size() - 1).range().end().toString()).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }
}
