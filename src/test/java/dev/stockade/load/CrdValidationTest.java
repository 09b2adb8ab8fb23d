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
}
