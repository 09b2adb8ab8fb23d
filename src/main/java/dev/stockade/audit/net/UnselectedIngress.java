package dev.stockade.audit.net;

import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;

/** NET004: a workload no policy selects for ingress. */
public final class UnselectedIngress extends Unselected {
    public UnselectedIngress() {
        super("NET004", Severity.ERROR, PolicyType.Ingress, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-web, namespace: NAMESPACE}
                spec:
                  podSelector:
                    matchLabels: {app: web}
                  policyTypes: [Ingress]
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels: {app: frontend}
                    ports: [{protocol: TCP, port: 8080}]
                """);
    }
}
