package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * NET019: a Service of {@code type: LoadBalancer} without {@code loadBalancerSourceRanges}, or
 * with a range of prefix length 0: open to the whole Internet.
 */
public final class OpenLoadBalancer extends ServiceExposure {
    public OpenLoadBalancer() {
        super("NET019", "LoadBalancer open to every address", Severity.WARNING,
                "A LoadBalancer Service without loadBalancerSourceRanges (or with 0.0.0.0/0) is reachable from"
                        + " the whole Internet, bypassing the Ingress.",
                "Restrict loadBalancerSourceRanges to the clients that need it, or use the Ingress.", """
                spec:
                  type: LoadBalancer
                  loadBalancerSourceRanges: [203.0.113.0/24]
                """);
    }

    @Override
    void check(AuditContext context, RawObject service, String type, Report report) {
        if (!type.equals("LoadBalancer")) {
            return;
        }
        List<RawNode> ranges = service.at("spec.loadBalancerSourceRanges").map(RawNode::items).orElse(List.of());
        if (ranges.isEmpty()) {
            report.add(context.finding(this, service.ref(), path("spec.type"), service.source(),
                    "type LoadBalancer without loadBalancerSourceRanges: every address may connect", ""));
        }
        for (int i = 0; i < ranges.size(); i++) {
            String r = ranges.get(i).text().orElse("").strip();
            if (r.endsWith("/0")) {
                report.add(context.finding(this, service.ref(), path("spec.loadBalancerSourceRanges[" + i + "]"),
                        service.source(), "loadBalancerSourceRanges admits every address: " + r, ""));
            }
        }
    }
}
