package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;

/** NET018: a Service of {@code type: NodePort}: its ports open on every node's address. */
public final class NodePortService extends ServiceExposure {
    public NodePortService() {
        super("NET018", "NodePort Service", Severity.WARNING,
                "A NodePort Service opens its ports on every node's address, outside the Ingress and its TLS,"
                        + " WAF and rate limits.",
                "Use a ClusterIP Service behind the Ingress.", """
                spec:
                  type: ClusterIP
                """);
    }

    @Override
    void check(AuditContext context, RawObject service, String type, Report report) {
        if (type.equals("NodePort")) {
            report.add(context.finding(this, service.ref(), path("spec.type"), service.source(),
                    "type NodePort opens the Service's ports on every node", ""));
        }
    }
}
