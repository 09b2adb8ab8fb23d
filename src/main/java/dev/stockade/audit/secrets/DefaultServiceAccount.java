package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import java.util.List;

/**
 * SEC005: the pod runs as its namespace's {@code default} service account: {@code
 * serviceAccountName} (and the deprecated {@code serviceAccount}) absent, empty or {@code default}.
 */
public final class DefaultServiceAccount extends Rule {
    public DefaultServiceAccount() {
        super("SEC005", "Workload runs as the default service account", Severity.WARNING,
                List.of(Checklist.SERVICE_ACCOUNTS, Checklist.LEAST_PRIVILEGE),
                "The pod runs as the namespace's default ServiceAccount (spec.serviceAccountName absent, empty or"
                        + " default). Every pod that names no account shares it, so a permission granted to one of"
                        + " them (a RoleBinding to default) is granted to all, and the audit log cannot tell them"
                        + " apart. The checklist asks for dedicated ServiceAccounts with the minimum permissions.",
                "Create a ServiceAccount per workload, bind only the roles it needs, and name it in the pod.", """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api, namespace: shop}
                automountServiceAccountToken: false
                ---
                # in the pod template
                spec:
                  serviceAccountName: api
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            if (!ServiceAccounts.name(pod).equals(ServiceAccounts.DEFAULT)) {
                continue;
            }
            String field = ServiceAccounts.field(pod).orElse(null);
            report.add(field == null
                    ? pod.finding(context, this, "serviceAccountName",
                            "the pod names no service account and runs as default")
                    : pod.finding(context, this, field, "the pod runs as service account default (" + field + ")"));
        }
    }
}
