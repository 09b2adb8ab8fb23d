package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cases of the custom resource and OpenShift Route rows of {@link ApiValidation} beyond the one
 * {@link ApiValidationTest} has per row: the other fields a row applies to, and the objects it must accept.
 */
@Tag("hostile")
class CrdValidationTest {
    private static final String ANP = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\n"
            + "metadata: {name: anp}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n";
    private static final String ROUTE = "apiVersion: route.openshift.io/v1\nkind: Route\n";

    private static List<String> diagnostics(String yaml) {
        return Loader.loadString("in.yaml", yaml).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void domainNames_validNamesOfThePattern_areAccepted() {
        LoadResult r = Loader.loadString("in.yaml", ANP + "  egress: [{action: Allow, to: [{domainNames:"
                + " [example.com, '*.example.com', example.com., my_host.Example.com]}]}]\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().adminPolicies()).hasSize(1);
    }

    @Test
    void domainNames_emptyTooManyOrRepeated_areRefused() {
        String many = "[" + String.join(", ", java.util.stream.IntStream.range(0, 26).mapToObj(i -> "h" + i
                + ".example.com").toList()) + "]";
        assertThat(diagnostics(ANP + "  egress:\n  - {action: Allow, to: [{domainNames: []}]}\n"
                + "  - {action: Allow, to: [{domainNames: " + many + "}]}\n"
                + "  - {action: Allow, to: [{domainNames: [a.io, '*.a', a.io]}]}\n")).containsExactly(
                "in.yaml:8:40: error: AdminNetworkPolicy anp: spec.egress[0].to[0].domainNames: is empty (expected at"
                        + " least one domain name)",
                "in.yaml:9:40: error: AdminNetworkPolicy anp: spec.egress[1].to[0].domainNames: 26 domain names"
                        + " (expected at most 25)",
                "in.yaml:10:47: error: AdminNetworkPolicy anp: spec.egress[2].to[0].domainNames[1]: \"*.a\" is not a"
                        + " valid domain name (expected e.g. example.com or *.example.com)",
                "in.yaml:10:54: error: AdminNetworkPolicy anp: spec.egress[2].to[0].domainNames[2]: \"a.io\" is"
                        + " already listed at spec.egress[2].to[0].domainNames[0] (expected each item once: the list"
                        + " is a set)");
    }

    @Test
    void networks_sameTextTwice_isRefusedButTheSameRangeWrittenTwoWaysIsNot() {
        // the API server compares the items of a set as written: 10.0.0.1/8 and 10.0.0.0/8 are two items
        LoadResult r = Loader.loadString("in.yaml", ANP + "  egress: [{action: Deny, to: [{networks: [10.0.0.0/8,"
                + " 10.0.0.1/8]}]}]\n");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void networks_readAsIsCidrReadsThem() {
        LoadResult ok = Loader.loadString("in.yaml", ANP + "  egress: [{action: Deny, to: [{networks: [10.0.0.1/8,"
                + " 0.0.0.0/0, 'fd00::/8', '::ffff:10.0.0.0/104', '0000:0000:0000:0000:0000:0000:0000:0000/0']}]}]\n");
        assertThat(ok.diagnostics()).isEmpty();
        String expected = " is not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or"
                + " fd00::/64)";
        assertThat(diagnostics(ANP + "  egress: [{action: Deny, to: [{networks: [010.0.0.0/8, 10.0.0.0/08,"
                + " '::ffff:10.0.00.0/104', '0000:0000:0000:0000:0000:0000:0000:0000:0000/0', 10.0.0.0]}]}]\n"))
                .containsExactly(
                        "in.yaml:7:44: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[0]: \"010.0.0.0/8\""
                                + expected,
                        "in.yaml:7:57: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[1]: \"10.0.0.0/08\""
                                + expected,
                        "in.yaml:7:70: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[2]:"
                                + " \"::ffff:10.0.00.0/104\"" + expected,
                        "in.yaml:7:94: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[3]:"
                                + " \"0000:0000:0000:0000:0000:0000:0000:0000:0000/0\"" + expected,
                        "in.yaml:7:144: error: AdminNetworkPolicy anp: spec.egress[0].to[0].networks[4]: \"10.0.0.0\""
                                + expected);
    }

    @Test
    void routeHost_longPartWithTheAnnotation_isAccepted() {
        String part = "a".repeat(64);
        String spec = "spec: {host: " + part + ".example.com, to: {name: web}}\n";
        assertThat(diagnostics(ROUTE + "metadata: {name: r, namespace: prod}\n" + spec)).containsExactly(
                "in.yaml:4:14: error: Route prod/r: spec.host: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" (76"
                        + " characters) is not a valid host name (expected a DNS name: dot-separated parts of lowercase"
                        + " letters, digits and '-', each starting and ending with a letter or digit and up to 63"
                        + " characters long, up to 253 characters in all)");
        assertThat(diagnostics(ROUTE + "metadata:\n  name: r\n  namespace: prod\n  annotations:\n"
                + "    route.openshift.io/allow-non-dns-compliant-host: \"true\"\n" + spec)).isEmpty();
    }

    @Test
    void routeWildcardSubdomain_needsAHost() {
        String head = ROUTE + "metadata: {name: r, namespace: prod}\n";
        assertThat(diagnostics(head + "spec: {to: {name: web}, wildcardPolicy: Subdomain}\n")).containsExactly(
                "in.yaml:4:7: error: Route prod/r: spec.host: is required (expected a host name: wildcardPolicy"
                        + " Subdomain serves the host's domain)");
        assertThat(diagnostics(head + "spec: {host: www.example.com, to: {name: web}, wildcardPolicy: Subdomain}\n"))
                .isEmpty();
    }

    @Test
    void routeTls_policiesPerTermination() {
        String head = ROUTE + "metadata: {name: r, namespace: prod}\nspec:\n  to: {name: web}\n";
        assertThat(diagnostics(head + "  tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}\n")).isEmpty();
        assertThat(diagnostics(head + "  tls: {termination: passthrough, insecureEdgeTerminationPolicy: Redirect}\n"))
                .isEmpty();
        assertThat(diagnostics(head + "  path: /a b\n  tls: {termination: reencrypt, insecureEdgeTerminationPolicy:"
                + " allow}\n")).containsExactly(
                "in.yaml:7:64: error: Route prod/r: spec.tls.insecureEdgeTerminationPolicy: \"allow\" is not allowed"
                        + " with reencrypt termination (expected None, Allow or Redirect)",
                "in.yaml:6:9: error: Route prod/r: spec.path: \"/a b\" is not a valid path (expected a path that starts"
                        + " with / and has no '#' or spaces)");
    }

    private static final String GATEWAY = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
            + "metadata: {name: edge, namespace: prod}\nspec:\n  gatewayClassName: x\n";

    @Test
    void listeners_emptyOrTooMany_areRefused() {
        StringBuilder many = new StringBuilder("  listeners:\n");
        for (int i = 0; i < 65; i++) {
            many.append("  - {name: l").append(i).append(", port: ").append(1000 + i).append(", protocol: TCP}\n");
        }
        assertThat(diagnostics(GATEWAY + "  listeners: []\n")).containsExactly(
                "in.yaml:6:14: error: Gateway prod/edge: spec.listeners: is empty (expected at least one listener with"
                        + " name, port and protocol)");
        assertThat(diagnostics(GATEWAY + many)).containsExactly(
                "in.yaml:7:3: error: Gateway prod/edge: spec.listeners: 65 listeners (expected at most 64)");
    }

    @Test
    void listeners_sameEndpointWithAndWithoutHostname_areAccepted() {
        LoadResult r = Loader.loadString("in.yaml", GATEWAY + "  listeners:\n"
                + "  - {name: any, port: 80, protocol: HTTP}\n"
                + "  - {name: shop, port: 80, protocol: HTTP, hostname: shop.example.com}\n"
                + "  - {name: wild, port: 80, protocol: HTTP, hostname: '*.example.com'}\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().entrances().gateways()).hasSize(1);
    }

    @Test
    void listenerHostname_emptyOnTcp_isRefusedByThePattern() {
        assertThat(diagnostics(GATEWAY + "  listeners: [{name: db, port: 5432, protocol: TCP, hostname: ''}]\n"))
                .containsExactly("in.yaml:6:63: error: Gateway prod/edge: spec.listeners[0].hostname: \"\" is not a"
                        + " valid hostname (expected a DNS name of lowercase letters, digits, '-' and '.', up to 253"
                        + " characters, optionally starting with *., e.g. shop.example.com)");
    }

    @Test
    void layer4Routes_needRulesAndBackends() {
        String head = "apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\n"
                + "metadata: {name: db, namespace: prod}\n";
        assertThat(diagnostics(head + "spec: {parentRefs: [{name: edge}]}\n")).containsExactly(
                "in.yaml:4:7: error: TCPRoute prod/db: spec.rules: is required (expected at least one rule with"
                        + " backendRefs)");
        assertThat(diagnostics(head + "spec: {parentRefs: [{name: edge}], rules: [{backendRefs: []}]}\n"))
                .containsExactly("in.yaml:4:58: error: TCPRoute prod/db: spec.rules[0].backendRefs: is empty"
                        + " (expected at least one backendRef)");
    }

    @Test
    void httpRoute_redirectWithoutBackendsAndEmptyBackends_areAccepted() {
        LoadResult r = Loader.loadString("in.yaml", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                + "metadata: {name: r, namespace: prod}\nspec:\n  parentRefs: [{name: edge}]\n"
                + "  hostnames: ['*.example.com', shop.example.com]\n"
                + "  rules:\n  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]\n"
                + "  - backendRefs: []\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().entrances().routes()).hasSize(1);
    }

    @Test
    void referenceGrant_emptyFrom_isRefused() {
        assertThat(diagnostics("apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
                + "metadata: {name: g, namespace: prod}\nspec: {from: [], to: [{group: '', kind: Service}]}\n"))
                .containsExactly("in.yaml:4:14: error: ReferenceGrant prod/g: spec.from: is empty (expected a list of"
                        + " {group, kind, namespace})");
    }

    @Test
    void parentRefs_onePerListenerAccepted_emptyNamespaceSameAsNone() {
        String head = "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata: {name: r, namespace: prod}\n"
                + "spec:\n  parentRefs:\n";
        assertThat(diagnostics(head + "  - {name: edge, sectionName: a}\n  - {name: edge, sectionName: b}\n"
                + "  - {name: edge, namespace: prod}\n")).isEmpty();
        assertThat(diagnostics(head + "  - {name: edge}\n  - {name: edge, namespace: ''}\n")).containsExactly(
                "in.yaml:7:5: error: GRPCRoute prod/r: spec.parentRefs[1]: repeats spec.parentRefs[0] (expected each"
                        + " parent once, or told apart by sectionName or port)");
    }

    @Test
    void format_fillsEachPlaceholderOnceAndQuotesTheValue() {
        assertThat(ApiValidation.GATEWAY_LISTENER_NAME.format("value", "{first}\n", "first", "spec.listeners[0]"))
                .isEqualTo("\"{first}\\n\" is already the name of spec.listeners[0] (expected each listener name once:"
                        + " routes attach to listeners by name)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiValidation.CRD_MAX_ITEMS.format("count", "2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
