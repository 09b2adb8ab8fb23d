package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * Shared base of MTLS001 and MTLS002: a PeerAuthentication whose {@code spec.mtls.mode}, or a
 * {@code portLevelMtls} entry's mode (each port its own finding), is {@link #mode}. Port-level
 * entries of a selector-less policy have no effect (MTLS006) and are not counted.
 */
abstract class ModeRule extends Rule {
    private final Mesh.Mode mode;
    private final String consequence;

    ModeRule(String id, String title, Severity severity, Mesh.Mode mode, String consequence, String description) {
        super(id, title, severity, List.of(Checklist.ENCRYPT), description,
                "Set the mode to STRICT once every client runs with a sidecar; remove port exceptions.", """
                spec:
                  mtls:
                    mode: STRICT
                """);
        this.mode = mode;
        this.consequence = consequence;
    }

    @Override
    public final void check(AuditContext context, Report report) {
        for (RawObject pa : Mesh.peerAuthentications(context)) {
            if (Mesh.mode(pa).filter(mode::equals).isPresent()) {
                report.add(context.finding(this, pa.ref(), Mesh.MODE, pa.source(),
                        "mtls mode " + mode + ": " + consequence, ""));
            }
            if (!Mesh.hasSelector(pa)) {
                continue;
            }
            for (Mesh.PortMode p : Mesh.portModes(pa)) {
                if (p.mode().filter(mode::equals).isPresent()) {
                    report.add(context.finding(this, pa.ref(), p.path(), pa.source(),
                            "mtls mode " + mode + " on port " + p.port() + ": " + consequence, ""));
                }
            }
        }
    }
}
