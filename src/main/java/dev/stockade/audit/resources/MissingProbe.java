package dev.stockade.audit.resources;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import java.util.List;
import java.util.Set;

/**
 * Shared base of RES005 and RES006: a container of a long-running workload (Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController) without a probe. Its regular
 * containers and its sidecars (init containers with {@code restartPolicy: Always}) are checked;
 * other init containers run to completion and cannot have these probes. Jobs, CronJobs and bare
 * Pods are not checked. A startupProbe does not stand in for either.
 */
abstract class MissingProbe extends Rule {
    static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "ReplicationController");

    private final String probe;
    private final String consequence;

    MissingProbe(String id, String title, Severity severity, String probe, String consequence, String description,
                 String remediation, String fix) {
        super(id, title, severity, List.of(Checklist.PROBES), description, remediation, fix);
        this.probe = probe;
        this.consequence = consequence;
    }

    @Override
    public final void check(AuditContext context, Report report) {
        PodSpecs.forEach(context, pod -> {
            if (!LONG_RUNNING.contains(pod.workload().kind())) {
                return;
            }
            for (PodSpecs.Container c : PodSpecs.containers(pod.spec(), MissingResource.LISTS)) {
                if ((c.list().equals("containers") || c.sidecar()) && c.node().field(probe).isEmpty()) {
                    PodSpecs.report(context, this, report, pod, c.path(probe), c.describe() + " has no " + probe
                            + ": " + consequence);
                }
            }
        });
    }
}
