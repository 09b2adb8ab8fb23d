package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;
import java.util.Set;

/**
 * PSS015 (restricted): no seccomp profile of type {@code RuntimeDefault} or {@code Localhost}.
 * The pod level covers the containers that do not set their own; a container's value overrides it.
 * {@code Unconfined} is reported once, by the baseline rule PSS008.
 */
public final class SeccompRestricted extends PodRule {
    private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");

    public SeccompRestricted() {
        super("PSS015", "Seccomp profile not set to RuntimeDefault or Localhost", Severity.WARNING,
                List.of(Checklist.PSS),
                "Restricted requires seccompProfile.type RuntimeDefault or Localhost, set in"
                        + " spec.securityContext (covering every container that sets none) or on each container"
                        + " (containers, initContainers, ephemeralContainers); a container's value overrides the"
                        + " pod's. Unconfined, which baseline already forbids, is reported by PSS008.",
                "Set the runtime's default seccomp profile on the pod.", """
                spec:
                  securityContext:
                    seccompProfile:
                      type: RuntimeDefault
                """);
    }

    @Override
    void check(Pod pod) {
        String podType = pod.text("securityContext.seccompProfile.type").orElse(null);
        if (podType != null && !ALLOWED.contains(podType) && !podType.equals("Unconfined")) {
            pod.report("securityContext.seccompProfile.type", "pod seccomp profile is " + podType);
        }
        for (Container c : pod.containers()) {
            String t = c.text("securityContext.seccompProfile.type").orElse(null);
            if (t == null) {
                if (podType == null) {
                    pod.report(c.path("securityContext.seccompProfile"),
                            c.describe() + " has no seccomp profile, and the pod sets none");
                }
            } else if (!ALLOWED.contains(t) && !t.equals("Unconfined")) {
                pod.report(c.path("securityContext.seccompProfile.type"), c.describe() + " seccomp profile is " + t);
            }
        }
    }
}
