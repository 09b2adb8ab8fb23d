package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.List;

/**
 * NET016: a workload on the host network ({@code hostNetwork: true}). Most network plugins do
 * not apply NetworkPolicies to such pods: they reach and are reached as the node. With
 * {@code --host-network=pod} the analysis assumes the plugin polices them as pods, and the
 * finding says that this is an assumption rather than claiming no policy applies.
 */
public final class HostNetwork extends Rule {
    public HostNetwork() {
        super("NET016", "hostNetwork bypasses NetworkPolicies", Severity.ERROR,
                List.of(Checklist.MICRO_SEGMENT, Checklist.PSS),
                "The pod uses the node's network namespace: no NetworkPolicy applies to it, it can reach"
                        + " everything the node can, and it is forbidden by the baseline Pod Security Standard.",
                "Remove hostNetwork (expose the workload through a Service instead).", """
                spec:
                  hostNetwork: false   # or delete the field
                """);
    }

    static final String NODE_MESSAGE = "uses the host network: NetworkPolicies do not apply to it";
    static final String POD_MESSAGE = "uses the host network: the analysis assumes the network plugin polices it"
            + " as a pod (--host-network=pod), which most plugins do not; where they do not, NetworkPolicies do not"
            + " apply to it";

    @Override
    public void check(AuditContext context, Report report) {
        String message = switch (context.options().hostNetwork()) {
            case NODE -> NODE_MESSAGE;
            case POD -> POD_MESSAGE;
        };
        for (Workload w : context.workloads()) {
            if (w.pods().stream().anyMatch(Pod::hostNetwork)) {
                report.add(context.podFinding(this, w, "hostNetwork", message));
            }
        }
    }
}
