package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS007 (baseline): a container's {@code securityContext.procMount} other than {@code Default},
 * in a pod that shares the host's user namespace (with {@code hostUsers: false} baseline allows it;
 * PSS020 reports it at restricted).
 */
public final class ProcMount extends PodRule {
    public ProcMount() {
        super("PSS007", "Unmasked /proc mount", Severity.ERROR, List.of(Checklist.PSS),
                "A container asks for an unmasked /proc (securityContext.procMount: Unmasked), exposing the"
                        + " host's kernel interfaces that the runtime normally masks. Baseline allows procMount only"
                        + " as Default or undefined, except in pods with hostUsers: false (a user namespace), which"
                        + " restricted still forbids (PSS020).",
                "Remove procMount (or set it to Default).", """
                securityContext:
                  procMount: Default   # or delete the field
                """);
    }

    @Override
    void check(Pod pod) {
        if (pod.userNamespace()) {
            return;  // baseline allows any procMount in a user namespace; restricted does not (PSS020)
        }
        for (Container c : pod.containers()) {
            c.text("securityContext.procMount").filter(v -> !v.equals("Default"))
                    .ifPresent(v -> pod.report(c.path("securityContext.procMount"), c.describe() + " mounts /proc " + v));
        }
    }
}
