package dev.stockade.audit.net;

import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;

/** NET002: a namespace without a default-deny egress policy. */
public final class NoDefaultDenyEgress extends DefaultDeny {
    public NoDefaultDenyEgress() {
        super("NET002", Severity.WARNING, PolicyType.Egress, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny-egress
                  namespace: NAMESPACE
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to:   # keep DNS working (see NET012)
                    - namespaceSelector:
                        matchLabels: {kubernetes.io/metadata.name: kube-system}
                      podSelector:
                        matchLabels: {k8s-app: kube-dns}
                    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                """);
    }
}
