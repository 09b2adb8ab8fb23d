package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES003: a container without a CPU request. */
public final class CpuRequest extends MissingResource {
    public CpuRequest() {
        super("RES003", "Container without CPU request", Severity.WARNING, "requests", "cpu",
                "A container (regular, init or sidecar) has no resources.requests.cpu: the scheduler places the pod"
                        + " as if it needed no CPU and under contention it gets only the minimum share. Set if the"
                        + " container's CPU limit is set (the request defaults to it), if the pod-level spec.resources"
                        + " sets cpu, or if a LimitRange of the input in the namespace gives a default. Ephemeral"
                        + " containers cannot set resources.",
                "Request the CPU the container needs.", """
                resources:
                  requests:
                    cpu: 250m
                """);
    }
}
