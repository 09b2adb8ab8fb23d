package dev.stockade.audit.resources;

/**
 * The items of the security checklist the resource rules enforce. Seed 001 names neither; they
 * belong to its section 3 and the compliance report lists them as beyond the checklist.
 */
final class Checklist {
    static final String RESOURCES = "3. Workload and Pod Security: Set Resource Requests and Limits";
    static final String PROBES = "3. Workload and Pod Security: Configure Health Probes";

    private Checklist() {}
}
