package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/** PSS010 (baseline): a Windows HostProcess pod or container ({@code windowsOptions.hostProcess: true}). */
public final class HostProcess extends PodRule {
    public HostProcess() {
        super("PSS010", "Windows HostProcess container", Severity.ERROR, List.of(Checklist.PSS),
                "The pod or a container runs as a Windows HostProcess (securityContext.windowsOptions.hostProcess:"
                        + " true), with privileged access to the Windows node. Baseline allows it only as false or"
                        + " undefined.",
                "Remove windowsOptions.hostProcess (or set it to false).", """
                securityContext:
                  windowsOptions:
                    hostProcess: false   # or delete the field
                """);
    }

    @Override
    void check(Pod pod) {
        if (pod.at("securityContext.windowsOptions.hostProcess").map(n -> n.isTrue()).orElse(false)) {
            pod.report("securityContext.windowsOptions.hostProcess", "pod runs as a Windows HostProcess");
        }
        for (Container c : pod.containers()) {
            if (c.at("securityContext.windowsOptions.hostProcess").map(n -> n.isTrue()).orElse(false)) {
                pod.report(c.path("securityContext.windowsOptions.hostProcess"),
                        c.describe() + " runs as a Windows HostProcess");
            }
        }
    }
}
