package dev.stockade.dataplane;

import dev.stockade.dataplane.Ruleset.Chain;
import dev.stockade.dataplane.Ruleset.Field;
import dev.stockade.dataplane.Ruleset.Statement;
import dev.stockade.dataplane.Ruleset.Verdict;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Protocol;

/**
 * Walks a {@link Ruleset} for the first packet of a connection, the way the kernel evaluates the
 * table: the base chain's statements in order, a verdict-map hit drops the packet or jumps to the
 * pod's chain, whose first matching rule decides ({@code return} goes back to the base chain), and the base chain's
 * policy accepts. Conntrack is not modelled: every packet is new.
 */
public final class RulesetWalker {
    private final Ruleset ruleset;

    public RulesetWalker(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    /** A packet; {@code inputInterface} may be null (unknown, no anti-spoofing decision can pass it). */
    public record Packet(IpAddress saddr, IpAddress daddr, String inputInterface, Protocol protocol, int port) {
        public Packet {
            if (saddr.v6() != daddr.v6()) {
                throw new IllegalArgumentException("mixed families");
            }
        }

        Family family() {
            return Family.of(saddr);
        }

        IpAddress address(Field f) {
            return f == Field.SADDR ? saddr : daddr;
        }
    }

    public boolean accepts(Packet p) {
        Chain base = ruleset.chains().getFirst();
        for (Statement s : base.statements()) {
            switch (s) {
                case Ruleset.AntiSpoof a -> {
                    if (a.family() == p.family() && ruleset.set(a.addresses()).elements().contains(p.saddr())
                            && !ruleset.interfaceSet(a.interfaces()).elements().get(p.saddr()).equals(p.inputInterface())) {
                        return false;
                    }
                }
                case Ruleset.AcceptEstablished e -> { }
                case Ruleset.Dispatch d -> {
                    if (d.family() == p.family()) {
                        if (ruleset.map(d.map()).drops().containsKey(p.address(d.field()))) {
                            return false;
                        }
                        String target = ruleset.map(d.map()).jumps().get(p.address(d.field()));
                        if (target != null) {
                            Verdict v = run(ruleset.chain(target), p);
                            if (v == Verdict.ACCEPT) {
                                return true;
                            }
                            if (v == Verdict.DROP) {
                                return false;
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException("unexpected in the base chain: " + s);
            }
        }
        return true;
    }

    private Verdict run(Chain chain, Packet p) {
        for (Statement s : chain.statements()) {
            switch (s) {
                case Ruleset.Match m -> {
                    if (matches(m, p)) {
                        return m.verdict();
                    }
                }
                case Ruleset.Final f -> {
                    return f.verdict();
                }
                case Ruleset.Note n -> { }
                default -> throw new IllegalStateException("unexpected in a pod chain: " + s);
            }
        }
        return Verdict.RETURN;
    }

    private boolean matches(Ruleset.Match m, Packet p) {
        if (m.family() != null && m.family() != p.family()) {
            return false;
        }
        if (m.set() != null && !ruleset.set(m.set()).elements().contains(p.address(m.field()))) {
            return false;
        }
        if (m.range() != null && !m.range().contains(p.address(m.field()))) {
            return false;
        }
        return m.ports().isAll() || m.ports().contains(p.protocol(), p.port());
    }
}
