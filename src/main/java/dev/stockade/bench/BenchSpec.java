package dev.stockade.bench;

/**
 * The size of a generated cluster.
 *
 * @param pods Pod objects to generate (owned through ReplicaSets by the Deployments, with IPs);
 *     0 to let each Deployment stand for its pods through its template
 * @param adminPolicies AdminNetworkPolicies to generate; with any, the BaselineAdminNetworkPolicy too
 */
public record BenchSpec(int workloads, int policies, int namespaces, int pods, long seed, int adminPolicies) {
    public BenchSpec {
        if (workloads < 1 || namespaces < 1 || policies < 0 || pods < 0) {
            throw new IllegalArgumentException("workloads and namespaces must be positive, policies and pods >= 0");
        }
        if (adminPolicies < 0 || adminPolicies > 1001) {
            throw new IllegalArgumentException("admin policies must be 0 to 1001 (their priorities run from 0 to 1000)");
        }
    }

    /** A cluster without admin policies. */
    public BenchSpec(int workloads, int policies, int namespaces, int pods, long seed) {
        this(workloads, policies, namespaces, pods, seed, 0);
    }
}
