package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS020 (restricted): a container's {@code securityContext.procMount} other than {@code Default}
 * in a pod with {@code hostUsers: false}. Baseline allows it there; restricted does not. (Without a
 * user namespace PSS007 reports it.)
 */
public final class RestrictedProcMount extends PodRule {
    public RestrictedProcMount() {
        super("PSS020", "Unmasked /proc mount in a user namespace", Severity.WARNING, List.of(Checklist.PSS),
                "A container of a pod in its own user namespace (hostUsers: false) asks for an unmasked /proc"
                        + " (securityContext.procMount: Unmasked). Baseline allows this in a user namespace;"
                        + " restricted allows procMount only as Default or undefined.",
                "Remove procMount (or set it to Default).", """
                securityContext:
                  procMount: Default   # or delete the field
                """);
    }

    @Override
    void check(Pod pod) {
        if (!pod.userNamespace()) {
            return;
        }
        for (Container c : pod.containers()) {
            c.text("securityContext.procMount").filter(v -> !v.equals("Default"))
                    .ifPresent(v -> pod.report(c.path("securityContext.procMount"), c.describe() + " mounts /proc " + v));
        }
    }
}
