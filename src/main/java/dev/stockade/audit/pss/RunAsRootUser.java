package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS014 (restricted): {@code runAsUser: 0} at pod or container level, unless the pod runs in its
 * own user namespace ({@code hostUsers: false}).
 */
public final class RunAsRootUser extends PodRule {
    public RunAsRootUser() {
        super("PSS014", "Runs as the root user (runAsUser: 0)", Severity.WARNING,
                List.of(Checklist.PSS, Checklist.NON_ROOT),
                "The pod or a container sets runAsUser: 0, running its processes as root. Restricted allows"
                        + " spec.securityContext.runAsUser and the containers' runAsUser only as non-zero or"
                        + " undefined; pods with hostUsers: false (a user namespace) are exempt.",
                "Run as a non-zero user id.", """
                securityContext:
                  runAsUser: 10001
                """);
    }

    @Override
    void check(Pod pod) {
        if (pod.userNamespace()) {
            return;
        }
        pod.text("securityContext.runAsUser").filter("0"::equals)
                .ifPresent(v -> pod.report("securityContext.runAsUser", "pod runs as user 0 (root)"));
        for (Container c : pod.containers()) {
            c.text("securityContext.runAsUser").filter("0"::equals)
                    .ifPresent(v -> pod.report(c.path("securityContext.runAsUser"), c.describe() + " runs as user 0 (root)"));
        }
    }
}
