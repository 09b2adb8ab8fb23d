package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * NET020: a Service with {@code spec.externalIPs}: whoever may create it can capture traffic to
 * any address (CVE-2020-8554), and the ports open on those addresses.
 */
public final class ExternalIps extends ServiceExposure {
    public ExternalIps() {
        super("NET020", "Service with externalIPs", Severity.ERROR,
                "spec.externalIPs routes traffic for arbitrary addresses to the Service's pods on every node:"
                        + " it can intercept traffic meant for others (CVE-2020-8554).",
                "Remove externalIPs; use a LoadBalancer or the Ingress (and deny externalIPs by admission policy).",
                """
                spec:
                  type: ClusterIP   # no externalIPs
                """);
    }

    @Override
    void check(AuditContext context, RawObject service, String type, Report report) {
        List<RawNode> ips = service.at("spec.externalIPs").map(RawNode::items).orElse(List.of());
        if (!ips.isEmpty()) {
            report.add(context.finding(this, service.ref(), path("spec.externalIPs"), service.source(),
                    "externalIPs " + ips.stream().map(n -> n.text().orElse("")).toList()
                            + " route traffic for those addresses to the Service", ""));
        }
    }
}
