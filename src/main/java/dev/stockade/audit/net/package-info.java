/**
 * The network reachability family: default deny, policy coverage, selectors that select
 * nothing, over-wide peers and ports, DNS under egress default deny, cross-namespace exposure,
 * and host networking that bypasses policies. Engine- and query-backed where the question is
 * about what can actually connect.
 */
package dev.stockade.audit.net;
