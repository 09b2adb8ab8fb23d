package dev.stockade.audit.resources;

import dev.stockade.audit.Severity;

/** RES002: a container without a memory limit. */
public final class MemoryLimit extends MissingResource {
    public MemoryLimit() {
        super("RES002", "Container without memory limit", Severity.WARNING, "limits", "memory",
                "A container (regular, init or sidecar) has no resources.limits.memory: a leak or an attack can take"
                        + " the node's memory and get other tenants' pods killed. Set if the pod-level"
                        + " spec.resources.limits.memory is set or a LimitRange of the input in the namespace gives a"
                        + " default (default or max). Ephemeral containers cannot set resources.",
                "Limit memory (for memory, usually equal to the request).", """
                resources:
                  requests:
                    memory: 256Mi
                  limits:
                    memory: 256Mi
                """);
    }
}
