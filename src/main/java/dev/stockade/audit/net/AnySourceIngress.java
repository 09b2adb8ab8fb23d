package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;
import java.util.List;

/**
 * NET009: an ingress rule without a {@code from} list (absent or {@code []}): the API reads it
 * as every source — every pod of every namespace and every address. Only policies that isolate
 * for Ingress count.
 */
public final class AnySourceIngress extends Rule {
    public AnySourceIngress() {
        super("NET009", "Ingress rule admits every source", Severity.ERROR, List.of(Checklist.MICRO_SEGMENT),
                "An ingress rule has no 'from' list, which admits every source: all pods of all namespaces and"
                        + " every external address, on the rule's ports.",
                "List the peers that must connect under 'from'.", """
                ingress:
                - from:
                  - podSelector:
                      matchLabels: {app: frontend}
                  ports: [{protocol: TCP, port: 8080}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        EnforcedRules.forEach(context.cluster(), PolicyType.Ingress, (p, i, r) -> {
            if (r.allPeers()) {
                report.add(context.finding(this, p.ref(), PolicyPaths.rule(PolicyType.Ingress, i), r.source(),
                        "ingress rule " + i + " has no 'from' list: every source may connect"
                                + (r.allPorts() ? " on every port" : ""), ""));
            }
        });
    }
}
