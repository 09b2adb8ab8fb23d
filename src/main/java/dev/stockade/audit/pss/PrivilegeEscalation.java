package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS012 (restricted): a container whose {@code securityContext.allowPrivilegeEscalation} is not
 * explicitly false.
 */
public final class PrivilegeEscalation extends PodRule {
    public PrivilegeEscalation() {
        super("PSS012", "Privilege escalation allowed", Severity.WARNING, List.of(Checklist.PSS, Checklist.NON_ROOT),
                "A container does not set securityContext.allowPrivilegeEscalation: false, so a process can gain"
                        + " more privileges than its parent (setuid binaries, file capabilities). Restricted requires"
                        + " it to be false on every container, initContainer and ephemeralContainer.",
                "Set allowPrivilegeEscalation: false on every container.", """
                securityContext:
                  allowPrivilegeEscalation: false
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            String v = c.text("securityContext.allowPrivilegeEscalation").orElse(null);
            if (v == null) {
                pod.report(c.path("securityContext.allowPrivilegeEscalation"),
                        c.describe() + " does not set allowPrivilegeEscalation: false");
            } else if (!v.matches("false|False|FALSE")) {
                pod.report(c.path("securityContext.allowPrivilegeEscalation"),
                        c.describe() + " allows privilege escalation");
            }
        }
    }
}
