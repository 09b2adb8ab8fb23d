package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES001: a container without a memory request. */
public final class MemoryRequest extends MissingResource {
    public MemoryRequest() {
        super("RES001", "Container without memory request", Severity.WARNING, "requests", "memory",
                "A container (regular, init or sidecar) has no resources.requests.memory: the scheduler places the"
                        + " pod as if it needed no memory, nodes are overcommitted and under pressure the kubelet"
                        + " evicts its pod first (BestEffort or Burstable). Set if the container's memory limit is set"
                        + " (the request defaults to it), if the pod-level spec.resources sets memory, or if a"
                        + " LimitRange of the input in the namespace gives a default (defaultRequest, default, max or"
                        + " min). Ephemeral containers cannot set resources.",
                "Set the memory the container needs at its usual peak.", """
                resources:
                  requests:
                    memory: 256Mi
                """);
    }
}
