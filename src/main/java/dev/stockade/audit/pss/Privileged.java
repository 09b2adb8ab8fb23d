package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/** PSS001 (baseline): a privileged container ({@code securityContext.privileged: true}). */
public final class Privileged extends PodRule {
    public Privileged() {
        super("PSS001", "Privileged container", Severity.ERROR, List.of(Checklist.PSS),
                "A container runs privileged: it gets every capability and the host's devices, which disables"
                        + " most container isolation. Baseline forbids spec.containers[*].securityContext.privileged"
                        + " (also initContainers and ephemeralContainers) other than false or undefined.",
                "Remove privileged (or set it to false) and grant only the capabilities the process needs.", """
                securityContext:
                  privileged: false   # or delete the field
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            if (c.at("securityContext.privileged").map(n -> n.isTrue()).orElse(false)) {
                pod.report(c.path("securityContext.privileged"), c.describe() + " is privileged");
            }
        }
    }
}
