package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Namespace;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Names and values from untrusted manifests: an object whose name or namespace the API server
 * would refuse is refused here too, and no message quotes a value on several lines, at full
 * length, or when it looks like a secret.
 */
@Tag("hostile")
class HostileNamesTest {
    private static final String PROD = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n";

    private static LoadResult load(String yaml) {
        return Loader.loadString("in.yaml", yaml + PROD);
    }

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void load_policyNameWithNewline_isRefusedAtTheName() {
        LoadResult r = load("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: "a\\nflush ruleset"
                  namespace: prod
                spec:
                  podSelector: {}
                """);
        assertThat(lines(r)).containsExactly("in.yaml:4:9: error: NetworkPolicy prod/\"a\\nflush ruleset\":"
                + " metadata.name: \"a\\nflush ruleset\" is not a valid object name (expected a DNS subdomain:"
                + " dot-separated parts of lowercase letters, digits and '-', each starting and ending with a letter"
                + " or digit, up to 253 characters in all)");
        assertThat(r.cluster().policies()).isEmpty();
    }

    @Test
    void load_namespaceWithEscapeAndQuote_isRefusedAtTheNamespace() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: "x\\e[2J\\"\\\\"
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(lines(r)).containsExactly("in.yaml:5:14: error: Pod \"x\\u001b[2J\\\"\\\\\"/web: metadata.namespace:"
                + " \"x\\u001b[2J\\\"\\\\\" is not a valid namespace name (expected up to 63 lowercase letters, digits"
                + " and '-', starting and ending with a letter or digit)");
        assertThat(r.cluster().workloads()).isEmpty();
        assertThat(r.cluster().namespaces()).extracting(Namespace::name).containsExactly("prod");
    }

    @Test
    void load_kindOnlyAuditReads_isRefusedWithABadNameOrNamespaceAndNotKept() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: "a\\nb", namespace: prod}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: "Prod"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: fine, namespace: prod}
                """ + PROD;
        List<String> expected = List.of("in.yaml:3:18: error: ConfigMap prod/\"a\\nb\": metadata.name: \"a\\nb\" is not a"
                + " valid object name (expected a DNS subdomain: dot-separated parts of lowercase letters, digits and"
                + " '-', each starting and ending with a letter or digit, up to 253 characters in all)",
                "in.yaml:7:32: error: Secret \"Prod\"/s: metadata.namespace: \"Prod\" is not a valid namespace name"
                + " (expected up to 63 lowercase letters, digits and '-', starting and ending with a letter or digit)");
        LoadResult audit = Loader.loadString("in.yaml", yaml, true);
        assertThat(lines(audit)).containsExactlyElementsOf(expected);
        assertThat(audit.manifests()).extracting(o -> o.kind() + " " + o.name())
                .containsExactly("ConfigMap fine", "Namespace prod");
        // the same objects are refused when nothing is kept as written: the API server would refuse them
        assertThat(lines(Loader.loadString("in.yaml", yaml))).containsExactlyElementsOf(expected);
    }

    @Test
    void load_tenThousandCharacterName_isCutInEveryMessage() {
        String name = "a".repeat(10_000);
        LoadResult r = load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: prod\n"
                + "spec: {containers: [{name: c, image: i}]}\n");
        String shown = "\"" + "a".repeat(40) + "…\" (10000 characters)";
        assertThat(lines(r)).containsExactly("in.yaml:4:9: error: Pod prod/" + shown + ": metadata.name: " + shown
                + " is not a valid object name (expected a DNS subdomain: dot-separated parts of lowercase letters,"
                + " digits and '-', each starting and ending with a letter or digit, up to 253 characters in all)");
    }

    @Test
    void load_secretWhereANumberIsExpected_isNotShown() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                spec:
                  containers:
                  - name: app
                    ports:
                    - containerPort: ghp_0123456789abcdefghijABCDEFGHIJ012345
                    image: i
                """);
        assertThat(lines(r)).containsExactly("in.yaml:8:22: error: Pod prod/web: spec.containers[0].ports[0]"
                + ".containerPort: expected an integer, found a string that looks like a secret (not shown)");
    }

    @Test
    void load_unknownFieldWithNewlineInItsName_isEscaped() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: prod}
                "spec\\nx": {}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(lines(r)).containsExactly("in.yaml:4:1: warning: Pod prod/web: spec\\nx: unknown field"
                + " \"spec\\nx\" (did you mean \"spec\"?); it is ignored");
    }

    @Test
    void load_rejectedObject_doesNotRegisterItsNamespace() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: x}
                spec:
                  containers:
                  - name: app
                    ports: [{containerPort: 70000}]
                    image: i
                """);
        assertThat(lines(r)).containsExactly("in.yaml:7:29: error: Pod x/web: spec.containers[0].ports[0]"
                + ".containerPort: 70000 is out of range (expected 1-65535)");
        assertThat(r.cluster().namespaces()).extracting(Namespace::name).containsExactly("prod");
    }

    @Test
    void load_problemsBeforeTheObjectIsNamed_nameItWhenReadable() {
        LoadResult r = load("""
                apiVersion: [networking.k8s.io/v1]
                kind: NetworkPolicy
                metadata: {name: np, namespace: prod}
                spec: {podSelector: {}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np2, namespace: prod}
                spec: {podSelector: {}}
                spc: {}
                """);
        assertThat(lines(r)).containsExactly(
                "in.yaml:1:13: error: NetworkPolicy prod/np: apiVersion: expected a string, found a list",
                "in.yaml:10:1: warning: NetworkPolicy prod/np2: spc: unknown field \"spc\" (did you mean \"spec\"?);"
                        + " it is ignored");
    }

    @Test
    void load_undefinedAliasWithALongName_isCut() {
        LoadResult r = Loader.loadString("in.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: *" + "x".repeat(200) + "}\n");
        assertThat(lines(r)).containsExactly("in.yaml:3:18: error: YAML syntax error: found undefined alias "
                + "x".repeat(40) + "… (200 characters)");
    }
}
