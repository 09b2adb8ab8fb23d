package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one problem per test, each with the exact diagnostic lines users see
 * ({@code file:line:col: error|warning: Kind ns/name: field.path: message}). Every input also
 * goes through {@link #load_anyBadInput_neverThrows}.
 */
class LoaderBadInputTest {
    /** Appended to inputs so that namespace prod is defined (no "used but not defined" warning). */
    private static final String NAMESPACE = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n";

    private static LoadResult load(String yaml) {
        return Loader.loadString("in.yaml", yaml + NAMESPACE);
    }

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** NetworkPolicy prod/np with this spec; the spec's first line is line 7 of the file, column 3. */
    private static String policy(String spec) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: np
                  namespace: prod
                spec:
                """ + spec.indent(2);
    }

    private static List<String> policyNames(LoadResult r) {
        return r.cluster().policies().stream().map(NetworkPolicy::toString).toList();
    }

    private static List<String> workloadNames(LoadResult r) {
        return r.cluster().workloads().stream().map(w -> w.kind() + " " + w).toList();
    }

    // ---------------------------------------------------------------- YAML syntax

    static final String SYNTAX_UNCLOSED_FLOW = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              labels: {app: web
            spec: {}
            """;

    static final String SYNTAX_TAB = "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n";

    static final String SYNTAX_SECOND_DOCUMENT = """
            apiVersion: v1
            kind: Pod
            metadata: {name: first, namespace: prod}
            spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: second, namespace: prod
            """;

    @Nested
    class Syntax {
        @Test
        void load_unclosedFlowMapping_reportsLineAndColumn() {
            LoadResult r = load(SYNTAX_UNCLOSED_FLOW);

            assertThat(lines(r)).containsExactly("in.yaml:6:5: error: YAML syntax error: expected ',' or '}', but"
                    + " got : (while parsing a flow mapping)");
            assertThat(r.objects()).isZero();
        }

        @Test
        void load_tabIndentation_reportsTheTab() {
            LoadResult r = Loader.loadString("in.yaml", SYNTAX_TAB);

            assertThat(lines(r)).containsExactly("in.yaml:4:1: error: YAML syntax error: found character '\\t(TAB)'"
                    + " that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next"
                    + " token)");
        }

        @Test
        void load_syntaxErrorInSecondDocument_keepsTheFirst() {
            LoadResult r = Loader.loadString("in.yaml", SYNTAX_SECOND_DOCUMENT);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:9:1: error: YAML syntax error: expected ',' or '}', but got <stream end> (while parsing"
                            + " a flow mapping)",
                    "in.yaml:1:1: warning: Namespace prod: is used but not defined in the input; it gets only the"
                            + " label kubernetes.io/metadata.name=prod");
            assertThat(workloadNames(r)).containsExactly("Pod prod/first");
        }

        @Test
        void load_controlCharacter_reportsItsPosition() {
            LoadResult r = Loader.loadString("in.yaml", "apiVersion: v1\nkind: Pod\u0000\n");

            assertThat(lines(r)).containsExactly("in.yaml:2:10: error: YAML syntax error: character U+0000 is not"
                    + " allowed (expected printable text)");
        }
    }

    // ---------------------------------------------------------------- wrong types

    static final String TYPES_POLICY = policy("""
            podSelector: []
            policyTypes: Ingress
            ingress:
            - from:
                podSelector: {}
              ports:
              - port: 80
                endPort: "90"
            egress:
              to: []
            """);

    static final String TYPES_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: prod
              labels: {version: 1.0}
            spec:
              hostNetwork: "true"
              containers:
              - name: main
                ports:
                - {containerPort: "8080", name: http}
                image: i
            """;

    @Nested
    class Types {
        @Test
        void load_wrongTypesInPolicy_reportsEachWithFoundAndExpected() {
            LoadResult r = load(TYPES_POLICY);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:7:16: error: NetworkPolicy prod/np: spec.podSelector: expected a mapping (key: value),"
                            + " found a list",
                    "in.yaml:8:16: error: NetworkPolicy prod/np: spec.policyTypes: expected a list, found the string"
                            + " \"Ingress\"",
                    "in.yaml:11:7: error: NetworkPolicy prod/np: spec.ingress[0].from: expected a list, found a mapping",
                    "in.yaml:14:16: error: NetworkPolicy prod/np: spec.ingress[0].ports[0].endPort: expected an"
                            + " integer, found the string \"90\"",
                    "in.yaml:16:5: error: NetworkPolicy prod/np: spec.egress: expected a list, found a mapping");
            assertThat(r.cluster().policies()).isEmpty();
        }

        @Test
        void load_wrongTypesInPod_reportsEachAndSkipsThePod() {
            LoadResult r = load(TYPES_POD);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:21: error: Pod prod/p: metadata.labels.version: expected a string, found the number"
                            + " 1.0 (quote it: \"1.0\")",
                    "in.yaml:8:16: error: Pod prod/p: spec.hostNetwork: expected true or false, found the string"
                            + " \"true\"",
                    "in.yaml:12:23: error: Pod prod/p: spec.containers[0].ports[0].containerPort: expected an"
                            + " integer, found the string \"8080\"");
            assertThat(r.cluster().workloads()).isEmpty();
        }

        @Test
        void load_yamlCoreSchemaScalars_readAsTheirTypes() {
            // YAML 1.2 core schema: True is a boolean, ~ is null, 0x50 is 80
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p, namespace: prod, labels: ~}
                    spec:
                      hostNetwork: True
                      containers: [{name: main, ports: [{containerPort: 0x50}], image: i}]
                    """);

            assertThat(lines(r)).isEmpty();
            Pod pod = r.cluster().workloads().get(0).pods().get(0);
            assertThat(pod.hostNetwork()).isTrue();
            assertThat(pod.ports()).extracting(Object::toString).containsExactly("TCP 80");
        }

        @Test
        void load_templatePlaceholder_isAString() {
            // ${IMAGE} is a plain string to kubectl (the YAML library would tag it as an environment variable)
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      namespace: prod
                      labels:
                        app: ${APP}
                    spec:
                      containers:
                      - name: main
                        image: ${IMAGE}
                    """);

            // read as the string it is: a label value it cannot be, the image is fine
            assertThat(lines(r)).containsExactly("in.yaml:7:10: error: Pod prod/p: metadata.labels.app: \"${APP}\""
                    + " is not a valid label value (expected up to 63 letters, digits, '-', '_' or '.', starting and"
                    + " ending with a letter or digit)");
        }
    }

    // ---------------------------------------------------------------- unknown fields

    static final String UNKNOWN_FIELDS = policy("""
            podSelecter:
              matchLabels: {app: web}
            ingres:
            - from: [{podSelector: {}}]
            egress:
            - to:
              - podSelector: {matchLabel: {app: db}}
                namespaceSelectr: {}
            policyTypes: [Egress]
            frobnicate: 1
            """);

    static final String UNKNOWN_ONLY_FIELD_OF_PEER = policy("""
            podSelector: {}
            ingress:
            - from:
              - namespaceSelectr: {matchLabels: {team: a}}
            """);

    @Nested
    class UnknownFields {
        @Test
        void load_misspelledFields_warnWithSuggestionAndKeepTheObject() {
            LoadResult r = load(UNKNOWN_FIELDS);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:7:3: warning: NetworkPolicy prod/np: spec.podSelecter: unknown field \"podSelecter\""
                            + " (did you mean \"podSelector\"?); it is ignored",
                    "in.yaml:9:3: warning: NetworkPolicy prod/np: spec.ingres: unknown field \"ingres\" (did you"
                            + " mean \"ingress\"?); it is ignored",
                    "in.yaml:16:3: warning: NetworkPolicy prod/np: spec.frobnicate: unknown field \"frobnicate\"; it"
                            + " is ignored",
                    "in.yaml:7:3: warning: NetworkPolicy prod/np: spec.podSelector: is missing (the API requires it;"
                            + " read as {}, which selects every pod in the namespace)",
                    "in.yaml:14:7: warning: NetworkPolicy prod/np: spec.egress[0].to[0].namespaceSelectr: unknown"
                            + " field \"namespaceSelectr\" (did you mean \"namespaceSelector\"?); it is ignored",
                    "in.yaml:13:21: warning: NetworkPolicy prod/np: spec.egress[0].to[0].podSelector.matchLabel:"
                            + " unknown field \"matchLabel\" (did you mean \"matchLabels\"?); it is ignored");
            assertThat(r.cluster().policies()).singleElement().satisfies(p -> {
                assertThat(p.podSelector().selectsAll()).isTrue();
                assertThat(p.ingress()).isEmpty();
                assertThat(p.egress()).singleElement().extracting(rule -> rule.peers().toString())
                        .isEqualTo("[podSelector {}]");
            });
        }

        @Test
        void load_misspelledOnlyFieldOfPeer_leavesAnEmptyPeerAndSkipsThePolicy() {
            LoadResult r = load(UNKNOWN_ONLY_FIELD_OF_PEER);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:10:7: warning: NetworkPolicy prod/np: spec.ingress[0].from[0].namespaceSelectr: unknown"
                            + " field \"namespaceSelectr\" (did you mean \"namespaceSelector\"?); it is ignored",
                    "in.yaml:10:7: error: NetworkPolicy prod/np: spec.ingress[0].from[0]: must specify a peer"
                            + " (expected podSelector, namespaceSelector or ipBlock)");
            assertThat(r.cluster().policies()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- label selectors

    static final String SELECTOR_PROBLEMS = policy("""
            podSelector:
              matchLabels:
                "bad key!": x
                app: "bad value!"
                Example.com/x: y
              matchExpressions:
              - {key: tier, operator: in, values: [a]}
              - {key: tier, operator: In}
              - {key: tier, operator: In, values: []}
              - {key: tier, operator: Exists, values: [a]}
              - {key: tier, operator: NotIn, values: [3]}
              - {operator: Exists}
              - {key: tier}
              - {key: tier, operator: In, values: {a: b}}
              - {key: tier, operator: In, values: [~]}  # null reads as "", a valid value
            """);

    @Nested
    class Selectors {
        @Test
        void load_invalidSelector_reportsEveryKeyValueAndOperatorProblem() {
            LoadResult r = load(SELECTOR_PROBLEMS);

            String key = " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or"
                    + " digit, with an optional DNS prefix and '/')";
            String value = " (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter"
                    + " or digit)";
            String np = "NetworkPolicy prod/np: spec.podSelector.";
            assertThat(lines(r)).containsExactly(
                    "in.yaml:9:7: error: " + np + "matchLabels.bad key!: \"bad key!\" is not a valid label key" + key,
                    "in.yaml:10:12: error: " + np + "matchLabels.app: \"bad value!\" is not a valid label value" + value,
                    "in.yaml:11:7: error: " + np + "matchLabels.Example.com/x: label key prefix \"Example.com\" is not"
                            + " a DNS subdomain (expected e.g. example.com/name)",
                    // y is a boolean to kubectl (YAML 1.1)
                    "in.yaml:11:22: error: " + np + "matchLabels.Example.com/x: y is read as the boolean true by"
                            + " kubectl (YAML 1.1), not as a string (quote it: \"y\")",
                    "in.yaml:13:29: error: " + np + "matchExpressions[0].operator: unknown operator \"in\" (expected"
                            + " In, NotIn, Exists or DoesNotExist; operators are case-sensitive)",
                    "in.yaml:14:7: error: " + np + "matchExpressions[1].values: must be non-empty when operator is In"
                            + " (expected at least one value)",
                    "in.yaml:15:7: error: " + np + "matchExpressions[2].values: must be non-empty when operator is In"
                            + " (expected at least one value)",
                    "in.yaml:16:45: error: " + np + "matchExpressions[3].values: must be empty when operator is Exists"
                            + " (expected no values)",
                    "in.yaml:17:45: error: " + np + "matchExpressions[4].values[0]: expected a string, found the"
                            + " number 3 (quote it: \"3\")",
                    "in.yaml:18:7: error: " + np + "matchExpressions[5].key: is required (expected a label key)",
                    "in.yaml:19:7: error: " + np + "matchExpressions[6].operator: is required (expected In, NotIn,"
                            + " Exists or DoesNotExist)",
                    "in.yaml:20:41: error: " + np + "matchExpressions[7].values: expected a list, found a mapping");
            assertThat(r.cluster().policies()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- ipBlocks

    static final String IPBLOCK_PROBLEMS = policy("""
            podSelector: {}
            ingress:
            - from:
              - ipBlock: {cidr: 10.0.0.0/33}
              - ipBlock: {cidr: 10.0.0.0}
              - ipBlock:
                  cidr: 10.0.0.0/8
                  except: [192.168.0.0/16, 10.0.0.0/8, 10.0.0.0/7, fd00::/64, 10.1.0.0/16]
              - ipBlock: {except: [10.0.0.0/16]}
            """);

    @Nested
    class IpBlocks {
        @Test
        void load_badCidrsAndExcepts_reportEachWithTheFieldPath() {
            LoadResult r = load(IPBLOCK_PROBLEMS);

            String from = "NetworkPolicy prod/np: spec.ingress[0].from";
            String strict = " (expected a strict subset of the cidr, e.g. a longer prefix within it)";
            assertThat(lines(r)).containsExactly(
                    "in.yaml:10:23: error: " + from + "[0].ipBlock.cidr: \"10.0.0.0/33\" is not a valid CIDR"
                            + " (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)",
                    "in.yaml:11:23: error: " + from + "[1].ipBlock.cidr: \"10.0.0.0\" is not a valid CIDR"
                            + " (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)",
                    "in.yaml:14:18: error: " + from + "[2].ipBlock.except[0]: 192.168.0.0/16 is not inside cidr"
                            + " 10.0.0.0/8" + strict,
                    "in.yaml:14:34: error: " + from + "[2].ipBlock.except[1]: 10.0.0.0/8 is the whole cidr"
                            + " 10.0.0.0/8, so the ipBlock matches nothing" + strict,
                    "in.yaml:14:46: error: " + from + "[2].ipBlock.except[2]: 10.0.0.0/7 is not inside cidr"
                            + " 10.0.0.0/8" + strict,
                    "in.yaml:14:58: error: " + from + "[2].ipBlock.except[3]: fd00::/64 is not inside cidr"
                            + " 10.0.0.0/8" + strict,
                    "in.yaml:15:16: error: " + from + "[3].ipBlock.cidr: is required (expected a CIDR such as"
                            + " 10.0.0.0/8)");
            assertThat(r.cluster().policies()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- ports and protocols

    static final String PORT_PROBLEMS = policy("""
            podSelector: {}
            ingress:
            - ports:
              - port: 0
              - port: 70000
              - endPort: 90
              - {port: 90, endPort: 80}
              - {port: http, endPort: 90}
              - port: "80"
              - port: Http_Port
              - {port: 80, endPort: 70000}
              - port: ""
              - {port: 80, protocol: tcp}
              - {port: 80, protocol: ICMP}
            """);

    @Nested
    class Ports {
        @Test
        void load_badPorts_reportEachWithTheFieldPath() {
            LoadResult r = load(PORT_PROBLEMS);

            String ports = "NetworkPolicy prod/np: spec.ingress[0].ports";
            assertThat(lines(r)).containsExactly(
                    "in.yaml:10:13: error: " + ports + "[0].port: 0 is out of range (expected 1-65535)",
                    "in.yaml:11:13: error: " + ports + "[1].port: 70000 is out of range (expected 1-65535)",
                    "in.yaml:12:16: error: " + ports + "[2].endPort: requires port (expected port to be set to the"
                            + " first port of the range)",
                    "in.yaml:13:27: error: " + ports + "[3].endPort: 80 is below port 90 (expected endPort >= port)",
                    "in.yaml:14:29: error: " + ports + "[4].endPort: may not be used with a named port (expected a"
                            + " numeric port)",
                    "in.yaml:15:13: error: " + ports + "[5].port: \"80\" is a string, so it names a port, and a port"
                            + " name needs a letter (write the number without quotes: 80)",
                    "in.yaml:16:13: error: " + ports + "[6].port: \"Http_Port\" is not a valid port name (expected up"
                            + " to 15 lowercase letters, digits and single '-', with at least one letter, e.g. http or"
                            + " metrics)",
                    "in.yaml:17:27: error: " + ports + "[7].endPort: 70000 is out of range (expected 1-65535)",
                    "in.yaml:18:13: error: " + ports + "[8].port: is empty (expected a port number 1-65535 or a port"
                            + " name such as http)",
                    "in.yaml:19:28: error: " + ports + "[9].protocol: unknown protocol \"tcp\" (expected TCP, UDP or"
                            + " SCTP)",
                    "in.yaml:20:28: error: " + ports + "[10].protocol: unknown protocol \"ICMP\" (expected TCP, UDP"
                            + " or SCTP)");
            assertThat(r.cluster().policies()).isEmpty();
        }

        @Test
        void load_endPortBelowPort_reportsFieldPath() {
            LoadResult r = load(policy("""
                    podSelector: {}
                    egress:
                    - ports:
                      - port: 8080
                        endPort: 80
                    """));

            assertThat(lines(r)).containsExactly("in.yaml:11:16: error: NetworkPolicy prod/np:"
                    + " spec.egress[0].ports[0].endPort: 80 is below port 8080 (expected endPort >= port)");
        }
    }

    // ---------------------------------------------------------------- peers

    static final String PEER_PROBLEMS = policy("""
            podSelector: {}
            ingress:
            - from:
              - ipBlock: {cidr: 10.0.0.0/8}
                podSelector: {}
              - {}
              -
            """);

    @Nested
    class Peers {
        @Test
        void load_ipBlockWithSelectorEmptyPeerAndNullPeer_reportEach() {
            LoadResult r = load(PEER_PROBLEMS);

            String from = "NetworkPolicy prod/np: spec.ingress[0].from";
            assertThat(lines(r)).containsExactly(
                    "in.yaml:10:7: error: " + from + "[0].ipBlock: may not be combined with podSelector or"
                            + " namespaceSelector (expected either an ipBlock or selectors; use two peers for both)",
                    "in.yaml:12:7: error: " + from + "[1]: must specify a peer (expected podSelector,"
                            + " namespaceSelector or ipBlock)",
                    "in.yaml:13:6: error: " + from + "[2]: must specify a peer (expected podSelector,"
                            + " namespaceSelector or ipBlock)");
            assertThat(r.cluster().policies()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- objects

    static final String SEVERAL_PROBLEMS = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: broken, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: "a b"}}
              ingress:
              - ports: [{port: 0}, {protocol: tcp}]
                from: [{}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: good, namespace: prod}
            spec:
              podSelector: {}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: prod}
            spec: {hostNetwork: 1, containers: [{name: c, image: i}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {namespace: prod}
            spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: q, namespace: prod}
            spec: {containers: [{name: c, image: i}]}
            """;

    static final String LISTS = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: prod}
            - apiVersion: v1
              kind: Pod
              metadata: {name: p, namespace: prod}
              spec: {containers: [{name: c, image: i}]}
            - 42
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicyList
              items:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: prod}
                spec: {podSelector: {}}
            """;

    static final String DUPLICATE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: prod, labels: {v: one}}
            spec: {containers: [{name: c, image: i}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: prod, labels: {v: two}}
            spec: {containers: [{name: c, image: i}]}
            """;

    static final String DUPLICATE_KEY = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: prod
              name: q
            spec: {containers: [{name: c, image: i}]}
            """;

    @Nested
    class Objects {
        @Test
        void load_severalProblemsInOneFile_reportsAllAndKeepsTheGoodObjects() {
            LoadResult r = load(SEVERAL_PROBLEMS);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:5:36: error: NetworkPolicy prod/broken: spec.podSelector.matchLabels.app: \"a b\" is not"
                            + " a valid label value (expected up to 63 letters, digits, '-', '_' or '.', starting and"
                            + " ending with a letter or digit)",
                    "in.yaml:8:12: error: NetworkPolicy prod/broken: spec.ingress[0].from[0]: must specify a peer"
                            + " (expected podSelector, namespaceSelector or ipBlock)",
                    "in.yaml:7:20: error: NetworkPolicy prod/broken: spec.ingress[0].ports[0].port: 0 is out of"
                            + " range (expected 1-65535)",
                    "in.yaml:7:35: error: NetworkPolicy prod/broken: spec.ingress[0].ports[1].protocol: unknown"
                            + " protocol \"tcp\" (expected TCP, UDP or SCTP)",
                    "in.yaml:19:21: error: Pod prod/p: spec.hostNetwork: expected true or false, found the number 1",
                    "in.yaml:23:11: error: Pod prod/?: metadata.name: is required (expected the object's name)");
            assertThat(policyNames(r)).containsExactly("prod/good");
            assertThat(workloadNames(r)).containsExactly("Pod prod/q");
            assertThat(r.objects()).isEqualTo(6);
        }

        @Test
        void load_listAndTypedList_readTheirItems() {
            LoadResult r = Loader.loadString("in.yaml", LISTS);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:11:3: error: items[2]: expected a mapping (key: value), found the number 42");
            assertThat(workloadNames(r)).containsExactly("Pod prod/p");
            assertThat(policyNames(r)).containsExactly("prod/np");
            assertThat(r.cluster().namespaces()).extracting(n -> n.name() + " declared=" + n.declared())
                    .containsExactly("prod declared=true");
        }

        @Test
        void load_duplicateObjectInOneFile_warnsWithBothLocationsAndKeepsTheLast() {
            LoadResult r = load(DUPLICATE);

            assertThat(lines(r)).containsExactly("in.yaml:6:1: warning: Pod prod/p: defined twice (also at"
                    + " in.yaml:1:1); the last definition wins");
            assertThat(r.cluster().workloads()).singleElement()
                    .extracting(w -> w.pods().get(0).labels().toString()).isEqualTo("v=two");
        }

        @Test
        void load_duplicateObjectInTwoFiles_warnsWithBothFilesAndKeepsTheLast(@TempDir Path dir) throws IOException {
            Path one = Files.writeString(dir.resolve("1.yaml"), """
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: prod}
                    spec: {podSelector: {matchLabels: {app: one}}}
                    """);
            Path two = Files.writeString(dir.resolve("2.yaml"), NAMESPACE + """
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: np, namespace: prod}
                    spec: {podSelector: {matchLabels: {app: two}}}
                    """);

            LoadResult r = Loader.load(List.of(one.toString(), two.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(two + ":6:1: warning: NetworkPolicy prod/np: defined twice (also at "
                    + one + ":1:1); the last definition wins");
            assertThat(r.cluster().policies()).singleElement()
                    .extracting(p -> p.podSelector().toString()).isEqualTo("app=two");
        }

        @Test
        void load_duplicateKey_isAnError() {
            LoadResult r = load(DUPLICATE_KEY);

            assertThat(lines(r)).containsExactly("in.yaml:6:3: error: Pod prod/p: metadata.name: duplicate key \"name\" (first at"
                    + " line 4)");
            assertThat(r.cluster().workloads()).isEmpty();
        }

        @Test
        void load_multiDocumentStream_readsEveryDocumentAndCountsSkippedKinds() {
            LoadResult r = Loader.loadString("in.yaml", """
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: prod}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: web, namespace: prod}
                    ---
                    # a comment-only document
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, namespace: prod}
                    spec:
                      selector: {matchLabels: {app: web}}
                      template:
                        metadata: {labels: {app: web}}
                        spec: {containers: [{name: main, image: i}]}
                    ...
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(workloadNames(r)).containsExactly("Deployment prod/web");
            assertThat(r.skippedKinds()).containsExactly(java.util.Map.entry("ConfigMap (v1)", 1));
            assertThat(r.objects()).isEqualTo(3);
        }

        @Test
        void load_json_readsLikeYaml() {
            LoadResult r = Loader.loadString("in.yaml", """
                    {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                     "metadata": {"name": "np", "namespace": "prod"},
                     "spec": {"podSelector": {"matchLabels": {"app": "web"}},
                              "ingress": [{"ports": [{"port": 70000}]}]}}
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:4:43: error: NetworkPolicy prod/np:"
                    + " spec.ingress[0].ports[0].port: 70000 is out of range (expected 1-65535)");
        }

        @Test
        void load_jsonSyntaxError_reportsWhere() {
            LoadResult r = Loader.loadString("in.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n"
                    + " \"metadata\": {\"name\": \"p\",}\n");

            // read as JSON, strictly, as kubectl reads an input that starts with {
            assertThat(lines(r)).containsExactly("in.json:2:26: error: JSON syntax error: trailing comma before }"
                    + " (not allowed in JSON)");
        }

        @Test
        void load_knownKindFromAnotherApiGroup_warnsAndSkipsIt() {
            LoadResult r = load("""
                    apiVersion: projectcalico.org/v3
                    kind: NetworkPolicy
                    metadata: {name: calico, namespace: prod}
                    spec: {selector: all()}
                    ---
                    kind: Deployment
                    metadata: {name: web}
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:1:13: warning: NetworkPolicy prod/calico: apiVersion: \"projectcalico.org/v3\" is not an"
                            + " API group Stockade reads NetworkPolicy from (expected networking.k8s.io/v1); the"
                            + " object is skipped",
                    "in.yaml:6:1: warning: Deployment default/web: apiVersion: is missing (expected apps/v1); the"
                            + " object is skipped");
            assertThat(r.skippedKinds()).containsOnly(java.util.Map.entry("NetworkPolicy (projectcalico.org/v3)", 1),
                    java.util.Map.entry("Deployment", 1));
        }

        @Test
        void load_objectWithoutKind_isAnError() {
            LoadResult r = load("apiVersion: v1\nmetadata: {name: x}\n");

            assertThat(lines(r)).containsExactly("in.yaml:1:1: error: x: kind: is required (expected a Kubernetes"
                    + " object with apiVersion and kind)");
        }
    }

    // ---------------------------------------------------------------- files and inputs

    @Nested
    class Inputs {
        @Test
        void load_emptyFile_warns() {
            assertThat(lines(Loader.loadString("in.yaml", ""))).containsExactly(
                    "in.yaml:1:1: warning: file is empty (no objects)");
            assertThat(lines(Loader.loadString("in.yaml", " \n\n"))).containsExactly(
                    "in.yaml:1:1: warning: file is empty (no objects)");
        }

        @Test
        void load_onlyCommentsOrDocumentMarkers_warnsNoObjects() {
            assertThat(lines(Loader.loadString("in.yaml", "# just a comment\n  # another\n"))).containsExactly(
                    "in.yaml:1:1: warning: file has no objects");
            assertThat(lines(Loader.loadString("in.yaml", "---\n---\n"))).containsExactly(
                    "in.yaml:1:1: warning: file has no objects");
            assertThat(lines(Loader.loadString("in.yaml", "~\n"))).containsExactly(
                    "in.yaml:1:1: warning: file has no objects");
        }

        @Test
        void load_commentOnlyFileAfterABrokenFile_stillWarns(@TempDir Path dir) throws IOException {
            Path broken = Files.writeString(dir.resolve("a.yaml"), "kind: [\n");
            Path comments = Files.writeString(dir.resolve("b.yaml"), "# nothing here\n");

            LoadResult r = Loader.load(List.of(broken.toString(), comments.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(
                    broken + ":2:1: error: YAML syntax error: expected the node content, but found '<stream end>'"
                            + " (while parsing a flow node)",
                    comments + ":1:1: warning: file has no objects");
        }

        @Test
        void load_directoryWithoutManifests_warns(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("README.md"), "kind: Pod\n");

            LoadResult r = Loader.load(List.of(dir.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(dir + ": warning: directory has no .yaml, .yml or .json files");
            assertThat(r.files()).isZero();
        }

        @Test
        void load_directory_readsManifestsRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
            Files.createDirectory(dir.resolve("sub"));
            Files.writeString(dir.resolve("b.yml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: prod}\n"
                    + "spec: {containers: [{name: c, image: i}]}\n");
            Files.writeString(dir.resolve("sub/a.JSON"),
                    "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\", \"namespace\": \"prod\"},"
                    + " \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"i\"}]}}");
            Files.writeString(dir.resolve("ns.yaml"), NAMESPACE);
            Files.writeString(dir.resolve("notes.txt"), "not: read");

            LoadResult r = Loader.load(List.of(dir.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).isEmpty();
            assertThat(r.files()).isEqualTo(3);
            assertThat(workloadNames(r)).containsExactly("Pod prod/b", "Pod prod/a");
        }

        @Test
        void load_missingPath_isAnErrorAndOtherInputsStillLoad(@TempDir Path dir) throws IOException {
            Path good = Files.writeString(dir.resolve("good.yaml"), NAMESPACE);
            String missing = dir.resolve("nope.yaml").toString();

            LoadResult r = Loader.load(List.of(missing, good.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(missing + ": error: no such file or directory");
            assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
        }

        @Test
        void load_latin1File_reportsTheFirstBadByte(@TempDir Path dir) throws IOException {
            Path f = dir.resolve("latin1.yaml");
            Files.write(f, "apiVersion: v1\nkind: Pod\nmetadata: {name: caf\u00e9}\n"
                    .getBytes(StandardCharsets.ISO_8859_1));

            LoadResult r = Loader.load(List.of(f.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(f + ":3:21: error: file is not UTF-8 text: byte 0xE9 is not valid"
                    + " here (expected a YAML or JSON manifest in UTF-8)");
        }

        @Test
        void load_utf16File_saysSo(@TempDir Path dir) throws IOException {
            Path f = dir.resolve("utf16.yaml");
            Files.write(f, "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n".getBytes(StandardCharsets.UTF_16LE));
            byte[] bom = {(byte) 0xFF, (byte) 0xFE};
            byte[] body = Files.readAllBytes(f);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, 2);
            System.arraycopy(body, 0, all, 2, body.length);
            Files.write(f, all);

            LoadResult r = Loader.load(List.of(f.toString()), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly(f + ": error: file is UTF-16 text (expected UTF-8; save it as"
                    + " UTF-8)");
        }

        @Test
        void load_stdinDash_readsStandardInput() {
            InputStream in = new ByteArrayInputStream((NAMESPACE + """
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p, namespace: prod}
                    spec: {containers: [{name: main, ports: [{containerPort: 0}], image: i}]}
                    """).getBytes(StandardCharsets.UTF_8));

            LoadResult r = Loader.load(List.of("-"), in);

            assertThat(lines(r)).containsExactly("<stdin>:9:58: error: Pod prod/p:"
                    + " spec.containers[0].ports[0].containerPort: 0 is out of range (expected 1-65535)");
            assertThat(r.files()).isEqualTo(1);
        }

        @Test
        void load_emptyStdin_warns() {
            LoadResult r = Loader.load(List.of("-"), InputStream.nullInputStream());

            assertThat(lines(r)).containsExactly("<stdin>:1:1: warning: file is empty (no objects)");
        }
    }

    // ---------------------------------------------------------------- hostile input

    static final String BILLION_LAUGHS = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

    /** Nine nested Lists of nine items each: 9^9 Pods that readers would walk, in 81 aliases. */
    static final String LIST_BOMB = listBomb();

    private static String listBomb() {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: List\nanchors:\n");
        sb.append("- &l0 {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: prod}}\n");
        for (int i = 1; i <= 9; i++) {
            sb.append("- &l").append(i).append(" {apiVersion: v1, kind: List, items: [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            sb.append("]}\n");
        }
        return sb.append("items: [*l9]\n").toString();
    }

    static final String RECURSIVE_LIST = """
            apiVersion: v1
            kind: List
            items: &a
            - {apiVersion: v1, kind: List, items: *a}
            """;

    static final String TOO_MANY_ALIASES = "a: &a [x]\nb: [" + "*a, ".repeat(200) + "*a]\n";

    static final String DEEP_NESTING = "[".repeat(100_000);

    @Nested
    class Hostile {
        @Test
        void load_billionLaughs_isRefusedQuickly() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", BILLION_LAUGHS));

            assertThat(lines(r)).containsExactly("in.yaml:1:1: error: YAML aliases expand this document from 28 to"
                    + " 490329064 nodes (expected at most 100000 more; this looks like a \"billion laughs\" YAML bomb)");
        }

        @Test
        void load_listOfListsBomb_isRefusedBeforeReadingAnyObject() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", LIST_BOMB));

            assertThat(lines(r)).containsExactly("in.yaml:1:1: error: YAML aliases expand this document from 83 to"
                    + " 9776313900 nodes (expected at most 100000 more; this looks like a \"billion laughs\" YAML bomb)");
            assertThat(r.objects()).isZero();
        }

        @Test
        void load_fewAliases_areExpanded() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: List
                    items:
                    - apiVersion: v1
                      kind: Pod
                      metadata: {name: p, namespace: prod, labels: &labels {app: web}}
                      spec: {containers: &containers [{name: main, ports: [{name: http, containerPort: 80}], image: i}]}
                    - apiVersion: v1
                      kind: Pod
                      metadata: {name: q, namespace: prod, labels: *labels}
                      spec: {containers: *containers}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(r.cluster().workloads()).extracting(w -> w + " " + w.pods().get(0).labels() + " "
                    + w.pods().get(0).ports()).containsExactly("prod/p app=web [http=TCP 80]",
                    "prod/q app=web [http=TCP 80]");
        }

        @Test
        void load_tooManyAliases_isRefused() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", TOO_MANY_ALIASES));

            assertThat(lines(r)).containsExactly("in.yaml: error: YAML error: too many aliases (more than 100;"
                    + " this looks like a YAML bomb)");
        }

        @Test
        void load_recursiveAlias_isRefused() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", RECURSIVE_LIST));

            assertThat(lines(r)).containsExactly("in.yaml:3:8: error: YAML anchor &a is used inside itself (expected"
                    + " a tree; a recursive alias never ends)");
        }

        @Test
        void load_deepNesting_isAClearErrorNotAStackOverflow() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", DEEP_NESTING));

            // an input that starts with [ is read as JSON
            assertThat(lines(r)).containsExactly("in.yaml:1:201: error: JSON nesting is deeper than 200 levels"
                    + " (expected a Kubernetes manifest)");
        }

        @Test
        void load_deepNestingInsideAnObject_keepsEarlierObjects() {
            LoadResult r = assertQuick(() -> Loader.loadString("in.yaml", NAMESPACE + "---\nkind: Pod\nspec: "
                    + "{a: ".repeat(50_000)));

            assertThat(lines(r)).containsExactly("in.yaml:7:803: error: YAML nesting is deeper than 200 levels"
                    + " (expected a Kubernetes manifest)");
            assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
        }

        private static LoadResult assertQuick(java.util.function.Supplier<LoadResult> load) {
            LoadResult[] out = new LoadResult[1];
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                out[0] = load.get();
            });
            return out[0];
        }
    }

    // ---------------------------------------------------------------- workloads

    static final String DEPLOYMENT_WITHOUT_TEMPLATE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: prod}
            spec:
              selector: {matchLabels: {app: web}}
              templte:
                metadata: {labels: {app: web}}
            """;

    static final String CRONJOB_WITHOUT_JOB_TEMPLATE = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: prod}
            spec:
              schedule: "0 3 * * *"
            """;

    @Nested
    class Workloads {
        @Test
        void load_deploymentWithMisspelledTemplate_reportsTheMissingTemplate() {
            LoadResult r = load(DEPLOYMENT_WITHOUT_TEMPLATE);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:6:3: warning: Deployment prod/web: spec.templte: unknown field \"templte\" (did you mean"
                            + " \"template\"?); it is ignored",
                    "in.yaml:5:3: error: Deployment prod/web: spec.template: is required (expected a pod template with"
                            + " metadata.labels and spec)");
            assertThat(r.cluster().workloads()).isEmpty();
        }

        @Test
        void load_podWithoutSpec_isRefusedAtTheObjectAndTheRestStillLoads() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: bare, namespace: prod}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: web, namespace: prod}
                    spec:
                      containers:
                      - name: app
                    """);

            assertThat(lines(r)).containsExactly(
                    "in.yaml:1:1: error: Pod prod/bare: spec.containers: is required (expected at least one container"
                            + " with a name and an image, e.g. [{name: app, image: nginx}])",
                    "in.yaml:10:5: error: Pod prod/web: spec.containers[0].image: is required (expected the"
                            + " container's image, e.g. nginx:1.27)");
            assertThat(r.cluster().workloads()).isEmpty();
            assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
        }

        @Test
        void load_ownerReferences_theControllingOneOwnsThePodWhateverItsPlace() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: db-0
                      namespace: prod
                      ownerReferences:
                      - {apiVersion: v1, kind: Node, name: n1, uid: a1}
                      - {apiVersion: apps/v1, kind: ReplicaSet, name: other, uid: a2}
                      - {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: a3, controller: true}
                    spec: {containers: [{name: c, image: i}]}
                    """);

            assertThat(lines(r)).isEmpty();
            assertThat(workloadNames(r)).containsExactly("StatefulSet prod/db");
        }

        @Test
        void load_cronJobWithoutJobTemplate_reportsTheMissingTemplate() {
            LoadResult r = load(CRONJOB_WITHOUT_JOB_TEMPLATE);

            assertThat(lines(r)).containsExactly("in.yaml:5:3: error: CronJob prod/nightly:"
                    + " spec.jobTemplate.spec.template: is required (expected a pod template with metadata.labels and"
                    + " spec)");
        }

        @Test
        void load_cronJobWithJobTemplateOfWrongType_reportsOnlyTheType() {
            LoadResult r = load(CRONJOB_WITHOUT_JOB_TEMPLATE.replace("schedule: \"0 3 * * *\"", "jobTemplate: [1]"));

            assertThat(lines(r)).containsExactly("in.yaml:5:16: error: CronJob prod/nightly: spec.jobTemplate:"
                    + " expected a mapping (key: value), found a list");
        }

        @Test
        void load_podWithOneBadContainerPort_isSkippedWhole() {
            LoadResult r = load("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: p, namespace: prod}
                    spec:
                      containers:
                      - name: main
                        ports: [{name: http, containerPort: 80}, {name: Bad_Name, containerPort: 81}]
                        image: i
                    """);

            assertThat(lines(r)).containsExactly("in.yaml:7:53: error: Pod prod/p: spec.containers[0].ports[1].name:"
                    + " \"Bad_Name\" is not a valid port name (expected up to 15 lowercase letters, digits and single"
                    + " '-', with at least one letter, e.g. http or metrics)");
            assertThat(r.cluster().workloads()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- never throws

    /** A valid input touching most of what the loader reads; mutated and truncated below. */
    static final String RICH = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: prod, labels: {team: a}}
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: cj, namespace: prod}
              spec:
                schedule: "* * * * *"
                jobTemplate:
                  spec:
                    template:
                      metadata: {labels: {app: cj}}
                      spec: {containers: [{name: c, ports: [{containerPort: 80, name: http}], image: i}]}
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web-1
                namespace: prod
                labels: {app: web}
                ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-rs, controller: true, uid: u}]
              spec: {hostNetwork: false, containers: [{name: c, ports: [{containerPort: 8080, name: http, protocol: TCP}], image: i}]}
              status: {podIP: 10.1.2.3, podIPs: [{ip: 10.1.2.3}, {ip: "fd00::3"}]}
            - apiVersion: apps/v1
              kind: ReplicaSet
              metadata:
                name: web-rs
                namespace: prod
                ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u}]
              spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: np, namespace: prod}
              spec:
                podSelector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [a, b]}]}
                policyTypes: [Ingress, Egress]
                ingress:
                - from:
                  - namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}
                    podSelector: {matchLabels: {app: cj}}
                  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
                  - ipBlock: {cidr: "fd00::/8", except: ["fd00::/64"]}
                  ports: [{port: http}, {port: 80, endPort: 90, protocol: UDP}, {protocol: SCTP}]
                egress:
                - to: [{podSelector: {}}]
                  ports: [{port: 53, protocol: UDP}, {port: http}]
                - {}
            """;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("SYNTAX_UNCLOSED_FLOW", SYNTAX_UNCLOSED_FLOW),
                Arguments.of("SYNTAX_TAB", SYNTAX_TAB),
                Arguments.of("SYNTAX_SECOND_DOCUMENT", SYNTAX_SECOND_DOCUMENT),
                Arguments.of("TYPES_POLICY", TYPES_POLICY),
                Arguments.of("TYPES_POD", TYPES_POD),
                Arguments.of("UNKNOWN_FIELDS", UNKNOWN_FIELDS),
                Arguments.of("UNKNOWN_ONLY_FIELD_OF_PEER", UNKNOWN_ONLY_FIELD_OF_PEER),
                Arguments.of("SELECTOR_PROBLEMS", SELECTOR_PROBLEMS),
                Arguments.of("IPBLOCK_PROBLEMS", IPBLOCK_PROBLEMS),
                Arguments.of("PORT_PROBLEMS", PORT_PROBLEMS),
                Arguments.of("PEER_PROBLEMS", PEER_PROBLEMS),
                Arguments.of("SEVERAL_PROBLEMS", SEVERAL_PROBLEMS),
                Arguments.of("LISTS", LISTS),
                Arguments.of("DUPLICATE", DUPLICATE),
                Arguments.of("DUPLICATE_KEY", DUPLICATE_KEY),
                Arguments.of("BILLION_LAUGHS", BILLION_LAUGHS),
                Arguments.of("LIST_BOMB", LIST_BOMB),
                Arguments.of("RECURSIVE_LIST", RECURSIVE_LIST),
                Arguments.of("TOO_MANY_ALIASES", TOO_MANY_ALIASES),
                Arguments.of("DEEP_NESTING", DEEP_NESTING),
                Arguments.of("DEPLOYMENT_WITHOUT_TEMPLATE", DEPLOYMENT_WITHOUT_TEMPLATE),
                Arguments.of("CRONJOB_WITHOUT_JOB_TEMPLATE", CRONJOB_WITHOUT_JOB_TEMPLATE),
                Arguments.of("empty", ""),
                Arguments.of("comments", "# only\n"),
                Arguments.of("scalar", "hello"),
                Arguments.of("list at top", "- a\n- b\n"),
                Arguments.of("kind only", "kind: NetworkPolicy\n"),
                Arguments.of("kind is a list", "kind: [NetworkPolicy]\n"),
                Arguments.of("null spec", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n"),
                Arguments.of("items not a list", "apiVersion: v1\nkind: List\nitems: {a: 1}\n"),
                Arguments.of("mapping keys", "? [a]\n: b\n"),
                Arguments.of("owner references", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences:"
                        + " [1, {kind: Node}, {name: x}, {kind: ReplicaSet, name: p, controller: maybe}]\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void load_anyBadInput_neverThrows(String name, String yaml) {
        assertThatCode(() -> {
            LoadResult r = Loader.loadString("in.yaml", yaml);
            assertThat(r.diagnostics()).as("every bad input is reported").isNotEmpty();
        }).doesNotThrowAnyException();
    }

    @Test
    void load_richInput_loadsCleanly() {
        LoadResult r = Loader.loadString("in.yaml", RICH);

        assertThat(lines(r)).isEmpty();
        assertThat(workloadNames(r)).containsExactly("CronJob prod/cj", "Deployment prod/web");
        assertThat(policyNames(r)).containsExactly("prod/np");
    }

    @Test
    void load_everyPrefixOfAValidInput_neverThrows() {
        for (int i = 0; i <= RICH.length(); i++) {
            String prefix = RICH.substring(0, i);
            assertThatCode(() -> loadAndAnalyze(prefix)).as("prefix of length %d", i).doesNotThrowAnyException();
        }
    }

    @Test
    void load_randomlyMutatedInputs_neverThrow() {
        String alphabet = "{}[]:,-&*!|>'\"#%@` \n\t0123456789abc~?/.";
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder(RICH);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> sb.insert(random.nextInt(sb.length()), sb.substring(at, Math.min(sb.length(),
                            at + random.nextInt(40))));
                    default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String mutated = sb.toString();
            assertThatCode(() -> loadAndAnalyze(mutated)).as("mutation %d:%n%s", n, mutated)
                    .doesNotThrowAnyException();
        }
    }

    /** Whatever the loader accepts, the engine analyzes, in both ipBlock modes. */
    private static void loadAndAnalyze(String yaml) {
        LoadResult r = Loader.loadString("in.yaml", yaml);
        new Analyzer(AnalysisOptions.DEFAULT).analyze(r.cluster());
        new Analyzer(new AnalysisOptions(false)).analyze(r.cluster());
    }
}
