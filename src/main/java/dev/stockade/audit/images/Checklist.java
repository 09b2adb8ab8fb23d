package dev.stockade.audit.images;

/**
 * The item of the security checklist (seed 001, section 3) the image rules enforce. Vulnerability
 * scanning is not among them: a pinned or allowed image says nothing of whether it was scanned.
 */
final class Checklist {
    static final String BASE_IMAGES = "3. Workload and Pod Security: Use Minimal, Secure Base Images";

    private Checklist() {}
}
