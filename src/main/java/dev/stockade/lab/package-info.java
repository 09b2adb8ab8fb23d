/**
 * The lab: pods of the input as network namespaces with real listeners, routed through a router
 * namespace that holds the compiled nftables table, and probes of every pair and port on the
 * kernel; policy changes applied to a running lab as one transaction of deltas; the kernel's
 * probes checked against the engine. An I/O edge (runs ip, nft and python3); uses model, engine
 * and dataplane.
 */
package dev.stockade.lab;
