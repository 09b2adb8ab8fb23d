package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import dev.stockade.query.Unprotected;
import java.util.List;

/**
 * Shared check of NET004 and NET005, by {@code query unprotected}: a workload some pod of which
 * no NetworkPolicy selects for the direction (host-network workloads are NET016's).
 */
abstract class Unselected extends Rule {
    private final PolicyType direction;

    Unselected(String id, Severity severity, PolicyType direction, String fix) {
        super(id, "Workload selected by no " + direction + " policy", severity,
                List.of(Checklist.MICRO_SEGMENT, Checklist.DEFAULT_DENY),
                "No NetworkPolicy selects the workload's pods for " + direction + ", so they are not isolated: "
                        + (direction == PolicyType.Ingress ? "every pod and address may connect to them."
                        : "they may connect to every pod and address."),
                "Select the workload with a policy for " + direction + " (a namespace default deny does it for"
                        + " every pod), and allow only the flows it needs.", fix);
        this.direction = direction;
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (Unprotected.Finding f : context.unprotected().workloads()) {
            if (!f.directions().contains(direction)) {
                continue;
            }
            Workload w = f.workload().workload();
            String pods = f.pods().isEmpty() ? "" : " (pods " + String.join(", ", f.pods()) + ")";
            report.add(context.finding(this, w.ref(), PodTemplates.metadata(w.kind()).field("labels"), w.source(),
                    "selected by no NetworkPolicy for " + direction + pods
                            + (f.namespaceHasPolicies() ? "" : "; namespace " + w.namespace() + " has no policies"),
                    f.workload().id()));
        }
    }
}
