package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES004: a container without a CPU limit (a note: CPU limits throttle, and many teams leave them out). */
public final class CpuLimit extends MissingResource {
    public CpuLimit() {
        super("RES004", "Container without CPU limit", Severity.NOTE, "limits", "cpu",
                "A container (regular, init or sidecar) has no resources.limits.cpu, so it may use every idle CPU of"
                        + " the node and starve neighbours that requested little. A note only: limits throttle the"
                        + " container even when the node is idle, and many teams rely on requests alone (disable the"
                        + " rule in the configuration if so). Set if the pod-level spec.resources.limits.cpu is set or"
                        + " a LimitRange of the input in the namespace gives a default.",
                "Limit CPU, or disable RES004 where requests are the policy.", """
                resources:
                  requests:
                    cpu: 250m
                  limits:
                    cpu: "1"
                """);
    }
}
