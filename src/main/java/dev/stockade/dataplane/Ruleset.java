package dev.stockade.dataplane;

import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Protocol;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One nftables table as a record tree, the compiler's output before it becomes text: the named
 * address sets, the verdict maps that dispatch by pod address, and the chains. Tests walk this
 * tree packet by packet and compare with the engine; {@link NftText} prints it.
 *
 * <p>Sizes that matter to the kernel: every named set is found by a linear search of the table's
 * sets (when it is created, filled and referred to by a rule), and {@code nft} reads every chain
 * and every interval set's elements before it applies a change. So chains are shared by the pods
 * whose rules are the same, a pod whose policies admit nothing has no chain (its verdict-map
 * element is {@code drop}), peers of one address or one range are written into the rule, and
 * sets of a few addresses are hash sets, not interval sets.
 *
 * @param table the table's name (family {@code inet})
 * @param notes lines printed as {@code #} comments above the table (mode, warnings)
 * @param sets named address sets: peers sorted by name, then the pod addresses of anti-spoofing
 * @param interfaceSets the anti-spoofing sets of {@code address . ifname} pairs
 * @param maps verdict maps, sorted by name
 * @param chains the base chain first, then the per-pod chains sorted by name
 */
public record Ruleset(String table, List<String> notes, List<NamedSet> sets, List<InterfaceSet> interfaceSets,
        List<VerdictMap> maps, List<Chain> chains) {
    public Ruleset {
        notes = List.copyOf(notes);
        sets = List.copyOf(sets);
        interfaceSets = List.copyOf(interfaceSets);
        maps = List.copyOf(maps);
        chains = List.copyOf(chains);
    }

    public NamedSet set(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no set " + name));
    }

    public InterfaceSet interfaceSet(String name) {
        return interfaceSets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no set " + name));
    }

    public VerdictMap map(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no map " + name));
    }

    public Chain chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chain " + name));
    }

    /**
     * A named set of addresses of one family: an interval set ({@code flags interval}, elements
     * are ranges) or a hash set (elements are single addresses, every address of
     * {@code elements} listed).
     */
    public record NamedSet(String name, Family family, AddressSet elements, String comment, boolean interval) {}

    /** Anti-spoofing pairs: each pod address with the only input interface it may come from. */
    public record InterfaceSet(String name, Family family, SortedMap<IpAddress, String> elements) {
        public InterfaceSet {
            elements = Collections.unmodifiableSortedMap(new TreeMap<>(elements));
        }
    }

    /**
     * A verdict map from a pod address to {@code jump CHAIN} ({@code jumps}: the chain's name) or
     * to {@code drop} ({@code drops}: the element's comment, naming the pod and the policies that
     * isolate it without admitting anything). An address is in one of the two at most.
     */
    public record VerdictMap(String name, Family family, SortedMap<IpAddress, String> jumps,
            SortedMap<IpAddress, String> drops) {
        public VerdictMap {
            jumps = Collections.unmodifiableSortedMap(new TreeMap<>(jumps));
            drops = Collections.unmodifiableSortedMap(new TreeMap<>(drops));
            for (IpAddress a : jumps.keySet()) {
                if (drops.containsKey(a)) {
                    throw new IllegalArgumentException(a + " both jumps and drops in map " + name);
                }
            }
        }
    }

    /**
     * A chain. {@code hook} is {@code forward} for the base chain ({@code policy accept}) and
     * empty for the chains reached through the verdict maps, each shared by the pods whose rules
     * for a direction are the same (named after the first of them, whose name and direction are
     * its comment).
     */
    public record Chain(String name, String hook, String comment, List<Statement> statements) {
        public Chain {
            statements = List.copyOf(statements);
        }
    }

    public enum Verdict {
        ACCEPT, DROP, RETURN;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which address of the packet a rule or a map looks at. */
    public enum Field {
        SADDR, DADDR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line of a chain. */
    public sealed interface Statement {}

    /** {@code ct state established,related accept}: only new connections are decided by policy. */
    public record AcceptEstablished() implements Statement {}

    /** {@code ip saddr vmap @egress_v4}: jump to the chain of the pod owning the address. */
    public record Dispatch(Family family, Field field, String map) implements Statement {}

    /**
     * {@code ip saddr @pods_v4 ip saddr . iifname != @pod_interfaces_v4 drop}: a packet with a pod's
     * source address that did not enter through that pod's interface is dropped.
     */
    public record AntiSpoof(Family family, String addresses, String interfaces) implements Statement {}

    /**
     * A rule of a policy: the far end's address in the named set {@code set}, or in the range
     * {@code range} written into the rule (any address when both are null, any family when
     * {@code family} is null) and the packet in {@code ports} (every protocol when
     * {@link PortSet#isAll()}, else ports of exactly one protocol).
     */
    public record Match(Family family, Field field, String set, IpRange range, PortSet ports, Verdict verdict,
            String comment) implements Statement {
        public Match {
            if (set != null && range != null || (set != null || range != null) && family == null) {
                throw new IllegalArgumentException("a match has a set or a range, of its family: " + set + ", " + range);
            }
            if (!ports.isAll() && Arrays.stream(Protocol.values())
                    .filter(p -> ports.intervals(p).length > 0).count() != 1) {
                throw new IllegalArgumentException("a match needs all ports or ports of one protocol: " + ports);
            }
        }

        /** The one protocol of a port-restricted match. */
        public Protocol protocol() {
            for (Protocol p : Protocol.values()) {
                if (ports.intervals(p).length > 0) {
                    return p;
                }
            }
            throw new IllegalStateException();
        }
    }

    /** The verdict that ends a pod's chain: {@code drop} for an isolated pod. */
    public record Final(Verdict verdict, String comment) implements Statement {}

    /** A {@code #} line inside a chain, for a rule that compiles to nothing. */
    public record Note(String text) implements Statement {}
}
