package dev.stockade.audit.net;

import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;

/** NET005: a workload no policy selects for egress. */
public final class UnselectedEgress extends Unselected {
    public UnselectedEgress() {
        super("NET005", Severity.WARNING, PolicyType.Egress, """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-egress, namespace: NAMESPACE}
                spec:
                  podSelector:
                    matchLabels: {app: web}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - podSelector:
                        matchLabels: {app: database}
                    ports: [{protocol: TCP, port: 5432}]
                """);
    }
}
