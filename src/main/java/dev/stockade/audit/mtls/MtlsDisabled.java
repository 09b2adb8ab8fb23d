package dev.stockade.audit.mtls;

import dev.stockade.audit.Severity;

/** MTLS001: a PeerAuthentication (or one of its ports) with mode DISABLE: plain text only. */
public final class MtlsDisabled extends ModeRule {
    public MtlsDisabled() {
        super("MTLS001", "Mutual TLS disabled", Severity.ERROR, Mesh.Mode.DISABLE,
                "traffic to the selected pods is plain text",
                "The checklist asks for STRICT mTLS for all service-to-service traffic. DISABLE turns mutual TLS off"
                        + " for the pods (or port) it covers: traffic is unencrypted and any pod can claim any"
                        + " identity.");
    }
}
