package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/** PSS008 (baseline): a seccomp profile of type {@code Unconfined}, at pod or container level. */
public final class SeccompUnconfined extends PodRule {
    public SeccompUnconfined() {
        super("PSS008", "Seccomp disabled (Unconfined)", Severity.ERROR, List.of(Checklist.PSS),
                "The pod or a container runs without seccomp filtering (seccompProfile.type: Unconfined), so every"
                        + " system call reaches the node's kernel. Baseline allows"
                        + " spec.securityContext.seccompProfile.type and the containers' seccompProfile.type only as"
                        + " RuntimeDefault, Localhost or undefined.",
                "Use the runtime's default seccomp profile.", """
                securityContext:
                  seccompProfile:
                    type: RuntimeDefault
                """);
    }

    @Override
    void check(Pod pod) {
        pod.text("securityContext.seccompProfile.type").filter("Unconfined"::equals)
                .ifPresent(t -> pod.report("securityContext.seccompProfile.type", "pod seccomp profile is Unconfined"));
        for (Container c : pod.containers()) {
            c.text("securityContext.seccompProfile.type").filter("Unconfined"::equals)
                    .ifPresent(t -> pod.report(c.path("securityContext.seccompProfile.type"),
                            c.describe() + " seccomp profile is Unconfined"));
        }
    }
}
