package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS013 (restricted): containers not required to run as non-root. As the standard defines it,
 * {@code runAsNonRoot: true} at pod level covers every container that does not set it; otherwise
 * every container must set it; and neither level may set it to false. A pod in its own user
 * namespace ({@code hostUsers: false}) is exempt.
 */
public final class RunAsNonRoot extends PodRule {
    public RunAsNonRoot() {
        super("PSS013", "Not required to run as non-root", Severity.WARNING, List.of(Checklist.PSS, Checklist.NON_ROOT),
                "The pod may run a container as root: restricted requires spec.securityContext.runAsNonRoot: true,"
                        + " or runAsNonRoot: true on every container (containers, initContainers,"
                        + " ephemeralContainers) that the pod level does not cover; false is never allowed at either"
                        + " level. A container's value overrides the pod's. Pods with hostUsers: false (a user namespace)"
                        + " are exempt.",
                "Set runAsNonRoot: true in the pod's securityContext (and a non-zero runAsUser, or a USER in the"
                        + " image).", """
                spec:
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                """);
    }

    @Override
    void check(Pod pod) {
        if (pod.userNamespace()) {
            return;
        }
        String podValue = pod.text("securityContext.runAsNonRoot").orElse(null);
        boolean podTrue = podValue != null && podValue.matches("true|True|TRUE");
        if (podValue != null && !podTrue) {
            pod.report("securityContext.runAsNonRoot", "pod sets runAsNonRoot: " + podValue);
        }
        for (Container c : pod.containers()) {
            String v = c.text("securityContext.runAsNonRoot").orElse(null);
            if (v == null) {
                if (!podTrue) {
                    pod.report(c.path("securityContext.runAsNonRoot"),
                            c.describe() + " may run as root: runAsNonRoot is set neither on it nor on the pod");
                }
            } else if (!v.matches("true|True|TRUE")) {
                pod.report(c.path("securityContext.runAsNonRoot"), c.describe() + " sets runAsNonRoot: " + v);
            }
        }
    }
}
