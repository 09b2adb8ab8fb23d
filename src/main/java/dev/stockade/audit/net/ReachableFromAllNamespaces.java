package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.query.Exposure;
import java.util.List;

/**
 * REACH001, by {@code query exposure}: a workload whose ingress policies admit any pod of any
 * namespace (a rule without {@code from}, or a peer {@code namespaceSelector: {}}) on some port.
 * Reported at the rule or peer that opens it, once per workload and opening. Workloads open
 * because no policy selects them (NET004) or because they use the host network (NET016) are
 * left to those rules.
 */
public final class ReachableFromAllNamespaces extends Rule {
    public ReachableFromAllNamespaces() {
        super("REACH001", "Workload reachable from every namespace", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT, Checklist.DEFAULT_DENY),
                "The engine finds that any pod of any namespace, present or future, may connect to the workload"
                        + " on some port: the workspace boundary does not hold for it.",
                "Narrow the opening rule's peers to the namespaces (by kubernetes.io/metadata.name) and pods"
                        + " that must connect.", """
                ingress:
                - from:
                  - namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
                  ports: [{protocol: TCP, port: 8080}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (Exposure.Finding f : context.exposure().workloads()) {
            if (f.fromAllNamespaces().isEmpty()) {
                continue;
            }
            for (Exposure.Opening o : f.openings()) {
                if (o.policy() == null) {
                    continue;
                }
                report.add(context.finding(this, o.policy().ref(), FieldPath.parse(o.path()), o.source(),
                        f.workload().id() + " is reachable from every namespace on " + f.fromAllNamespaces()
                                + " (" + o.what() + ")", f.workload().id()));
            }
        }
    }
}
