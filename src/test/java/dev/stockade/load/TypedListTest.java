package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Typed lists as the API server writes them ({@code GET /api/v1/pods} → {@code kind: PodList}):
 * their items carry no {@code kind} or {@code apiVersion} and take both from the list.
 */
class TypedListTest {
    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void load_podListItemsWithoutKind_arePodsOfTheListsVersion() {
        LoadResult r = Loader.loadString("pods.yaml", """
                apiVersion: v1
                kind: PodList
                metadata: {resourceVersion: "12345"}
                items:
                - metadata: {name: web, namespace: prod, labels: {app: web}}
                  spec: {containers: [{name: c, image: nginx}]}
                  status: {podIP: 10.0.0.5}
                - kind: Pod
                  apiVersion: v1
                  metadata: {name: db, namespace: prod}
                  spec: {containers: [{name: c, image: postgres}]}
                """);
        assertThat(lines(r)).containsExactly("pods.yaml:5:3: warning: Namespace prod: is used but not defined in the"
                + " input; it gets only the label kubernetes.io/metadata.name=prod");
        assertThat(r.cluster().workloads()).extracting(Workload::toString).containsExactly("prod/web", "prod/db");
        assertThat(r.cluster().workloads().stream().flatMap(w -> w.pods().stream()).map(Pod::name))
                .containsExactlyInAnyOrder("web", "db");
    }

    @Test
    void load_itemStatingAnotherKind_isAnErrorAtItsKind() {
        LoadResult r = Loader.loadString("pods.json", """
                {"apiVersion": "v1", "kind": "PodList", "items": [
                  {"kind": "Service", "metadata": {"name": "web", "namespace": "prod"}}
                ]}
                """);
        assertThat(lines(r)).containsExactly("pods.json:2:12: error: Service prod/web: kind: \"Service\" is not the"
                + " kind of its list (expected Pod, the kind every item of a PodList has, or no kind)");
        assertThat(r.cluster().workloads()).isEmpty();
    }

    @Test
    void load_itemOfKindListWithoutKind_isStillRequired() {
        LoadResult r = Loader.loadString("all.yaml", """
                apiVersion: v1
                kind: List
                items:
                - metadata: {name: web, namespace: prod}
                """);
        assertThat(lines(r)).containsExactly("all.yaml:4:3: error: prod/web: kind: is required (expected a"
                + " Kubernetes object with apiVersion and kind)");
    }

    /**
     * The example cluster written as raw API list responses (one JSON file per kind, items without
     * kind and apiVersion, as {@code kubectl get --raw} returns them) is the same cluster: the
     * same connections in both ipBlock modes, and no error.
     */
    @Test
    void load_exampleAsRawApiLists_analysesExactlyAsItsManifests(@TempDir Path tmp) throws Exception {
        Path example = Path.of("examples/hexabase");
        Map<String, List<Map<String, Object>>> byList = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(example)) {
            files = s.filter(p -> !p.getFileName().toString().equals("expectations.yaml")).sorted().toList();
        }
        for (Path f : files) {
            for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(f))) {
                if (!(doc instanceof Map<?, ?> m)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) m);
                String kind = (String) item.remove("kind");
                String apiVersion = (String) item.remove("apiVersion");
                String key = apiVersion + " " + kind + "List";
                versions.put(key, apiVersion);
                byList.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            }
        }
        assertThat(byList).hasSizeGreaterThan(3);
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        for (var e : byList.entrySet()) {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("apiVersion", versions.get(e.getKey()));
            list.put("kind", e.getKey().substring(e.getKey().indexOf(' ') + 1));
            list.put("metadata", Map.of("resourceVersion", "4711"));
            list.put("items", e.getValue());
            Files.writeString(tmp.resolve(String.format("%02d.json", n++)), json.writeValueAsString(list));
        }
        LoadResult manifests = Loader.load(files.stream().map(Path::toString).toList(), InputStream.nullInputStream());
        LoadResult lists = Loader.load(List.of(tmp.toString()), InputStream.nullInputStream());
        assertThat(lists.hasErrors()).as(lines(lists).toString()).isFalse();
        assertThat(lists.objects() - byList.size()).isEqualTo(manifests.objects());
        for (boolean ipBlockMatchesPods : new boolean[] {true, false}) {
            AnalysisOptions options = new AnalysisOptions(ipBlockMatchesPods);
            Connectivity want = new Analyzer(options).analyze(manifests.cluster());
            Connectivity got = new Analyzer(options).analyze(lists.cluster());
            assertThat(got.connections()).isNotEmpty();
            assertThat(got.connections().stream().map(Object::toString).toList())
                    .containsExactlyElementsOf(want.connections().stream().map(Object::toString).toList());
        }
    }
}
