package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;
import java.util.List;

/**
 * NET014: an ingress rule with peers but no {@code ports} list (absent or {@code []}): every
 * port of every protocol is open to those peers. Rules without peers are NET009's.
 */
public final class EveryPortIngress extends Rule {
    public EveryPortIngress() {
        super("NET014", "Ingress rule open on every port", Severity.NOTE, List.of(Checklist.MICRO_SEGMENT),
                "An ingress rule names its peers but no ports: the peers may connect on every TCP, UDP and SCTP"
                        + " port, debug and admin ports included.",
                "List the ports the peers need under 'ports'.", """
                ingress:
                - from:
                  - podSelector:
                      matchLabels: {app: frontend}
                  ports:
                  - {protocol: TCP, port: 8080}
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        EnforcedRules.forEach(context.cluster(), PolicyType.Ingress, (p, i, r) -> {
            if (!r.allPeers() && r.allPorts()) {
                report.add(context.finding(this, p.ref(), PolicyPaths.rule(PolicyType.Ingress, i), r.source(),
                        "ingress rule " + i + " has no 'ports' list: its peers may connect on every port", ""));
            }
        });
    }
}
