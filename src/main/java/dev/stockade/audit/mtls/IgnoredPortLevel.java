package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * MTLS006: {@code portLevelMtls} on a PeerAuthentication without a selector. Istio applies port
 * settings only to policies that select workloads, so the entries have no effect — the author
 * probably believes a port is excepted (or protected) when it is not.
 */
public final class IgnoredPortLevel extends Rule {
    public IgnoredPortLevel() {
        super("MTLS006", "portLevelMtls without a selector has no effect", Severity.NOTE, List.of(Checklist.ENCRYPT),
                "Istio honours portLevelMtls only on a PeerAuthentication with a workload selector; on a"
                        + " namespace- or mesh-wide policy the port settings are ignored.",
                "Move the port settings to a policy that selects the workload (by the pods' labels), or remove them.",
                """
                spec:
                  selector:
                    matchLabels: {app: backend}
                  portLevelMtls:
                    "9090": {mode: PERMISSIVE}
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject pa : Mesh.peerAuthentications(context)) {
            if (!Mesh.hasSelector(pa) && !Mesh.portModes(pa).isEmpty()) {
                report.add(context.finding(this, pa.ref(), FieldPath.parse("spec.portLevelMtls"), pa.source(),
                        "no selector: Istio ignores portLevelMtls (ports "
                                + String.join(", ", Mesh.portModes(pa).stream().map(Mesh.PortMode::port).toList()) + ")",
                        ""));
            }
        }
    }
}
