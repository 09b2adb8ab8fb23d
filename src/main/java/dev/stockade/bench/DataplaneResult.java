package dev.stockade.bench;

/**
 * The figures {@code bench --dataplane} measures on this host's kernel. Field names are the JSON
 * contract of {@code bench --dataplane -o json}.
 *
 * @param pods pods of the generated cluster (each with an address, so each is in the table)
 * @param policies NetworkPolicies of the generated cluster
 * @param nftFullLoadMillis {@code nft -f} of the whole compiled table into an empty network
 *     namespace (median of three loads)
 * @param nftChangeMillis {@code nft -f} of the {@code NftDelta} transaction of one changed policy
 *     onto the loaded table (median over five different single-policy changes)
 * @param packetCostRatio the time of a new TCP connection between two pods through a router
 *     namespace holding the table of the whole cluster, divided by the same with a table of the
 *     policies of the pods' namespace only, padded to ten with the first others (the fastest of five interleaved rounds each)
 * @param labE2eMillis {@code lab} up, probe and down of the 9-pod upstream e2e topology
 */
public record DataplaneResult(int pods, int policies, long nftFullLoadMillis, long nftChangeMillis,
                              double packetCostRatio, long labE2eMillis) {}
