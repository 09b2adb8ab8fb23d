package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;

/**
 * PSS019 (baseline, Kubernetes 1.34): a probe or lifecycle handler whose {@code httpGet.host} or
 * {@code tcpSocket.host} is set, making the kubelet connect to another address.
 */
public final class HostProbes extends PodRule {
    private static final List<String> HANDLERS = List.of("livenessProbe", "readinessProbe", "startupProbe",
            "lifecycle.postStart", "lifecycle.preStop");

    public HostProbes() {
        super("PSS019", "Probe or lifecycle handler targets another host", Severity.ERROR, List.of(Checklist.PSS),
                "A container's livenessProbe, readinessProbe, startupProbe or lifecycle.postStart/preStop sets"
                        + " httpGet.host or tcpSocket.host: the kubelet then connects from the node to any address"
                        + " the pod names. Baseline allows host only as empty or undefined.",
                "Remove host: probes and hooks then target the pod's own IP.", """
                livenessProbe:
                  httpGet:
                    path: /healthz
                    port: 8080   # no host
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            for (String h : HANDLERS) {
                for (String kind : List.of("httpGet", "tcpSocket")) {
                    String field = h + "." + kind + ".host";
                    c.text(field).filter(v -> !v.isEmpty()).ifPresent(v -> pod.report(c.path(field),
                            c.describe() + " " + h + " connects to host " + v));
                }
            }
        }
    }
}
