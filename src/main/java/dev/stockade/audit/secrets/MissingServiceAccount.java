package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import java.util.List;

/**
 * SEC006: the pod names a service account the input does not define. Judged only in namespaces
 * where the input defines at least one ServiceAccount: an input without any is taken to leave
 * accounts to other tooling, and {@code default} always exists.
 */
public final class MissingServiceAccount extends Rule {
    public MissingServiceAccount() {
        super("SEC006", "Service account not defined", Severity.WARNING, List.of(Checklist.SERVICE_ACCOUNTS),
                "The pod's serviceAccountName (or the deprecated serviceAccount) names an account that the input"
                        + " does not define, though it defines other ServiceAccounts in that namespace: usually a"
                        + " typo or a forgotten object. The API server rejects such pods, or they start under an"
                        + " account created later by someone else with whatever permissions it has. Namespaces"
                        + " without any ServiceAccount in the input are not judged, and default always exists.",
                "Define the ServiceAccount next to the workload, or fix the name.", """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api, namespace: shop}
                automountServiceAccountToken: false
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        ServiceAccounts accounts = new ServiceAccounts(context);
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            String name = ServiceAccounts.name(pod);
            String ns = pod.workload().namespace();
            if (name.equals(ServiceAccounts.DEFAULT) || accounts.count(ns) == 0 || accounts.of(pod).isPresent()) {
                continue;
            }
            report.add(pod.finding(context, this, ServiceAccounts.field(pod).orElseThrow(), "service account " + name
                    + " is not defined in the input, which defines " + accounts.count(ns) + " ServiceAccount(s) in"
                    + " namespace " + ns));
        }
    }
}
