package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.manifest.RawNode;
import java.util.List;

/**
 * NET021: a container declares {@code containerPort} 22 (SSH) or another privileged port (below
 * 1024), in containers, initContainers or ephemeralContainers.
 */
public final class PrivilegedPort extends Rule {
    /** Ports below this one need root or CAP_NET_BIND_SERVICE to bind (net.ipv4.ip_unprivileged_port_start). */
    static final int FIRST_UNPRIVILEGED = 1024;
    static final int SSH = 22;

    public PrivilegedPort() {
        super("NET021", "SSH or privileged container port", Severity.WARNING,
                List.of("3. Workload and Pod Security: Run as Non-Root",
                        "3. Workload and Pod Security: Use Minimal, Secure Base Images"),
                "A container declares containerPort 22 or another port below 1024. Port 22 means an SSH server in"
                        + " the container: a second way in beside the application, with its own credentials, that"
                        + " kubectl exec makes unnecessary. Binding a port below 1024 needs root or the"
                        + " NET_BIND_SERVICE capability, which a non-root container with every capability dropped"
                        + " does not have; listen on a high port and let the Service map the well-known one.",
                "Remove the SSH server from the image; listen on a port from 1024 up and keep the well-known port"
                        + " on the Service.", """
                ports:
                - {name: http, containerPort: 8080}
                # Service: ports: [{port: 80, targetPort: http}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            for (WorkloadPod.Container c : pod.containers()) {
                List<RawNode> ports = c.items("ports");
                for (int i = 0; i < ports.size(); i++) {
                    int port;
                    try {
                        port = Integer.parseInt(ports.get(i).string("containerPort").orElse("0"));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (port > 0 && port < FIRST_UNPRIVILEGED) {
                        report.add(pod.finding(context, this, c.path("ports[" + i + "].containerPort"),
                                c.describe() + (port == SSH ? " declares port 22 (SSH)"
                                        : " declares privileged port " + port + " (below 1024)")));
                    }
                }
            }
        }
    }
}
