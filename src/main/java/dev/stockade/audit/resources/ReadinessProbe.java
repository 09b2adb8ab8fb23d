package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES005: a container of a long-running workload without a readinessProbe. */
public final class ReadinessProbe extends MissingProbe {
    public ReadinessProbe() {
        super("RES005", "Container without readiness probe", Severity.WARNING, "readinessProbe",
                "its pod receives Service traffic as soon as it starts, and rollouts do not wait for it",
                "A container of a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController (or one of"
                        + " its sidecars: init containers with restartPolicy: Always) has no readinessProbe. The pod"
                        + " counts as ready once its containers start: Services send it traffic before it can answer,"
                        + " and a rolling update replaces working pods with broken ones. Jobs, CronJobs and bare Pods"
                        + " are not checked.",
                "Probe an endpoint that answers only when the container can serve.", """
                readinessProbe:
                  httpGet: {path: /ready, port: http}
                  periodSeconds: 10
                """);
    }
}
