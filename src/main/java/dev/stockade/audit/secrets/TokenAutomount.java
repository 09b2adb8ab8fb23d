package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Optional;

/**
 * SEC004: the pod mounts its service-account token. Effective automount (the API rule): the pod's
 * {@code spec.automountServiceAccountToken} when set, else the ServiceAccount's
 * {@code automountServiceAccountToken} when the input has that account and it sets the field,
 * else true.
 */
public final class TokenAutomount extends Rule {
    public TokenAutomount() {
        super("SEC004", "Service-account token mounted", Severity.WARNING,
                List.of(Checklist.SERVICE_ACCOUNTS, Checklist.LEAST_PRIVILEGE),
                "The pod gets a token of its service account at /var/run/secrets/kubernetes.io/serviceaccount:"
                        + " whoever runs code in the container can call the API server with the account's"
                        + " permissions. Effective automount is the pod's spec.automountServiceAccountToken when"
                        + " set, else the field of the ServiceAccount the pod runs as (when the input defines it),"
                        + " else true. Workloads that call the API should say so explicitly and run as a dedicated"
                        + " account with the least permissions (suppress the finding with the reason).",
                "Turn the automount off on the pod (or on its ServiceAccount); mount a projected, short-lived"
                        + " token only where the API is needed.", """
                spec:
                  serviceAccountName: api
                  automountServiceAccountToken: false
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        ServiceAccounts accounts = new ServiceAccounts(context);
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            String account = ServiceAccounts.name(pod);
            Optional<String> onPod = pod.text("automountServiceAccountToken");
            if (onPod.isPresent()) {
                if (isTrue(onPod.get())) {
                    report.add(pod.finding(context, this, "automountServiceAccountToken", "the pod mounts the token"
                            + " of service account " + account + " (automountServiceAccountToken: true)"));
                }
                continue;
            }
            RawObject sa = accounts.of(pod).orElse(null);
            Optional<String> onAccount = sa == null ? Optional.empty()
                    : sa.at("automountServiceAccountToken").flatMap(RawNode::text);
            if (onAccount.isPresent()) {
                if (isTrue(onAccount.get())) {
                    report.add(pod.finding(context, this, "automountServiceAccountToken", "the pod mounts the token"
                            + " of service account " + account + ": the pod does not set automountServiceAccountToken"
                            + " and ServiceAccount " + sa.namespace() + "/" + sa.name() + " sets it to true"));
                }
                continue;
            }
            report.add(pod.finding(context, this, "automountServiceAccountToken", "the pod mounts the token of"
                    + " service account " + account + ": automountServiceAccountToken is set neither on the pod nor"
                    + (sa == null ? " on a ServiceAccount in the input" : " on ServiceAccount " + sa.namespace() + "/"
                    + sa.name())));
        }
    }

    private static boolean isTrue(String v) {
        return !v.matches("false|False|FALSE");
    }
}
