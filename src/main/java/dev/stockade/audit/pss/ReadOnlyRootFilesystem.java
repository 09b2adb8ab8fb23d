package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/** PSS017 (hardening beyond the profiles): a container whose root filesystem is writable. */
public final class ReadOnlyRootFilesystem extends PodRule {
    public ReadOnlyRootFilesystem() {
        super("PSS017", "Root filesystem writable", Severity.WARNING, List.of(Checklist.READ_ONLY),
                "A container does not set securityContext.readOnlyRootFilesystem: true, so an attacker inside it"
                        + " can change its binaries and configuration. Not part of the Pod Security Standards; the"
                        + " checklist asks for it. Checked on containers, initContainers and ephemeralContainers.",
                "Set readOnlyRootFilesystem: true and mount an emptyDir where the process must write.", """
                securityContext:
                  readOnlyRootFilesystem: true
                volumeMounts:
                - name: tmp
                  mountPath: /tmp   # backed by an emptyDir volume
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            String v = c.text("securityContext.readOnlyRootFilesystem").orElse(null);
            if (v == null || !v.matches("true|True|TRUE")) {
                pod.report(c.path("securityContext.readOnlyRootFilesystem"), c.describe()
                        + (v == null ? " does not set readOnlyRootFilesystem: true" : " has a writable root filesystem"));
            }
        }
    }
}
