/**
 * The data plane: the engine's model compiled to nftables. {@link dev.stockade.dataplane.NftCompiler}
 * turns a cluster into a {@link dev.stockade.dataplane.Ruleset} (a record tree of one table's sets,
 * verdict maps and chains) and {@link dev.stockade.dataplane.NftText} prints it for {@code nft -f}.
 * Pure: it produces text and never talks to the kernel. Depends on the model and the engine only.
 */
package dev.stockade.dataplane;
