package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TruthTableTest {
    private static final List<String> PODS = List.of("x/a", "x/b", "y/a");

    @Test
    void render_printsUpstreamSymbolsRowsAreSources() {
        TruthTable t = TruthTable.filled(PODS, true).expect("*", "x/*", false).expect("y/a", "y/a", null);

        assertThat(t.render()).isEqualTo("""
                -   x/a x/b y/a
                x/a .   .   X
                x/b .   .   X
                y/a .   .   -
                """);
    }

    @Test
    void expect_patternsMatchAllNamespaceOrOnePod() {
        TruthTable t = TruthTable.filled(PODS, true).expect("x/a", "*", false);

        assertThat(t.get("x/a", "y/a")).isFalse();
        assertThat(t.get("x/b", "y/a")).isTrue();
        assertThatThrownBy(() -> t.expect("z/*", "*", false)).hasMessage("no cell matches z/* -> *");
    }

    @Test
    void differences_ignoreLoopbackOnlyWhenAsked() {
        TruthTable expected = TruthTable.filled(PODS, true).expect("x/a", "x/a", false);
        TruthTable observed = TruthTable.filled(PODS, true).expect("x/a", "x/a", null).expect("x/b", "y/a", false);

        assertThat(expected.differences(observed, true)).containsExactly("x/b -> y/a: expected X, observed .");
        assertThat(expected.differences(observed, false))
                .containsExactly("x/a -> x/a: expected ., observed -", "x/b -> y/a: expected X, observed .");
    }

    @Test
    void assertAgree_failurePrintsExpectedObservedAndDifference() {
        TruthTable expected = TruthTable.filled(PODS, true);
        TruthTable observed = expected.expect("x/b", "y/a", false);

        assertThatThrownBy(() -> TruthTable.assertAgree("step", "expected", expected, "observed", observed, true))
                .hasMessageContaining("step: 1 of 6 cells differ (loopback ignored)")
                .hasMessageContaining("x/b -> y/a: expected X, observed .")
                .hasMessageContaining("difference (! = differs):\n-   x/a x/b y/a\nx/a -   .   .\nx/b .   -   !\n");
    }
}
