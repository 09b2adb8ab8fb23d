package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING010: a Gateway API ({@code gateway.networking.k8s.io}) Gateway whose listeners include
 * {@code HTTP} ones and no {@code HTTPS} or {@code TLS} listener: everything it serves is plain
 * text. Reported at each HTTP listener's protocol.
 */
public final class PlainHttpGateway extends Rule {
    public PlainHttpGateway() {
        super("ING010", "Gateway with HTTP listeners only", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The Gateway listens in plain HTTP and has no HTTPS or TLS listener: its routes cannot be reached"
                        + " encrypted.",
                "Add an HTTPS listener with the certificate, and keep HTTP only to redirect.", """
                spec:
                  listeners:
                  - name: https
                    protocol: HTTPS
                    port: 443
                    tls:
                      certificateRefs: [{name: shop-tls}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject g : context.manifests("Gateway")) {
            if (!g.apiVersion().startsWith("gateway.networking.k8s.io/")) {
                continue;
            }
            List<RawNode> listeners = g.at("spec.listeners").map(RawNode::items).orElse(List.of());
            if (listeners.stream().anyMatch(l -> l.string("protocol").filter(p -> p.equals("HTTPS") || p.equals("TLS"))
                    .isPresent())) {
                continue;
            }
            for (int i = 0; i < listeners.size(); i++) {
                if (listeners.get(i).string("protocol").filter("HTTP"::equals).isPresent()) {
                    report.add(context.finding(this, g.ref(), FieldPath.parse("spec.listeners[" + i + "].protocol"),
                            g.source(), "listener "
                                    + listeners.get(i).string("name").orElse("#" + i)
                                    + " is plain HTTP and the Gateway has no HTTPS or TLS listener", ""));
                }
            }
        }
    }
}
