package dev.stockade.audit.mtls;

import dev.stockade.audit.Severity;

/** MTLS002: a PeerAuthentication (or one of its ports) with mode PERMISSIVE: plain text accepted. */
public final class MtlsPermissive extends ModeRule {
    public MtlsPermissive() {
        super("MTLS002", "Mutual TLS permissive", Severity.WARNING, Mesh.Mode.PERMISSIVE,
                "plain-text clients are accepted next to mutual TLS",
                "The checklist asks for STRICT mTLS. PERMISSIVE, a migration step, still accepts plain text: a"
                        + " client without a sidecar connects unencrypted and unauthenticated.");
    }
}
