package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How messages show values from the input: one line, cut, never a secret. */
class QuoteTest {
    @Test
    void of_plainValue_isQuoted() {
        assertThat(Quote.of("web")).isEqualTo("\"web\"");
        assertThat(Quote.of("")).isEqualTo("\"\"");
    }

    @Test
    void of_controlCharacters_areEscapedOnOneLine() {
        assertThat(Quote.of("a\nflush ruleset")).isEqualTo("\"a\\nflush ruleset\"");
        assertThat(Quote.of("\r\t\u001b[31m\u0007\u007f\u0085")).isEqualTo("\"\\r\\t\\u001b[31m\\u0007\\u007f\\u0085\"");
        assertThat(Quote.of("q\"b\\")).isEqualTo("\"q\\\"b\\\\\"");
    }

    @Test
    void of_invisibleAndNonCharacters_areEscaped() {
        assertThat(Quote.of("a\u202eb\u200bc\u2028d\ufeff")).isEqualTo("\"a\\u202eb\\u200bc\\u2028d\\ufeff\"");
        assertThat(Quote.of("x\uffff\ufffe")).isEqualTo("\"x\\uffff\\ufffe\"");
        assertThat(Quote.of("lone\ud800")).isEqualTo("\"lone\\ud800\"");
        assertThat(Quote.of("\udb80\udc00")).isEqualTo("\"\\u{f0000}\"");
        assertThat(Quote.of("naïve ✓ 日本")).isEqualTo("\"naïve ✓ 日本\"");
    }

    @Test
    void of_longValue_showsItsStartAndLength() {
        assertThat(Quote.of("x".repeat(60))).isEqualTo("\"" + "x".repeat(60) + "\"");
        assertThat(Quote.of("x".repeat(61))).isEqualTo("\"" + "x".repeat(40) + "…\" (61 characters)");
        assertThat(Quote.of("\n".repeat(10_000))).isEqualTo("\"" + "\\n".repeat(40) + "…\" (10000 characters)");
    }

    @Test
    void of_longValue_countsCodePoints() {
        String emoji = "\ud83d\ude00";
        assertThat(Quote.of(emoji.repeat(61))).isEqualTo("\"" + emoji.repeat(40) + "…\" (61 characters)");
    }

    @Test
    void of_secretLookingValue_isNotShown() {
        assertThat(Quote.of("ghp_0123456789abcdefghijABCDEFGHIJ012345")).isEqualTo(Quote.SECRET);
        assertThat(Quote.of("postgres://app:hunter2@db:5432/app")).isEqualTo(Quote.SECRET);
        assertThat(Quote.of("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg9x")).isEqualTo(Quote.SECRET);
        assertThat(Quote.of("-----BEGIN RSA PRIVATE KEY-----\nMIIE" + "A".repeat(5000))).isEqualTo(Quote.SECRET);
        assertThat(Quote.string("AKIAABCDEFGHIJKLMNOP")).isEqualTo("a string that looks like a secret (not shown)");
    }

    @Test
    void plainAndPathStep_keepPlainWordsAsWritten() {
        assertThat(Quote.plain("example.com/Mesh")).isEqualTo("example.com/Mesh");
        assertThat(Quote.plain("a b")).isEqualTo("\"a b\"");
        assertThat(Quote.pathStep("app.kubernetes.io/name")).isEqualTo("app.kubernetes.io/name");
        assertThat(Quote.pathStep("spec\nx")).isEqualTo("spec\\nx");
    }

    @Test
    void secret_onHugeRepetitiveValues_staysFast() {
        // shapes whose naive patterns backtrack quadratically; judged in well under a second
        for (String v : new String[] {"a".repeat(200_000), "eyJ".repeat(70_000), "-----BEGIN " + "A".repeat(200_000),
                "a".repeat(200_000) + "://"}) {
            long start = System.nanoTime();
            Quote.of(v);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms for a value of " + v.length()).isLessThan(2_000);
        }
    }
}
