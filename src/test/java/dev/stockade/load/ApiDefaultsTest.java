package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyType;
import dev.stockade.model.ServicePort;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the API server accepts and defaults is read as it defaults it, not refused: the loader
 * refuses no more than the API server does.
 */
@Tag("hostile")
class ApiDefaultsTest {
    private static final String PROD = "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\n";

    @Test
    void load_networkPolicyWithoutSpec_isTheEmptySpecThatDeniesAllIngress() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: prod}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly("in.yaml:5:1: warning: NetworkPolicy"
                + " prod/deny: spec: is missing (the API server reads it as {}: podSelector {} and policyTypes"
                + " [Ingress], which denies all ingress to every pod in the namespace)");
        NetworkPolicy p = r.cluster().policies().getFirst();
        assertThat(p.podSelector().selectsAll()).isTrue();
        assertThat(p.policyTypes()).isEqualTo(Set.of(PolicyType.Ingress));
        assertThat(p.ingress()).isEmpty();
    }

    @Test
    void load_policyTypeListedTwice_countsOnceWithAWarning() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: prod}
                spec: {podSelector: {}, policyTypes: [Egress, Egress]}
                """);

        assertThat(r.diagnostics()).map(Diagnostic::toString).containsExactly("in.yaml:8:47: warning: NetworkPolicy"
                + " prod/np: spec.policyTypes[1]: \"Egress\" is listed twice; it counts once (the API server accepts"
                + " it)");
        assertThat(r.cluster().policies().getFirst().policyTypes()).isEqualTo(Set.of(PolicyType.Egress));
    }

    @Test
    void load_serviceTargetPortZeroOrEmpty_defaultsToThePort() {
        LoadResult r = Loader.loadString("in.yaml", PROD + """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: prod}
                spec: {ports: [{name: a, port: 80, targetPort: 0}, {name: b, port: 443, targetPort: ""}]}
                """);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.cluster().entrances().services().getFirst().ports()).extracting(ServicePort::targetPort)
                .containsExactly("80", "443");
    }
}
