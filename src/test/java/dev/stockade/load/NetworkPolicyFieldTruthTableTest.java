package dev.stockade.load;

import static dev.stockade.load.ConnectivityTable.allowed;
import static dev.stockade.load.ConnectivityTable.assertTable;
import static dev.stockade.model.Protocol.SCTP;
import static dev.stockade.model.Protocol.TCP;
import static dev.stockade.model.Protocol.UDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.model.Namespace;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One NetworkPolicy field at a time, through the loader and the engine: each test adds a policy
 * (or a pod) to a small cluster written as YAML, varies one field of the API and checks the
 * resulting connectivity as a truth table (rows sources, columns destinations).
 *
 * <p>The cluster: namespaces {@code x} ({@code team=red}) and {@code y} ({@code team=blue}), and
 * four pods, each with a named port {@code http} that means a different number per pod:
 * <pre>
 *   x/a  app=a tier=web  http=TCP 80,  dns=UDP 53   10.0.0.1
 *   x/b  app=b           http=TCP 8080              10.0.0.2
 *   y/a  app=a tier=db   http=TCP 81                10.0.1.1
 *   y/b  app=b tier=web  http=UDP 80                10.0.1.2
 * </pre>
 */
class NetworkPolicyFieldTruthTableTest {
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: x, labels: {team: red}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: "y", labels: {team: blue}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: x, labels: {app: a, tier: web}}
            spec:
              containers:
              - name: main
                ports:
                - {name: http, containerPort: 80}
                - {name: dns, containerPort: 53, protocol: UDP}
                image: i
            status: {podIP: 10.0.0.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: x, labels: {app: b}}
            spec:
              containers:
              - name: main
                ports: [{name: http, containerPort: 8080}]
                image: i
            status: {podIP: 10.0.0.2}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: "y", labels: {app: a, tier: db}}
            spec:
              containers:
              - name: main
                ports: [{name: http, containerPort: 81}]
                image: i
            status: {podIP: 10.0.1.1}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: "y", labels: {app: b, tier: web}}
            spec:
              containers:
              - name: main
                ports: [{name: http, containerPort: 80, protocol: UDP}]
                image: i
            status: {podIP: 10.0.1.2}
            """;

    private static final String ALL_ALLOWED = """
            -   x/a x/b y/a y/b
            x/a -   X   X   X
            x/b X   -   X   X
            y/a X   X   -   X
            y/b X   X   X   -
            """;

    /** Loads the cluster plus {@code more} (YAML documents), which must load without diagnostics. */
    private static Connectivity analyze(String more, AnalysisOptions options) {
        LoadResult r = Loader.loadString("cluster.yaml", CLUSTER + "---\n" + more);
        assertThat(r.diagnostics()).isEmpty();
        return new Analyzer(options).analyze(r.cluster());
    }

    private static Connectivity analyze(String more) {
        return analyze(more, AnalysisOptions.DEFAULT);
    }

    /** A policy in {@code namespace} with the given spec (indented by two spaces in the text). */
    private static String policy(String namespace, String name, String spec) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: " + name + ", namespace: \""
                + namespace + "\"}\nspec:\n" + spec.indent(2);
    }

    @Test
    void analyze_noPolicies_allowsEverything() {
        assertTable(analyze(""), TCP, 80, ALL_ALLOWED);
    }

    @Nested
    class PodSelector {
        @Test
        void analyze_emptyPodSelector_isolatesEveryPodOfItsNamespaceOnly() {
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector: {}
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   .   X   X
                    x/b .   -   X   X
                    y/a .   .   -   X
                    y/b .   .   X   -
                    """);
        }

        @Test
        void analyze_matchLabels_isolatesOnlyMatchingPods() {
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_matchExpressionsIn_isolatesPodsWithOneOfTheValues() {
            Connectivity c = analyze(policy("y", "deny", """
                    podSelector:
                      matchExpressions: [{key: tier, operator: In, values: [web, cache]}]
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   .
                    x/b X   -   X   .
                    y/a X   X   -   .
                    y/b X   X   X   -
                    """);
        }

        @Test
        void analyze_matchExpressionsNotIn_alsoIsolatesPodsWithoutTheKey() {
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector:
                      matchExpressions: [{key: tier, operator: NotIn, values: [web]}]
                    policyTypes: [Ingress]
                    """));

            // x/b has no tier label, so "tier NotIn (web)" selects it; x/a has tier=web
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   .   X   X
                    x/b X   -   X   X
                    y/a X   .   -   X
                    y/b X   .   X   -
                    """);
        }

        @Test
        void analyze_matchExpressionsExists_isolatesPodsWithTheKeyWhateverItsValue() {
            Connectivity c = analyze(policy("y", "deny", """
                    podSelector:
                      matchExpressions: [{key: tier, operator: Exists}]
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   .   .
                    x/b X   -   .   .
                    y/a X   X   -   .
                    y/b X   X   .   -
                    """);
        }

        @Test
        void analyze_matchExpressionsDoesNotExist_isolatesPodsWithoutTheKey() {
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector:
                      matchExpressions: [{key: tier, operator: DoesNotExist}]
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   .   X   X
                    x/b X   -   X   X
                    y/a X   .   -   X
                    y/b X   .   X   -
                    """);
        }

        @Test
        void analyze_matchLabelsAndExpressions_areAnded() {
            Connectivity c = analyze(policy("y", "deny", """
                    podSelector:
                      matchLabels: {app: b}
                      matchExpressions: [{key: tier, operator: Exists}]
                    policyTypes: [Ingress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   .
                    x/b X   -   X   .
                    y/a X   X   -   .
                    y/b X   X   X   -
                    """);
        }
    }

    @Nested
    class PolicyTypes {
        private static final String EGRESS_TO_B = """
                egress:
                - to: [{podSelector: {matchLabels: {app: b}}}]
                """;

        @Test
        void analyze_policyTypesAbsentWithEgressRules_isolatesBothDirections() {
            Connectivity c = analyze(policy("x", "a-to-b", "podSelector: {matchLabels: {app: a}}\n" + EGRESS_TO_B));

            // Ingress is isolated with no ingress rule (nothing reaches x/a); egress only to x/b
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   .   .
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_policyTypesAbsentWithoutEgress_isolatesIngressOnly() {
            Connectivity c = analyze(policy("x", "deny", "podSelector: {matchLabels: {app: a}}\n"));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_policyTypesAbsentWithEmptyEgressList_isolatesIngressOnly() {
            // egress: [] has no rule, so the API's default policyTypes is [Ingress]
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector: {matchLabels: {app: a}}
                    egress: []
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_policyTypesAbsentWithEmptyEgressRule_isolatesIngressAndAllowsAllEgress() {
            Connectivity c = analyze(policy("x", "deny", """
                    podSelector: {matchLabels: {app: a}}
                    egress: [{}]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_egressTypeWithEgressAbsentOrEmpty_deniesAllEgress() {
            String absent = policy("x", "deny", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Egress]
                    """);
            String empty = policy("x", "deny", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Egress]
                    egress: []
                    """);
            String expected = """
                    -   x/a x/b y/a y/b
                    x/a -   .   .   .
                    x/b X   -   X   X
                    y/a X   X   -   X
                    y/b X   X   X   -
                    """;

            assertTable(analyze(absent), TCP, 80, expected);
            assertTable(analyze(empty), TCP, 80, expected);
        }

        @Test
        void analyze_egressTypeWithEmptyEgressRule_allowsAllEgress() {
            Connectivity c = analyze(policy("x", "allow", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Egress]
                    egress: [{}]
                    """));

            assertTable(c, TCP, 80, ALL_ALLOWED);
        }

        @Test
        void analyze_ingressEmptyListVersusEmptyRule_denyAllVersusAllowAll() {
            String denyAll = policy("x", "p", """
                    podSelector: {matchLabels: {app: a}}
                    ingress: []
                    """);
            String allowAll = policy("x", "p", """
                    podSelector: {matchLabels: {app: a}}
                    ingress: [{}]
                    """);

            assertTable(analyze(denyAll), TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
            assertTable(analyze(allowAll), TCP, 80, ALL_ALLOWED);
        }

        @Test
        void analyze_ingressRulesWithEgressOnlyType_areIgnored() {
            // The rules are kept, but a policy of type [Egress] never admits ingress: it does not isolate it
            Connectivity c = analyze(policy("x", "p", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Egress]
                    ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
                    egress: [{}]
                    """));

            assertTable(c, TCP, 80, ALL_ALLOWED);
        }
    }

    @Nested
    class Peers {
        private Connectivity ingressToXaFrom(String from) {
            return analyze(policy("x", "to-a", "podSelector: {matchLabels: {app: a}}\ningress:\n- from:\n"
                    + from.indent(2)));
        }

        @Test
        void analyze_podSelectorPeerAlone_matchesPodsOfThePolicyNamespaceOnly() {
            Connectivity c = ingressToXaFrom("- podSelector: {matchLabels: {app: b}}");

            // y/b has app=b too, but lives in another namespace
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b X   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_namespaceSelectorPeerAlone_matchesEveryPodOfMatchingNamespaces() {
            Connectivity c = ingressToXaFrom("- namespaceSelector: {matchLabels: {team: blue}}");

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a X   X   -   X
                    y/b X   X   X   -
                    """);
        }

        @Test
        void analyze_emptyNamespaceSelectorPeer_matchesEveryNamespace() {
            Connectivity c = ingressToXaFrom("- namespaceSelector: {}");

            assertTable(c, TCP, 80, ALL_ALLOWED);
        }

        @Test
        void analyze_namespaceAndPodSelectorInOnePeer_areAnded() {
            Connectivity c = ingressToXaFrom("""
                    - namespaceSelector: {matchLabels: {team: blue}}
                      podSelector: {matchLabels: {app: b}}
                    """);

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b X   X   X   -
                    """);
        }

        @Test
        void analyze_namespaceAndPodSelectorAsTwoPeers_areOred() {
            Connectivity c = ingressToXaFrom("""
                    - namespaceSelector: {matchLabels: {team: blue}}
                    - podSelector: {matchLabels: {app: b}}
                    """);

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b X   -   X   X
                    y/a X   X   -   X
                    y/b X   X   X   -
                    """);
        }

        @Test
        void analyze_namespaceSelectorOnTheAutomaticNameLabel_matchesThatNamespace() {
            Connectivity c = ingressToXaFrom("- namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: \"y\"}}");

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a X   X   -   X
                    y/b X   X   X   -
                    """);
        }

        private static final String IPBLOCK_EXCEPT = """
                - ipBlock:
                    cidr: 10.0.0.0/16
                    except: [10.0.1.0/24]
                """;

        @Test
        void analyze_ipBlockWithExceptMatchingPods_matchesPodIpsOutsideTheExcept() {
            Connectivity c = ingressToXaFrom(IPBLOCK_EXCEPT);

            // x/b is 10.0.0.2 (in the cidr); y/a and y/b are 10.0.1.x (in the except)
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b X   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_ipBlockWithExceptNotMatchingPods_matchesNoPod() {
            String spec = "podSelector: {matchLabels: {app: a}}\ningress:\n- from:\n" + IPBLOCK_EXCEPT.indent(2);
            Connectivity c = analyze(policy("x", "to-a", spec), new AnalysisOptions(false));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   X   X
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }

        @Test
        void analyze_ipBlockWithExcept_admitsExternalRangesOutsideTheExcept() {
            Connectivity c = ingressToXaFrom(IPBLOCK_EXCEPT);

            List<String> toXa = c.connections().stream().filter(k -> k.dst().id().equals("x/a"))
                    .filter(k -> k.src() instanceof Endpoint.ExternalEndpoint).map(Object::toString).toList();
            assertThat(toXa).containsExactly("10.0.0.0/24 => x/a : All connections",
                    "10.0.2.0-10.0.255.255 => x/a : All connections");
        }
    }

    @Nested
    class Ports {
        private Connectivity ingressToXWithPorts(String ports) {
            return analyze(policy("x", "ports", "podSelector: {}\ningress:\n- ports:\n" + ports.indent(2)));
        }

        private static final String X_CLOSED = """
                -   x/a x/b y/a y/b
                x/a -   .   X   X
                x/b .   -   X   X
                y/a .   .   -   X
                y/b .   .   X   -
                """;

        private static final String X_OPEN = """
                -   x/a x/b y/a y/b
                x/a -   X   X   X
                x/b X   -   X   X
                y/a X   X   -   X
                y/b X   X   X   -
                """;

        @Test
        void analyze_portsAbsent_admitsEveryPortAndProtocol() {
            Connectivity c = analyze(policy("x", "all", "podSelector: {}\ningress:\n- from: [{namespaceSelector: {}}]\n"));

            assertTable(c, TCP, 80, X_OPEN);
            assertTable(c, UDP, 53, X_OPEN);
            assertTable(c, SCTP, 9, X_OPEN);
            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("All connections");
        }

        @Test
        void analyze_numericPort_admitsThatTcpPortOnly() {
            Connectivity c = ingressToXWithPorts("- port: 80");

            assertTable(c, TCP, 80, X_OPEN);
            assertTable(c, TCP, 81, X_CLOSED);
            assertTable(c, UDP, 80, X_CLOSED);
            assertThat(allowed(c, "y/a", "x/b")).isEqualTo("TCP 80");
        }

        @Test
        void analyze_protocolAbsent_defaultsToTcp() {
            Connectivity c = ingressToXWithPorts("- port: 53");

            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("TCP 53");
            assertTable(c, UDP, 53, X_CLOSED);
        }

        @Test
        void analyze_udpPort_admitsUdpOnly() {
            Connectivity c = ingressToXWithPorts("- {port: 53, protocol: UDP}");

            assertTable(c, UDP, 53, X_OPEN);
            assertTable(c, TCP, 53, X_CLOSED);
            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("UDP 53");
        }

        @Test
        void analyze_sctpWithoutPort_admitsEverySctpPort() {
            Connectivity c = ingressToXWithPorts("- protocol: SCTP");

            assertTable(c, SCTP, 1, X_OPEN);
            assertTable(c, SCTP, 65535, X_OPEN);
            assertTable(c, TCP, 80, X_CLOSED);
            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("SCTP 1-65535");
        }

        @Test
        void analyze_endPort_admitsTheInclusiveRange() {
            Connectivity c = ingressToXWithPorts("- {port: 8000, endPort: 8080}");

            assertTable(c, TCP, 8000, X_OPEN);
            assertTable(c, TCP, 8080, X_OPEN);
            assertTable(c, TCP, 7999, X_CLOSED);
            assertTable(c, TCP, 8081, X_CLOSED);
            assertThat(allowed(c, "y/a", "x/b")).isEqualTo("TCP 8000-8080");
        }

        @Test
        void analyze_namedPort_resolvesPerDestinationPod() {
            Connectivity c = ingressToXWithPorts("- port: http");

            // http is TCP 80 on x/a and TCP 8080 on x/b
            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("TCP 80");
            assertThat(allowed(c, "y/a", "x/b")).isEqualTo("TCP 8080");
            assertThat(allowed(c, "x/b", "x/a")).isEqualTo("TCP 80");
            assertThat(allowed(c, "x/a", "x/b")).isEqualTo("TCP 8080");
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   .   X   X
                    x/b X   -   X   X
                    y/a X   .   -   X
                    y/b X   .   X   -
                    """);
        }

        @Test
        void analyze_namedPortWithOtherProtocol_matchesNothing() {
            // dns is UDP 53 on x/a; a TCP rule for "dns" resolves to nothing on any pod
            Connectivity c = ingressToXWithPorts("- port: dns");

            assertTable(c, UDP, 53, X_CLOSED);
            assertTable(c, TCP, 53, X_CLOSED);
            assertThat(c.warnings()).containsExactly("NetworkPolicy x/ports (cluster.yaml:51): spec.ingress[0].ports[0]:"
                    + " named port \"dns\" (TCP) is unresolved for x/a, x/b (no container port with that name and"
                    + " protocol); it admits nothing there");
        }

        @Test
        void analyze_namedPortWithItsProtocol_matchesThatPod() {
            Connectivity c = ingressToXWithPorts("- {port: dns, protocol: UDP}");

            assertThat(allowed(c, "y/a", "x/a")).isEqualTo("UDP 53");
            assertThat(allowed(c, "y/a", "x/b")).isEqualTo("No connections");
        }

        @Test
        void analyze_namedPortInEgress_resolvesOnTheDestination() {
            // http is UDP 80 on y/b, so a TCP egress rule for http reaches y/a (TCP 81) but not y/b
            Connectivity c = analyze(policy("x", "out", """
                    podSelector: {matchLabels: {app: a}}
                    policyTypes: [Egress]
                    egress: [{ports: [{port: http}]}]
                    """));

            assertThat(allowed(c, "x/a", "x/b")).isEqualTo("TCP 8080");
            assertThat(allowed(c, "x/a", "y/a")).isEqualTo("TCP 81");
            assertThat(allowed(c, "x/a", "y/b")).isEqualTo("No connections");
        }
    }

    @Nested
    class Combination {
        @Test
        void analyze_twoPoliciesSelectingOnePod_areAdditive() {
            Connectivity c = analyze(policy("x", "from-b", """
                    podSelector: {matchLabels: {app: a}}
                    ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
                    """) + "---\n" + policy("x", "from-blue-b", """
                    podSelector: {matchLabels: {app: a}}
                    ingress:
                    - from: [{namespaceSelector: {matchLabels: {team: blue}}, podSelector: {matchLabels: {app: b}}}]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b X   -   X   X
                    y/a .   X   -   X
                    y/b X   X   X   -
                    """);
        }

        @Test
        void analyze_egressAndIngress_areBothRequired() {
            // x/b may only send to app=a pods anywhere; y/a only accepts from namespace x
            Connectivity c = analyze(policy("x", "b-out", """
                    podSelector: {matchLabels: {app: b}}
                    policyTypes: [Egress]
                    egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}]}]
                    """) + "---\n" + policy("y", "a-in", """
                    podSelector: {matchLabels: {app: a}}
                    ingress: [{from: [{namespaceSelector: {matchLabels: {team: red}}}]}]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b X   -   X   .
                    y/a X   X   -   X
                    y/b X   X   .   -
                    """);
        }

        @Test
        void analyze_ingressAllowsButEgressDenies_isBlocked() {
            Connectivity c = analyze(policy("x", "a-in-from-b", """
                    podSelector: {matchLabels: {app: a}}
                    ingress: [{from: [{podSelector: {matchLabels: {app: b}}}]}]
                    """) + "---\n" + policy("x", "b-no-out", """
                    podSelector: {matchLabels: {app: b}}
                    policyTypes: [Egress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b
                    x/a -   X   X   X
                    x/b .   -   .   .
                    y/a .   X   -   X
                    y/b .   X   X   -
                    """);
        }
    }

    @Nested
    class Workloads {
        private static final String HOST_POD = """
                apiVersion: v1
                kind: Pod
                metadata: {name: h, namespace: x, labels: {app: a}}
                spec: {hostNetwork: true, containers: [{name: c, image: i}]}
                ---
                """;

        @Test
        void analyze_hostNetworkPod_isNeverIsolated() {
            Connectivity c = analyze(HOST_POD + policy("x", "deny", """
                    podSelector: {}
                    policyTypes: [Ingress, Egress]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b x/h y/a y/b
                    x/a -   .   .   .   .
                    x/b .   -   .   .   .
                    x/h .   .   -   X   X
                    y/a .   .   X   -   X
                    y/b .   .   X   X   -
                    """);
        }

        @Test
        void analyze_hostNetworkPod_isNotMatchedByPodSelectors() {
            // x/h has app=a like x/a, but selectors never match a host-network pod
            Connectivity c = analyze(HOST_POD + policy("x", "b-from-a", """
                    podSelector: {matchLabels: {app: b}}
                    ingress: [{from: [{podSelector: {matchLabels: {app: a}}}]}]
                    """));

            assertTable(c, TCP, 80, """
                    -   x/a x/b x/h y/a y/b
                    x/a -   X   X   X   X
                    x/b X   -   X   X   X
                    x/h X   .   -   X   X
                    y/a X   .   X   -   X
                    y/b X   .   X   X   -
                    """);
            assertThat(c.warnings()).containsExactly("x/h: uses the host network; NetworkPolicies neither isolate it"
                    + " nor match it with pod or namespace selectors");
        }

        @Test
        void analyze_podOwnedByReplicaSetOwnedByDeployment_showsAsTheDeployment() {
            LoadResult r = Loader.loadString("owners.yaml", """
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: x}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: web, namespace: x}
                    spec:
                      selector: {matchLabels: {app: web}}
                      template:
                        metadata: {labels: {app: web}}
                        spec: {containers: [{name: main, image: i}]}
                    ---
                    apiVersion: apps/v1
                    kind: ReplicaSet
                    metadata:
                      name: web-7d9f
                      namespace: x
                      ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u}]
                    spec:
                      selector: {matchLabels: {app: web}}
                      template:
                        metadata: {labels: {app: web}}
                        spec: {containers: [{name: main, image: i}]}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: web-7d9f-abcde
                      namespace: x
                      labels: {app: web}
                      ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d9f, controller: true, uid: u}]
                    spec: {containers: [{name: c, image: i}]}
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: db-0
                      namespace: x
                      labels: {app: db}
                      ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, controller: true, uid: u}]
                    spec: {containers: [{name: c, image: i}]}
                    """);
            assertThat(r.diagnostics()).isEmpty();

            Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(r.cluster());

            assertThat(c.endpoints().stream().filter(e -> e instanceof Endpoint.WorkloadEndpoint)
                    .map(e -> e.kind() + " " + e.id())).containsExactly("StatefulSet x/db", "Deployment x/web");
            assertTable(c, TCP, 80, """
                    -    x/db x/web
                    x/db -    X
                    x/web X   -
                    """);
        }

        @Test
        void analyze_namespaceUsedButNotDefined_hasOnlyItsNameLabel() {
            LoadResult r = Loader.loadString("cluster.yaml", CLUSTER + "---\n" + """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: c, namespace: z}
                    spec: {containers: [{name: c, image: i}]}
                    ---
                    """ + policy("x", "to-a", """
                    podSelector: {matchLabels: {app: a}}
                    ingress:
                    - from:
                      - namespaceSelector:
                          matchExpressions: [{key: team, operator: DoesNotExist}]
                    """));

            assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly("cluster.yaml:51:1: warning:"
                    + " Namespace z: is used but not defined in the input; it gets only the label"
                    + " kubernetes.io/metadata.name=z");
            assertThat(r.cluster().namespaces()).filteredOn(n -> n.name().equals("z"))
                    .extracting(n -> n.labels().toString(), Namespace::declared)
                    .containsExactly(tuple("kubernetes.io/metadata.name=z", false));
            Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(r.cluster());
            // only z, having no team label, matches "team DoesNotExist"
            assertTable(c, TCP, 80, """
                    -   x/a x/b y/a y/b z/c
                    x/a -   X   X   X   X
                    x/b .   -   X   X   X
                    y/a .   X   -   X   X
                    y/b .   X   X   -   X
                    z/c X   X   X   X   -
                    """);
        }
    }
}
