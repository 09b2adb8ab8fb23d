package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Workload;
import java.util.List;

/**
 * NET017: a container port with a {@code hostPort} other than 0, in containers, initContainers
 * or ephemeralContainers. Traffic to the node's port is forwarded to the pod, and depending on
 * the CNI plugin it does not pass the pod's ingress policies.
 */
public final class HostPort extends Rule {
    private static final List<String> CONTAINERS = List.of("initContainers", "containers", "ephemeralContainers");

    public HostPort() {
        super("NET017", "hostPort bypasses NetworkPolicies", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT, Checklist.PSS),
                "A container publishes a port on the node (hostPort): anyone who reaches the node reaches the"
                        + " pod, with many CNI plugins past its ingress policies; the baseline Pod Security Standard"
                        + " forbids it.",
                "Remove hostPort and expose the port through a Service.", """
                ports:
                - containerPort: 8080   # no hostPort
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (Workload w : context.workloads()) {
            RawObject raw = context.raw(w.ref()).orElse(null);
            if (raw == null) {
                continue;
            }
            FieldPath spec = PodTemplates.spec(w.kind());
            for (String list : CONTAINERS) {
                List<RawNode> containers = raw.at(spec.field(list)).map(RawNode::items).orElse(List.of());
                for (int c = 0; c < containers.size(); c++) {
                    List<RawNode> ports = containers.get(c).field("ports").map(RawNode::items).orElse(List.of());
                    for (int i = 0; i < ports.size(); i++) {
                        String hostPort = ports.get(i).string("hostPort").orElse("0");
                        if (!hostPort.equals("0")) {
                            String name = containers.get(c).string("name").orElse(String.valueOf(c));
                            report.add(context.podFinding(this, w, list + "[" + c + "].ports[" + i + "].hostPort",
                                    "container " + name + " publishes hostPort " + hostPort));
                        }
                    }
                }
            }
        }
    }
}
