package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of np-guard's corpus ({@code src/test/resources/corpora/np-guard}) whose input the
 * API server refuses: np-guard either analyses them anyway (its published list is in the corpus
 * too) or stops on them with an error of its own; Stockade must say what is wrong, at its
 * position, and the exact diagnostics are asserted. Also the two inputs np-guard refuses and the
 * API server accepts, which Stockade analyses as the API defines them.
 */
class NpGuardRejectedInputTest {
    private static final Path CORPUS = NpGuardCorpusTest.CORPUS;
    private static final String CONFORMANCE_BASE = NpGuardCorpusTest.CONFORMANCE_BASE;

    /**
     * A case whose input the API server refuses, with the diagnostics Stockade gives (file paths
     * relative to the corpus's {@code tests} folder) and why the API server refuses it.
     */
    record Rejected(String name, List<String> extra, List<String> diagnostics, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejected> rejected() {
        return Stream.of(
                // np-guard's list: UDP newport from new-pod to pod-a (np-guard keeps the unresolved
                // named port); the API server never admits pod-a: `containerport` is not a field of
                // ContainerPort, so containerPort, which is required, is missing.
                new Rejected("netpol_named_port_test", List.of(), List.of(
                        "netpol_named_port_test/pods.yaml:31:11: error: Deployment helloworld/pod-a:"
                                + " spec.template.spec.containers[0].ports[1].containerPort: is required (expected a port number 1-65535)",
                        "netpol_named_port_test/pods.yaml:32:11: warning: Deployment helloworld/pod-a:"
                                + " spec.template.spec.containers[0].ports[1].containerport: unknown field \"containerport\""
                                + " (did you mean \"containerPort\"?); it is ignored"),
                        "ContainerPort.containerPort is required"),
                new Rejected("netpol_named_port_test_2", List.of(), List.of(
                        "netpol_named_port_test_2/pods.yaml:31:11: error: Deployment helloworld/pod-a:"
                                + " spec.template.spec.containers[0].ports[1].containerPort: is required (expected a port number 1-65535)",
                        "netpol_named_port_test_2/pods.yaml:32:11: warning: Deployment helloworld/pod-a:"
                                + " spec.template.spec.containers[0].ports[1].containerport: unknown field \"containerport\""
                                + " (did you mean \"containerPort\"?); it is ignored"),
                        "ContainerPort.containerPort is required"),
                // np-guard reads a `pods` peer without podSelector as all pods; the v1alpha1 CRD
                // requires both selectors of a NamespacedPod (neither is omitempty).
                new Rejected("anp_test_8", List.of(CONFORMANCE_BASE), podSelectorRequired("anp_test_8", "ingress-sctp",
                        "46:9 spec.ingress[4].from[0]", "57:9 spec.ingress[5].from[0]", "68:9 spec.ingress[6].from[0]"),
                        "NamespacedPod.podSelector is required"),
                new Rejected("anp_test_9", List.of(CONFORMANCE_BASE), podSelectorRequired("anp_test_9", "gress-rules",
                        "98:9 spec.ingress[0].from[0]", "105:9 spec.ingress[1].from[0]", "112:9 spec.ingress[2].from[0]",
                        "119:9 spec.ingress[3].from[0]", "136:9 spec.ingress[4].from[0]", "153:9 spec.ingress[5].from[0]",
                        "170:9 spec.ingress[6].from[0]", "18:9 spec.egress[0].to[0]", "25:9 spec.egress[1].to[0]",
                        "32:9 spec.egress[2].to[0]", "39:9 spec.egress[3].to[0]", "56:9 spec.egress[4].to[0]",
                        "73:9 spec.egress[5].to[0]", "90:9 spec.egress[6].to[0]"),
                        "NamespacedPod.podSelector is required"),
                new Rejected("anp_test_10", List.of(), podSelectorRequired("anp_test_10", "egress-udp",
                        "18:9 spec.egress[0].to[0]", "25:9 spec.egress[1].to[0]", "32:9 spec.egress[2].to[0]",
                        "39:9 spec.egress[3].to[0]", "50:9 spec.egress[4].to[0]", "61:9 spec.egress[5].to[0]",
                        "72:9 spec.egress[6].to[0]"),
                        "NamespacedPod.podSelector is required"),
                new Rejected("anp_test_11", List.of(CONFORMANCE_BASE), podSelectorRequired("anp_test_11", "egress-tcp",
                        "18:9 spec.egress[0].to[0]", "25:9 spec.egress[1].to[0]", "32:9 spec.egress[2].to[0]",
                        "39:9 spec.egress[3].to[0]", "50:9 spec.egress[4].to[0]", "61:9 spec.egress[5].to[0]",
                        "72:9 spec.egress[6].to[0]"),
                        "NamespacedPod.podSelector is required"),
                new Rejected("anp_test_12", List.of(CONFORMANCE_BASE), podSelectorRequired("anp_test_12", "egress-sctp",
                        "18:9 spec.egress[0].to[0]", "25:9 spec.egress[1].to[0]", "32:9 spec.egress[2].to[0]",
                        "39:9 spec.egress[3].to[0]", "50:9 spec.egress[4].to[0]", "61:9 spec.egress[5].to[0]",
                        "72:9 spec.egress[6].to[0]"),
                        "NamespacedPod.podSelector is required"),
                // np-guard's list: {ingress-controller} => the Deployment on TCP 8000,8090; the API
                // server refuses the Service: a Service with several ports must name each one.
                new Rejected("one_ingress_multiple_ports", List.of(), Stream.of("40:7 0", "43:7 1", "46:7 2").map(a ->
                        "one_ingress_multiple_ports/deployment_with_multiple_ports.yaml:" + a.substring(0, a.indexOf(' '))
                                + ": error: Service ingressworld/ingress-world: spec.ports[" + a.substring(a.indexOf(' ') + 1)
                                + "].name: is required when the Service has more than one port (expected a name such as http)")
                        .toList(), "ServicePort.name is required when a Service has more than one port"),
                // a raw NamespaceList and a PodList whose containers' ports are a mapping: the API
                // server cannot decode a list field from an object and refuses the Pods; their
                // containers have neither name nor image, which the API server requires too.
                new Rejected("semanticDiff-different-topologies-policy-b", List.of(), Stream.of(
                        "27:11 28:22 pod-0", "55:11 56:22 pod-1", "83:11 84:22 pod-2", "111:11 112:22 pod-5",
                        "139:11 140:22 pod-6").flatMap(a -> namelessContainer("semanticDiff-different-topologies-policy-b",
                                a, true)).toList(),
                        "Container.ports is a list; Container.name and Container.image are required"),
                // the same Pods with ports as a list; their containers still have neither name nor
                // image. (np-guard's list also reflects a policy this copy of the case lacks.)
                new Rejected("semanticDiff-different-topologies-policy-b-with-ipblock", List.of(), Stream.concat(Stream.of(
                        "27:11 pod-0", "55:11 pod-1", "83:11 pod-2", "111:11 pod-5", "139:11 pod-6").flatMap(a ->
                        namelessContainer("semanticDiff-different-topologies-policy-b-with-ipblock", a, false)), Stream.of(
                        "semanticDiff-different-topologies-policy-b-with-ipblock/policy_b_ipBlock.yaml:1:1: warning:"
                                + " Namespace default: is used but not defined in the input; it gets only the label"
                                + " kubernetes.io/metadata.name=default")).toList(),
                        "Container.name and Container.image are required"),
                // np-guard's own bad-path cases (it stops with a fatal error on each); the API
                // server refuses them too, for the same reasons.
                new Rejected("bad_netpols/subdir1", List.of(), List.of(
                        "bad_netpols/subdir1/netpols.yaml:22:15: error: NetworkPolicy default/shippingservice-netpol:"
                                + " spec.ingress[2].from[0].ipBlock.cidr: \"A\" is not a valid CIDR (expected an address and"
                                + " prefix length such as 10.0.0.0/8 or fd00::/64)"),
                        "ipBlock.cidr must be a CIDR"),
                new Rejected("bad_netpols/subdir2", List.of(), List.of(
                        "bad_netpols/subdir2/netpols.yaml:22:7: error: NetworkPolicy default/shippingservice-netpol:"
                                + " spec.podSelector.matchLabels.app@b: \"app@b\" is not a valid label key (expected up to 63"
                                + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit, with an"
                                + " optional DNS prefix and '/')"),
                        "label keys are qualified names"),
                new Rejected("bad_netpols/subdir3", List.of(), List.of(
                        "bad_netpols/subdir3/netpols.yaml:12:7: error: NetworkPolicy default/shippingservice-netpol:"
                                + " spec.ingress[0].from[0].ipBlock: may not be combined with podSelector or namespaceSelector"
                                + " (expected either an ipBlock or selectors; use two peers for both)"),
                        "a peer with ipBlock has no selectors"),
                new Rejected("bad_netpols/subdir4", List.of(), List.of(
                        "bad_netpols/subdir4/netpols.yaml:9:7: error: NetworkPolicy default/shippingservice-netpol:"
                                + " spec.ingress[0].from[0]: must specify a peer (expected podSelector, namespaceSelector or ipBlock)"),
                        "a peer sets at least one field"),
                new Rejected("bad_netpols/subdir7", List.of(), List.of(
                        "bad_netpols/subdir7/resources.yaml:158:16: error: NetworkPolicy default/frontend-netpol:"
                                + " spec.egress[0].to[0].podSelector.matchLabels.app: \"$backendservice\" is not a valid label"
                                + " value (expected up to 63 letters, digits, '-', '_' or '.', starting and ending with a"
                                + " letter or digit)",
                        "bad_netpols/subdir7/resources.yaml:2:1: warning: Namespace default: is used but not defined in the"
                                + " input; it gets only the label kubernetes.io/metadata.name=default"),
                        "label values are 63 characters of a restricted set"),
                new Rejected("np_bad_path_test_2", List.of(), List.of(
                        "np_bad_path_test_2/netpols.yaml:14:16: error: NetworkPolicy default/backend-netpol:"
                                + " spec.ingress[1].ports[0].endPort: may not be used with a named port (expected a numeric port)"),
                        "endPort needs a numeric port"),
                new Rejected("np_test_with_empty_port_range", List.of(), List.of(
                        "np_test_with_empty_port_range/netpol.yaml:15:20: error: NetworkPolicy ns1/egress-empty-port-range:"
                                + " spec.egress[0].ports[1].endPort: 1 is below port 10 (expected endPort >= port)"),
                        "endPort >= port"),
                new Rejected("anp_bad_path_test_2", List.of(), List.of(
                        "anp_bad_path_test_2/anps.yaml:7:13: error: AdminNetworkPolicy invalid-priority: spec.priority:"
                                + " 1001 is out of range (expected an integer from 0 to 1000)"),
                        "the v1alpha1 CRD bounds priority to 0..1000"),
                new Rejected("anp_bad_path_test_4", List.of(), List.of(
                        "anp_bad_path_test_4/anp.yaml:6:3: error: AdminNetworkPolicy ingress-tcp: spec.subject: is required"
                                + " (expected namespaces or pods)"),
                        "spec.subject is required"),
                // np-guard names the unknown action only; the pods peers lack podSelector too
                new Rejected("anp_bad_path_test_9", List.of(), Stream.concat(Stream.of(
                        "anp_bad_path_test_9/anp.yaml:20:13: error: AdminNetworkPolicy egress-tcp: spec.egress[1].action:"
                                + " unknown action \"Accept\" for AdminNetworkPolicy (expected Allow, Deny or Pass)"),
                        podSelectorRequired("anp_bad_path_test_9", "egress-tcp", "16:9 spec.egress[0].to[0]",
                                "23:9 spec.egress[1].to[0]", "30:9 spec.egress[2].to[0]", "37:9 spec.egress[3].to[0]",
                                "48:9 spec.egress[4].to[0]", "59:9 spec.egress[5].to[0]", "70:9 spec.egress[6].to[0]")
                                .stream()).toList(),
                        "action is one of Allow, Deny, Pass"),
                // np-guard folds both pods into one workload default/internal-security[Pod] through
                // owner references that have neither kind, apiVersion nor uid; the API server refuses
                // such references (all four fields are required), and Stockade says so at each one.
                new Rejected("example_pods_w_same_owner_and_labels_gap_no_policy", List.of(), Stream.of(
                        "17:7 pod-1", "35:7 pod-2").flatMap(a -> Stream.of(
                                "apiVersion: is required (expected the owner's apiVersion, e.g. apps/v1)",
                                "kind: is required (expected the owner's kind, e.g. ReplicaSet)",
                                "uid: is required (expected the owner's metadata.uid)").map(m ->
                                "example_pods_w_same_owner_and_labels_gap_no_policy/pods.yaml:" + a.substring(0, a.indexOf(' '))
                                        + ": error: Pod default/" + a.substring(a.indexOf(' ') + 1)
                                        + ": metadata.ownerReferences[0]." + m)).toList(),
                        "OwnerReference.apiVersion, kind, name and uid are required"));
    }

    /**
     * np-guard stops on two AdminNetworkPolicies of the same priority ({@code anp_bad_path_test_1});
     * the API server accepts them and leaves their order undefined, and Stockade analyses them
     * with a warning that names both, their positions and the order it chose.
     */
    @Test
    void samePriority_npGuardRefuses_stockadeWarns() {
        LoadResult loaded = Loader.load(List.of(CORPUS.resolve("tests/anp_bad_path_test_1").toString(),
                CORPUS.resolve(CONFORMANCE_BASE).toString()));
        assertThat(loaded.diagnostics().stream().filter(Diagnostic::isError)).isEmpty();
        String file = CORPUS.resolve("tests/anp_bad_path_test_1/anps.yaml").toString();
        assertThat(new Analyzer(NpGuardCorpusTest.options()).analyze(loaded.cluster()).warnings()).containsExactly(
                "AdminNetworkPolicy priority-50-example (" + file + ":1) and AdminNetworkPolicy same-priority (" + file
                        + ":38) have the same priority 50 and could both match a connection with different actions"
                        + " (ingress rule 0 Deny, ingress rule 0 Pass); the API leaves their order undefined: Stockade"
                        + " applies priority-50-example first (by kind and name)");
    }

    /**
     * np-guard stops on a named port in a rule whose peer is an ipBlock ({@code bad_netpols/subdir6});
     * the API server accepts such a policy (the named port then matches no external address), and
     * so does Stockade.
     */
    @Test
    void namedPortWithIpBlockPeer_npGuardRefuses_apiServerAccepts() {
        LoadResult loaded = Loader.load(List.of(CORPUS.resolve("tests/bad_netpols/subdir6").toString()));
        assertThat(loaded.diagnostics().stream().filter(Diagnostic::isError)).isEmpty();
        assertThat(loaded.cluster().policies()).hasSize(1);
    }

    /**
     * The errors for a Pod's container without name and image ({@code "line:col [line:col] pod"}:
     * the container, then, with {@code portsMapping}, its ports written as a mapping).
     */
    private static Stream<String> namelessContainer(String dir, String at, boolean portsMapping) {
        String[] parts = at.split(" ");
        String pod = parts[parts.length - 1];
        String head = dir + "/pods_list_b.json:";
        String object = ": error: Pod default/" + pod + ": spec.containers[0].";
        Stream<String> required = Stream.of(
                head + parts[0] + object + "name: is required (expected a name for the container, unique in the pod,"
                        + " e.g. app)",
                head + parts[0] + object + "image: is required (expected the container's image, e.g. nginx:1.27)");
        return portsMapping ? Stream.concat(required, Stream.of(head + parts[1] + object
                + "ports: expected a list, found a mapping")) : required;
    }

    /** The error for each {@code "line:col path"} of an admin policy's pods peer without podSelector. */
    private static List<String> podSelectorRequired(String dir, String policy, String... at) {
        return Stream.of(at).map(a -> dir + "/anp.yaml:" + a.substring(0, a.indexOf(' ')) + ": error: AdminNetworkPolicy "
                + policy + ": " + a.substring(a.indexOf(' ') + 1)
                + ".pods.podSelector: is required (expected a label selector; {} selects every pod)").toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void apiServerRejects_stockadeSaysWhereAndWhy(Rejected c) {
        List<String> inputs = new ArrayList<>();
        inputs.add(CORPUS.resolve("tests").resolve(c.name()).toString());
        c.extra().forEach(e -> inputs.add(CORPUS.resolve(e).toString()));
        LoadResult loaded = Loader.load(inputs);
        String prefix = CORPUS.resolve("tests") + "/";
        assertThat(loaded.diagnostics().stream().map(Diagnostic::toString)
                .map(d -> d.startsWith(prefix) ? d.substring(prefix.length()) : d))
                .as(c.name() + " is refused by the API server: " + c.reason())
                .containsExactlyInAnyOrderElementsOf(c.diagnostics());
    }
}
