package dev.stockade.audit.pss;

/** The items of the security checklist (seed 001, section 3) the Pod Security Standard rules enforce. */
final class Checklist {
    static final String PSS = "3. Workload and Pod Security: Apply Pod Security Standards";
    static final String NON_ROOT = "3. Workload and Pod Security: Run as Non-Root";
    static final String READ_ONLY = "3. Workload and Pod Security: Read-Only Root Filesystem";

    private Checklist() {}
}
