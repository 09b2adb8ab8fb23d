package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoldenDiffTest {
    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void unified_equalTexts_isEmpty() {
        assertThat(GoldenDiff.unified("e", "a\nb\n", "a", "a\nb\n")).isEmpty();
    }

    @Test
    void unified_oneLineChanged_showsRemovedThenAddedWithThreeLinesOfContext() {
        String expected = numbered(1, 10);
        String actual = expected.replace("line 6\n", "line six\n");

        assertThat(GoldenDiff.unified("expected.out", expected, "actual.out", actual)).isEqualTo("""
                --- expected.out
                +++ actual.out
                @@ -3,7 +3,7 @@
                 line 3
                 line 4
                 line 5
                -line 6
                +line six
                 line 7
                 line 8
                 line 9
                """);
    }

    @Test
    void unified_distantChanges_makeSeparateHunks() {
        String expected = numbered(1, 20);
        String actual = expected.replace("line 2\n", "").replace("line 18\n", "line 18\nextra\n");

        assertThat(GoldenDiff.unified("e", expected, "a", actual)).isEqualTo("""
                --- e
                +++ a
                @@ -1,5 +1,4 @@
                 line 1
                -line 2
                 line 3
                 line 4
                 line 5
                @@ -16,5 +15,6 @@
                 line 16
                 line 17
                 line 18
                +extra
                 line 19
                 line 20
                """);
    }

    @Test
    void unified_onlyFinalNewlineDiffers_saysSo() {
        assertThat(GoldenDiff.unified("e", "a\n", "a", "a")).endsWith("(final newline: expected yes, actual no)\n");
    }

    @Test
    void unified_expectedEmpty_showsEverythingAdded() {
        assertThat(GoldenDiff.unified("e", "", "a", "x\ny\n")).isEqualTo("--- e\n+++ a\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    }
}
