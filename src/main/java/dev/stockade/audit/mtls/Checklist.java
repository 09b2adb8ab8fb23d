package dev.stockade.audit.mtls;

/** The item of the security checklist (seed 001, section 2) the mTLS rules enforce. */
final class Checklist {
    static final String ENCRYPT = "2. Network Security: Encrypt All Traffic";

    private Checklist() {}
}
