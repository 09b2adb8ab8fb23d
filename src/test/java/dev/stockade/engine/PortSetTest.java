package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Protocol;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** PortSet against a plain bit-per-(protocol, port) model. */
class PortSetTest {
    private static final int SPAN = 65536;

    /** A random set built from a few ranges, biased to collide near small ports and the edges. */
    @Provide
    Arbitrary<PortSet> sets() {
        Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(65520, 65535), Arbitraries.integers().between(1, 65535));
        Arbitrary<PortSet> range = Combinators.combine(Arbitraries.of(Protocol.values()), port, port)
                .as((p, a, b) -> PortSet.of(p, Math.min(a, b), Math.max(a, b)));
        return range.list().ofMaxSize(5).map(l -> l.stream().reduce(PortSet.EMPTY, PortSet::union));
    }

    private static BitSet model(PortSet s) {
        BitSet b = new BitSet(3 * SPAN);
        for (Protocol p : Protocol.values()) {
            int[] r = s.intervals(p);
            for (int i = 0; i < r.length; i += 2) {
                b.set(p.ordinal() * SPAN + r[i], p.ordinal() * SPAN + r[i + 1] + 1);
            }
        }
        return b;
    }

    @Property(tries = 500)
    void union_intersect_subtract_matchTheModel(@ForAll("sets") PortSet a, @ForAll("sets") PortSet b) {
        BitSet or = model(a);
        or.or(model(b));
        BitSet and = model(a);
        and.and(model(b));
        BitSet minus = model(a);
        minus.andNot(model(b));

        assertThat(model(a.union(b))).isEqualTo(or);
        assertThat(model(a.intersect(b))).isEqualTo(and);
        assertThat(model(a.subtract(b))).isEqualTo(minus);
        assertThat(a.union(b)).isEqualTo(b.union(a));
        assertThat(a.intersect(b)).isEqualTo(b.intersect(a));
    }

    @Property(tries = 300)
    void representation_isCanonical(@ForAll("sets") PortSet a) {
        for (Protocol p : Protocol.values()) {
            int[] r = a.intervals(p);
            for (int i = 0; i < r.length; i += 2) {
                assertThat(r[i]).isBetween(1, r[i + 1]);
                if (i > 0) {
                    // sorted, disjoint and not even adjacent
                    assertThat(r[i]).isGreaterThan(r[i - 1] + 1);
                }
            }
        }
        assertThat(a.union(PortSet.EMPTY)).isEqualTo(a);
        assertThat(a.intersect(PortSet.ALL)).isEqualTo(a);
        assertThat(a.union(PortSet.ALL).isAll()).isTrue();
    }

    @Property(tries = 300)
    void contains_matchesTheModel(@ForAll("sets") PortSet a, @ForAll Protocol p,
                                  @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 65535) int port) {
        assertThat(a.contains(p, port)).isEqualTo(model(a).get(p.ordinal() * SPAN + port));
    }

    @Test
    void toString_isTheCanonicalSpelling() {
        PortSet s = PortSet.of(Protocol.TCP, 80).union(PortSet.of(Protocol.TCP, 8000, 8080))
                .union(PortSet.of(Protocol.UDP, 53)).union(PortSet.of(Protocol.TCP, 81));
        assertThat(s).hasToString("TCP 80-81,8000-8080; UDP 53");
        assertThat(PortSet.ALL).hasToString("All connections");
        assertThat(PortSet.EMPTY).hasToString("No connections");
        assertThat(PortSet.allOf(Protocol.SCTP)).hasToString("SCTP 1-65535");
        assertThat(s.toRangeStrings().get(Protocol.TCP)).isEqualTo(List.of("80-81", "8000-8080"));
        assertThat(s.toRangeStrings()).doesNotContainKey(Protocol.SCTP);
    }

    @Test
    void unionOfEveryProtocol_isAll() {
        PortSet s = PortSet.EMPTY;
        for (Protocol p : Protocol.values()) {
            s = s.union(PortSet.of(p, 1, 100)).union(PortSet.of(p, 101, 65535));
        }
        assertThat(s.isAll()).isTrue();
        assertThat(s).isEqualTo(PortSet.ALL);
    }
}
