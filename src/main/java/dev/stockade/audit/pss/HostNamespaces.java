package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import java.util.List;

/**
 * PSS002 (baseline): the pod shares the host's process or IPC namespace ({@code hostPID} or
 * {@code hostIPC} true). The third host namespace of the control, {@code hostNetwork}, is
 * reported once, by NET016 (which also names its effect on NetworkPolicies).
 */
public final class HostNamespaces extends PodRule {
    public HostNamespaces() {
        super("PSS002", "Host PID or IPC namespace shared", Severity.ERROR, List.of(Checklist.PSS),
                "The pod shares the node's process or IPC namespace: it can see, signal and trace the node's"
                        + " processes or read their shared memory. Baseline allows spec.hostPID and spec.hostIPC only"
                        + " as false or undefined (spec.hostNetwork, the same control's third field, is NET016).",
                "Remove hostPID and hostIPC (or set them to false).", """
                spec:
                  hostPID: false   # or delete the fields
                  hostIPC: false
                """);
    }

    @Override
    void check(Pod pod) {
        for (String f : List.of("hostPID", "hostIPC")) {
            if (pod.at(f).map(n -> n.isTrue()).orElse(false)) {
                pod.report(f, "shares the host's namespace: " + f + " is true");
            }
        }
    }
}
