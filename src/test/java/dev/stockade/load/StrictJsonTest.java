package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An input whose first character is <code>{</code> is JSON to kubectl, read by Go's strict JSON
 * decoder: what JSON does not allow is an error at its line and column, and a JSON input reads
 * like the same objects in YAML.
 */
class StrictJsonTest {
    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static final String POD_LIST = """
            {
              "apiVersion": "v1",
              "kind": "PodList",
              "metadata": {"resourceVersion": "42"},
              "items": [
                {
                  "metadata": {"name": "web", "namespace": "prod", "labels": {"app": "web"}},
                  "spec": {"hostNetwork": false, "containers": [{"name": "c", "ports": [{"containerPort": 8080}], "image": "i"}]},
                  "status": {"podIP": "10.0.0.5"}
                },
                {
                  "metadata": {"name": "db", "namespace": "prod", "labels": {"app": "db"}},
                  "spec": {"containers": [{"name": "c", "ports": [{"containerPort": 70000}], "image": "i"}]}
                }
              ]
            }
            """;

    @Test
    void load_jsonPodList_itemsArePodsWithPositions() {
        LoadResult r = Loader.loadString("pods.json", POD_LIST);

        assertThat(lines(r)).containsExactly(
                "pods.json:13:73: error: Pod prod/db: spec.containers[0].ports[0].containerPort: 70000 is out of range"
                        + " (expected 1-65535)",
                "pods.json:6:5: warning: Namespace prod: is used but not defined in the input; it gets only the label"
                        + " kubernetes.io/metadata.name=prod");
        assertThat(r.cluster().workloads()).extracting(Workload::toString).containsExactly("prod/web");
        Pod web = r.cluster().workloads().get(0).pods().get(0);
        assertThat(web.labels()).hasToString("app=web");
        assertThat(web.ports()).extracting(Object::toString).containsExactly("TCP 8080");
        assertThat(web.ips()).extracting(Object::toString).containsExactly("10.0.0.5");
    }

    @Test
    void load_jsonValuesOneAfterAnother_areReadAsDocuments() {
        LoadResult r = Loader.loadString("in.json", """
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod"}}
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "prod"},
                 "spec": {"containers": [{"name": "c", "image": "i"}]}}
                """);

        assertThat(lines(r)).isEmpty();
        assertThat(r.cluster().workloads()).extracting(Workload::toString).containsExactly("prod/p");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "trailing comma in an object|{\"a\": 1,}|1:8: error: JSON syntax error: trailing comma before } (not allowed in JSON)",
        "trailing comma in a list|{\"a\": [1, 2, ]}|1:12: error: JSON syntax error: trailing comma before ] (not allowed in JSON)",
        "line comment|{\"a\": 1 // one\\n}|1:9: error: JSON syntax error: comments are not allowed in JSON",
        "block comment|{/* a */ \"a\": 1}|1:2: error: JSON syntax error: comments are not allowed in JSON",
        "single-quoted key|{'a': 1}|1:2: error: JSON syntax error: single quotes are not allowed in JSON (expected a string in double quotes)",
        "single-quoted value|{\"a\": 'b'}|1:7: error: JSON syntax error: single quotes are not allowed in JSON (expected a string in double quotes)",
        "unquoted key|{a: 1}|1:2: error: JSON syntax error: expected a key in double quotes, found \"a\"",
        "NaN|{\"a\": NaN}|1:7: error: JSON syntax error: \"NaN\" is not a JSON number",
        "-Infinity|{\"a\": -Infinity}|1:7: error: JSON syntax error: \"-Infinity\" is not a JSON number",
        "leading zero|{\"a\": 0755}|1:7: error: JSON syntax error: \"0755\" starts with 0 (a JSON number may not)",
        "unknown word|{\"a\": yes}|1:7: error: JSON syntax error: unexpected \"yes\" (expected a JSON value: a string in double quotes, a number, an object, a list, true, false or null)",
        "YAML after JSON|{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\"}}\\n---\\nb: 2\\n|2:1: error: JSON syntax error: a YAML document separator --- in JSON (kubectl reads an input that starts with { as JSON only; write the YAML documents in another file)",
        "unclosed|{\"a\": [1|1:9: error: JSON syntax error: the input ends inside a value (expected its closing } or ] or \")"})
    void load_whatJsonDoesNotAllow_isAnErrorAtItsPosition(String name, String json, String expected) {
        LoadResult r = Loader.loadString("in.json", json.replace("\\n", "\n"));

        assertThat(lines(r)).containsExactly("in.json:" + expected);
    }

    @Test
    void load_jsonErrorAfterAnObject_keepsTheObjectsBeforeIt() {
        LoadResult r = Loader.loadString("in.json", """
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod"}}
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "dev"},}
                """);

        assertThat(lines(r)).containsExactly("in.json:2:70: error: JSON syntax error: trailing comma before } (not"
                + " allowed in JSON)");
        assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
    }

    @Test
    void load_duplicateKeyInJson_isAnErrorLikeInYaml() {
        LoadResult r = Loader.loadString("in.json", """
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod", "name": "dev"}}
                """);

        assertThat(lines(r)).containsExactly("in.json:1:72: error: Namespace prod: metadata.name: duplicate key \"name\""
                + " (first at line 1)");
    }

    @Test
    void load_jsonStrings_areStringsWhateverTheyHold() {
        // "on", "0755" and "yes" are strings in JSON: YAML 1.1 reading never applies to it
        LoadResult r = Loader.loadString("in.json", """
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "p", "namespace": "prod", "labels": {"feature": "on", "mode": "0755"}},
                 "spec": {"containers": [{"name": "c", "image": "i"}]}}
                """);

        assertThat(lines(r)).containsExactly("in.json:1:1: warning: Namespace prod: is used but not defined in the"
                + " input; it gets only the label kubernetes.io/metadata.name=prod");
        assertThat(r.cluster().workloads().get(0).pods().get(0).labels()).hasToString("feature=on,mode=0755");
    }

    @Test
    void load_jsonAfterAByteOrderMark_isReadAsYamlLikeKubectlDoes() {
        // kubectl looks for { after whitespace only; a byte order mark is not whitespace, so this is YAML
        LoadResult r = Loader.loadString("in.json", "\uFEFF{\"apiVersion\": \"v1\", \"kind\": \"Namespace\","
                + " \"metadata\": {\"name\": \"prod\",},}\n");

        assertThat(lines(r)).isEmpty();
        assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
    }

    @Test
    @Tag("hostile")
    void load_deepJson_hitsTheNestingLimit() {
        String deep = "{\"a\": ".repeat(100_000);
        LoadResult r = Loader.loadString("in.json", deep);

        assertThat(lines(r)).containsExactly("in.json:1:1201: error: JSON nesting is deeper than 200 levels (expected"
                + " a Kubernetes manifest)");
    }
}
