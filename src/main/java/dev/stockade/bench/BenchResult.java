package dev.stockade.bench;

/**
 * The figures {@code bench} measures. Field names are the JSON contract of {@code bench -o json}.
 *
 * @param peakHeapBytes the highest heap use seen while loading and analysing (sum of the heap
 *     pools' peaks; an upper bound that depends on the collector's timing)
 * @param diffMillis a full diff (both analyses, comparison, witnesses explained) against a
 *     version with 1% of the policies changed
 * @param diffChanges how many pairs that diff reports
 * @param expectations how many expectations were verified (a sample of the cluster's baseline)
 * @param verifyMillis analysing the loaded cluster and checking those expectations
 * @param auditMillis {@code audit} in this process: loading with the objects as written, every
 *     rule, the text report written (to a sink that only counts)
 * @param auditFindings the findings that audit reports
 * @param ipBlockMillis analysing one policy whose ingress and egress each list 20,000 ipBlocks of
 *     {@code 10.0.0.0/8} with ten except blocks of their own ({@link IpBlockFigure})
 */
public record BenchResult(int workloads, int pods, int policies, int namespaces, int connections,
                          long parseMillis, long analysisMillis, long explainP99Micros, long peakHeapBytes,
                          long diffMillis, int diffChanges, int expectations, long verifyMillis,
                          long auditMillis, int auditFindings, long ipBlockMillis) {}
