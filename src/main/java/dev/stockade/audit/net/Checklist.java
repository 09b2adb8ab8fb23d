package dev.stockade.audit.net;

/** The items of the security checklist (seed 001, section 2) the network rules enforce. */
final class Checklist {
    static final String DEFAULT_DENY = "2. Network Security: Start with \"Default Deny\"";
    static final String MICRO_SEGMENT = "2. Network Security: Micro-segment Your Applications";
    static final String EGRESS = "2. Network Security: Control Egress Traffic";
    static final String PSS = "3. Workload and Pod Security: Apply Pod Security Standards";

    private Checklist() {}
}
