package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING009: an OpenShift {@code route.openshift.io} Route without {@code spec.tls} (plain HTTP),
 * or with {@code spec.tls.insecureEdgeTerminationPolicy: Allow} (HTTPS offered, plain HTTP served
 * as well).
 */
public final class InsecureRoute extends Rule {
    public InsecureRoute() {
        super("ING009", "OpenShift Route serves plain HTTP", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "A Route without tls is served in plain HTTP; with insecureEdgeTerminationPolicy: Allow it also"
                        + " answers plain HTTP next to HTTPS.",
                "Terminate TLS on the Route and redirect plain HTTP.", """
                spec:
                  tls:
                    termination: edge
                    insecureEdgeTerminationPolicy: Redirect
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject r : context.manifests("Route")) {
            if (!r.apiVersion().startsWith("route.openshift.io/")) {
                continue;
            }
            if (r.at("spec.tls").filter(t -> t.isMapping()).isEmpty()) {
                report.add(context.finding(this, r.ref(), FieldPath.parse("spec.tls"), r.source(),
                        "no tls: the Route is served in plain HTTP", ""));
            } else if (r.at("spec.tls.insecureEdgeTerminationPolicy").flatMap(n -> n.text())
                    .filter(v -> v.equalsIgnoreCase("Allow")).isPresent()) {
                report.add(context.finding(this, r.ref(), FieldPath.parse("spec.tls.insecureEdgeTerminationPolicy"),
                        r.source(), "plain HTTP is served next to HTTPS (insecureEdgeTerminationPolicy: Allow)",
                        ""));
            }
        }
    }
}
