package dev.stockade.bench;

/**
 * The size of a generated cluster.
 *
 * @param pods Pod objects to generate (owned through ReplicaSets by the Deployments, with IPs);
 *     0 to let each Deployment stand for its pods through its template
 */
public record BenchSpec(int workloads, int policies, int namespaces, int pods, long seed) {
    public BenchSpec {
        if (workloads < 1 || namespaces < 1 || policies < 0 || pods < 0) {
            throw new IllegalArgumentException("workloads and namespaces must be positive, policies and pods >= 0");
        }
    }
}
