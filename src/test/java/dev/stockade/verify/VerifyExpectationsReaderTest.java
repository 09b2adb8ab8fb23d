package dev.stockade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.Diagnostic;
import dev.stockade.load.ExpectationsLoad;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.PolicyPort;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expectations file format: what it reads, and every kind of bad input with the exact
 * diagnostic users see ({@code file:line:col: error|warning: ConnectivityExpectations name: path: message}).
 */
class VerifyExpectationsReaderTest {
    private static final String HEAD = """
            apiVersion: stockade.dev/v1alpha1
            kind: ConnectivityExpectations
            metadata: {name: t}
            spec:
              expectations:
            """;

    /** A file whose first expectation's first line is line 6, its fields at column 5. */
    private static ExpectationsLoad read(String expectations) {
        return ExpectationsReader.readString("e.yaml", HEAD + expectations.indent(2));
    }

    private static List<String> lines(ExpectationsLoad l) {
        return l.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void read_everyForm_buildsTheModel() {
        ExpectationsLoad l = read("""
                - from: prod/web
                  to: prod/api
                  port: 8080
                  expect: Allow
                - from: {namespace: prod, podSelector: {matchLabels: {app: web}}}
                  to: {namespaceSelector: {matchExpressions: [{key: env, operator: In, values: [dev]}]}}
                  port: http
                  protocol: UDP
                  expect: Deny
                  description: nothing from prod to dev
                - from: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}
                  to: prod/db[StatefulSet]
                  protocol: SCTP
                  expect: Deny
                - from: prod/web
                  to: {cidr: "fd00::/64"}
                  expect: Allow
                """);

        assertThat(l.diagnostics()).isEmpty();
        List<ConnectivityExpectation> e = l.expectations();
        assertThat(e).extracting(Object::toString).containsExactly(
                "prod/web -> prod/api 8080/TCP Allow",
                "{namespace: prod, podSelector: app=web} -> {namespaceSelector: env in (dev)} http/UDP Deny",
                "0.0.0.0/0 except 10.0.0.0/8 -> prod/db[StatefulSet] any/SCTP Deny",
                "prod/web -> fd00::/64 any Allow");
        assertThat(e.get(0).source().toString()).isEqualTo("e.yaml:6:5");
        assertThat(e.get(1).description()).isEqualTo("nothing from prod to dev");
        assertThat(e.get(1).port()).containsInstanceOf(PolicyPort.NamedPort.class);
        assertThat(e.get(2).to()).isEqualTo(new EndpointSelector.WorkloadRef("prod", "db", "StatefulSet"));
        assertThat(e.get(3).port()).isEmpty();
        assertThat(l.documents()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("t"));
    }

    @Test
    void read_json_isAccepted() {
        ExpectationsLoad l = ExpectationsReader.readString("e.json", """
                {"apiVersion": "stockade.dev/v1alpha1", "kind": "ConnectivityExpectations",
                 "metadata": {"name": "j"},
                 "spec": {"expectations": [{"from": "a/b", "to": {"cidr": "10.0.0.0/8"}, "port": 443, "expect": "Deny"}]}}
                """);

        assertThat(l.diagnostics()).isEmpty();
        assertThat(l.expectations()).extracting(Object::toString).containsExactly("a/b -> 10.0.0.0/8 443/TCP Deny");
    }

    @Test
    void read_twoDocuments_givesTwoSuites() {
        String doc = HEAD + "  - {from: a/b, to: a/c, expect: Deny}\n";
        ExpectationsLoad l = ExpectationsReader.readString("e.yaml", doc + "---\n" + doc.replace("name: t", "name: u"));

        assertThat(l.documents()).extracting(d -> d.name()).containsExactly("t", "u");
        assertThat(l.expectations()).hasSize(2);
    }

    @Test
    void read_stdinAndFiles_nameTheSource(@TempDir Path dir) throws Exception {
        String text = HEAD + "  - {from: a/b, to: a/c, expect: Allow}\n";
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, text);

        assertThat(ExpectationsReader.read(f.toString(), InputStreamHolder.EMPTY).expectations().get(0).source().file())
                .isEqualTo(f.toString());
        ExpectationsLoad s = ExpectationsReader.read("-", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.file()).isEqualTo("<stdin>");
        assertThat(s.expectations()).hasSize(1);
        assertThat(lines(ExpectationsReader.read(dir.toString(), InputStreamHolder.EMPTY)))
                .containsExactly(dir + ": error: is a directory (expected an expectations file)");
        assertThat(lines(ExpectationsReader.read(dir.resolve("nope.yaml").toString(), InputStreamHolder.EMPTY)))
                .containsExactly(dir.resolve("nope.yaml") + ": error: no such file or directory");
    }

    private static final class InputStreamHolder {
        static final java.io.InputStream EMPTY = java.io.InputStream.nullInputStream();
    }

    static Stream<Arguments> badExpectations() {
        String e = "ConnectivityExpectations t: spec.expectations[0]";
        return Stream.of(
                Arguments.of("- {from: prod/web, to: prod/api, port: 8080, expct: Allow}", List.of(
                        "e.yaml:6:48: warning: " + e + ".expct: unknown field \"expct\" (did you mean \"expect\"?); it is ignored",
                        "e.yaml:6:5: error: " + e + ".expect: is required (expected Allow or Deny)")),
                Arguments.of("- {to: prod/api, expect: Allow}", List.of(
                        "e.yaml:6:5: error: " + e + ".from: is required (expected namespace/name, a mapping with namespace,"
                                + " podSelector and namespaceSelector, or {cidr: …})")),
                Arguments.of("- {from: 42, to: prod/api, expect: Allow}", List.of(
                        "e.yaml:6:12: error: " + e + ".from: expected a string or a mapping, found the number 42 (expected"
                                + " namespace/name, a mapping with namespace, podSelector and namespaceSelector, or {cidr: …})")),
                Arguments.of("- {from: web, to: prod/api, expect: Allow}", List.of(
                        "e.yaml:6:12: error: " + e + ".from: \"web\" is not a workload reference (expected namespace/name,"
                                + " e.g. prod/web, or a mapping with namespace, podSelector and namespaceSelector)")),
                Arguments.of("- {from: prod/web, to: 10.0.0.0/8, expect: Deny}", List.of(
                        "e.yaml:6:26: error: " + e + ".to: \"10.0.0.0/8\" is an address, not a workload (expected {cidr:"
                                + " 10.0.0.0/8} for external addresses, or namespace/name)")),
                Arguments.of("- {from: prod/web, to: 192.168.1.1, expect: Deny}", List.of(
                        "e.yaml:6:26: error: " + e + ".to: \"192.168.1.1\" is an address, not a workload (expected {cidr:"
                                + " 192.168.1.1/32} for external addresses, or namespace/name)")),
                Arguments.of("- {from: Prod/web, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:12: error: " + e + ".from: \"Prod\" is not a valid namespace name (expected up to 63"
                                + " lowercase letters, digits and '-', starting and ending with a letter or digit)")),
                Arguments.of("- {from: prod/web_1, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:12: error: " + e + ".from: \"web_1\" is not a valid object name (expected a DNS"
                                + " subdomain: dot-separated parts of lowercase letters, digits and '-', each starting"
                                + " and ending with a letter or digit, up to 253 characters in all)")),
                Arguments.of("- {from: prod/web, to: prod/api, port: 70000, expect: Allow}", List.of(
                        "e.yaml:6:42: error: " + e + ".port: 70000 is out of range (expected 1-65535)")),
                Arguments.of("- {from: prod/web, to: prod/api, port: \"8080\", expect: Allow}", List.of(
                        "e.yaml:6:42: error: " + e + ".port: \"8080\" is a string, so it names a port, and a port name"
                                + " needs a letter (write the number without quotes: 8080)")),
                Arguments.of("- {from: prod/web, to: prod/api, port: 80.5, expect: Allow}", List.of(
                        "e.yaml:6:42: error: " + e + ".port: expected a port number or name, found the number 80.5")),
                Arguments.of("- {from: prod/web, to: prod/api, port: HTTP, expect: Allow}", List.of(
                        "e.yaml:6:42: error: " + e + ".port: \"HTTP\" is not a valid port name (expected up to 15 lowercase"
                                + " letters, digits and single '-', with at least one letter, e.g. http or metrics)")),
                Arguments.of("- {from: prod/web, to: prod/api, protocol: tcp, expect: Allow}", List.of(
                        "e.yaml:6:46: error: " + e + ".protocol: unknown protocol \"tcp\" (expected TCP, UDP or SCTP)")),
                Arguments.of("- {from: prod/web, to: prod/api, expect: allow}", List.of(
                        "e.yaml:6:44: error: " + e + ".expect: unknown value \"allow\" (expected Allow or Deny; values are"
                                + " case-sensitive)")),
                Arguments.of("- {from: {namespace: prod, cidr: 10.0.0.0/8}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:30: error: " + e + ".from.cidr: may not be combined with namespace, podSelector or"
                                + " namespaceSelector (expected either {cidr: …} for external addresses or selectors for"
                                + " workloads)")),
                Arguments.of("- {from: {namespace: prod, except: [10.0.0.0/8]}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:30: error: " + e + ".from.except: requires cidr (expected except together with cidr)")),
                Arguments.of("- {from: {}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:12: error: " + e + ".from: selects nothing (expected namespace, podSelector,"
                                + " namespaceSelector or cidr; podSelector: {} selects every workload)")),
                Arguments.of("- {from: {namespac: prod}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:13: warning: " + e + ".from.namespac: unknown field \"namespac\" (did you mean"
                                + " \"namespace\"?); it is ignored",
                        "e.yaml:6:12: error: " + e + ".from: selects nothing (expected namespace, podSelector,"
                                + " namespaceSelector or cidr; podSelector: {} selects every workload)")),
                Arguments.of("- {from: {cidr: 10.0.0.0/33}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:19: error: " + e + ".from.cidr: \"10.0.0.0/33\" is not a valid CIDR (expected an address"
                                + " and prefix length such as 10.0.0.0/8 or fd00::/64)")),
                Arguments.of("- {from: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}, to: prod/api, expect: Deny}", List.of(
                        "e.yaml:6:40: error: " + e + ".from.except[0]: 11.0.0.0/16 is not inside cidr 10.0.0.0/8"
                                + " (expected a strict subset of the cidr, e.g. a longer prefix within it)")),
                Arguments.of("- {from: {cidr: 10.0.0.0/8}, to: {cidr: 0.0.0.0/0}, expect: Deny}", List.of(
                        "e.yaml:6:36: error: " + e + ".to: from and to are both CIDRs (expected at least one side to"
                                + " select workloads: connections between external addresses are not analysed)")),
                Arguments.of("- {from: prod/web, to: {cidr: 10.0.0.0/8}, port: http, expect: Allow}", List.of(
                        "e.yaml:6:52: error: " + e + ".port: \"http\" is a port name, which resolves on the destination's"
                                + " pods, but to is a CIDR (expected a port number)")),
                Arguments.of("- {from: {podSelector: {matchExpressions: [{key: app, operator: in, values: [a]}]}}, to: a/b,"
                        + " expect: Deny}", List.of(
                        "e.yaml:6:67: error: " + e + ".from.podSelector.matchExpressions[0].operator: unknown operator"
                                + " \"in\" (expected In, NotIn, Exists or DoesNotExist; operators are case-sensitive)")),
                Arguments.of("- {from: a/b, to: a/c, expect: Deny, expect: Allow}", List.of(
                        "e.yaml:6:40: error: " + e + ".expect: duplicate key \"expect\" (first at line 6)")),
                Arguments.of("- ", List.of(
                        "e.yaml:6:4: error: " + e + ": is empty (expected from, to and expect)")));
    }

    @ParameterizedTest
    @MethodSource("badExpectations")
    void read_badExpectation_reportsExactlyAndSkipsIt(String yaml, List<String> expected) {
        ExpectationsLoad l = read(yaml + "\n- {from: a/b, to: a/c, expect: Deny}");

        assertThat(lines(l)).containsExactlyElementsOf(expected);
        assertThat(l.expectations()).extracting(Object::toString).containsExactly("a/b -> a/c any Deny");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", List.of(
                        "e.yaml:2:7: error: kind: \"ConfigMap\" is not ConnectivityExpectations (an expectations file holds"
                                + " only ConnectivityExpectations objects; manifests go in PATH)")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nmetadata: {name: x}\n", List.of(
                        "e.yaml:1:1: error: kind: is required (expected ConnectivityExpectations)")),
                Arguments.of("apiVersion: stockade.dev/v1\nkind: ConnectivityExpectations\nmetadata: {name: x}\n"
                        + "spec: {expectations: [{from: a/b, to: a/c, expect: Deny}]}\n", List.of(
                        "e.yaml:1:13: error: ConnectivityExpectations x: apiVersion: \"stockade.dev/v1\" is not a version"
                                + " Stockade reads (expected stockade.dev/v1alpha1)")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {}\n"
                        + "spec: {expectations: []}\n", List.of(
                        "e.yaml:3:11: error: ConnectivityExpectations: metadata.name: is required (expected a name for the"
                                + " expectations, e.g. prod-baseline)")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: x}\n",
                        List.of("e.yaml:1:1: error: ConnectivityExpectations x: spec: is required (expected"
                                + " spec.expectations, a list)")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: x}\n"
                        + "spec: {expectation: []}\n", List.of(
                        "e.yaml:4:8: warning: ConnectivityExpectations x: spec.expectation: unknown field \"expectation\""
                                + " (did you mean \"expectations\"?); it is ignored",
                        "e.yaml:4:7: error: ConnectivityExpectations x: spec.expectations: is required (expected a list of"
                                + " expectations)")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: x}\n"
                        + "spec: {expectations: {from: a/b}}\n", List.of(
                        "e.yaml:4:22: error: ConnectivityExpectations x: spec.expectations: expected a list, found a"
                                + " mapping")),
                Arguments.of("apiVersion: stockade.dev/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: x}\n"
                        + "spec: {expectations: []}\n", List.of(
                        "e.yaml:4:22: warning: ConnectivityExpectations x: spec.expectations: is empty (expected at least"
                                + " one expectation); nothing is checked")),
                Arguments.of("kind: ConnectivityExpectations\nmetadata: {name: x\n", List.of(
                        "e.yaml:3:1: error: YAML syntax error: expected ',' or '}', but got <stream end> (while parsing a"
                                + " flow mapping)")),
                Arguments.of("", List.of("e.yaml:1:1: warning: file is empty (no objects)")));
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void read_badDocument_reportsExactly(String yaml, List<String> expected) {
        ExpectationsLoad l = ExpectationsReader.readString("e.yaml", yaml);

        assertThat(lines(l)).containsExactlyElementsOf(expected);
    }
}
