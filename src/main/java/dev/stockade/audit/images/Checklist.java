package dev.stockade.audit.images;

/** The items of the security checklist (seed 001, section 3) the image rules enforce. */
final class Checklist {
    static final String BASE_IMAGES = "3. Workload and Pod Security: Use Minimal, Secure Base Images";
    static final String SCANNING = "3. Workload and Pod Security: Automate Vulnerability Scanning";

    private Checklist() {}
}
