/**
 * The Kubernetes objects Stockade reasons about, as immutable, validated records in the
 * Kubernetes vocabulary: namespaces, workloads and their pods, NetworkPolicies with their rules,
 * peers and ports, IP addresses and CIDRs. JDK only; no semantics beyond construction-time
 * validation and the API defaults that belong to a single field. Also the one string helper that both
 * the loader and the analyses use, {@link EditDistance}.
 */
package dev.stockade.model;
