package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES006: a container of a long-running workload without a livenessProbe (a note: a bad one does harm). */
public final class LivenessProbe extends MissingProbe {
    public LivenessProbe() {
        super("RES006", "Container without liveness probe", Severity.NOTE, "livenessProbe",
                "a hung process is never restarted",
                "A container of a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController (or one of"
                        + " its sidecars) has no livenessProbe, so the kubelet restarts it only when the process exits;"
                        + " a deadlocked process stays. A note: a liveness probe that checks dependencies restarts"
                        + " healthy containers, so probe only the process itself. Jobs, CronJobs and bare Pods are not"
                        + " checked.",
                "Probe a cheap endpoint of the process itself, with a generous failure threshold.", """
                livenessProbe:
                  httpGet: {path: /healthz, port: http}
                  periodSeconds: 20
                  failureThreshold: 3
                """);
    }
}
