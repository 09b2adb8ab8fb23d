package dev.stockade.audit.net;

import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;

/** NET001: a namespace without a default-deny ingress policy. */
public final class NoDefaultDenyIngress extends DefaultDeny {
    public NoDefaultDenyIngress() {
        super("NET001", Severity.ERROR, PolicyType.Ingress, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny-ingress
                  namespace: NAMESPACE
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """);
    }
}
