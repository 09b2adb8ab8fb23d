/**
 * The resources family (RES001…): requests and limits of every container (regular and init,
 * sidecars included; ephemeral containers cannot set resources), and readiness and liveness
 * probes of long-running workloads. What the API server fills in counts as set: a limit without a
 * request makes the request equal to it, pod-level {@code spec.resources} bound every container,
 * and a LimitRange of the input in the pod's namespace gives defaults
 * ({@link dev.stockade.audit.resources.LimitRanges}).
 */
package dev.stockade.audit.resources;
