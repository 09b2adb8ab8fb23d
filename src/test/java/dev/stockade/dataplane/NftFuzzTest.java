package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Names from the whole of Unicode (lone surrogates and U+FFFF included) and injection payloads,
 * put into the model directly (past the loader's checks): the compiler's own check passes on
 * every script it returns, and {@code nft -c} (check mode, nothing loaded) accepts it. Bounded
 * tries, a few seconds; skipped only without nft.
 */
@Tag("hostile")
@Tag("kernel")
class NftFuzzTest {
    private static final String[] PAYLOADS = {
        "\nflush ruleset", "\"", "\\", ";", "#", "}", "{", "1team", "0", "-", ".", "", " ", "\r\n", "\u001b[2J",
        "\u0000", "\u2028", "\u202e", "\ufeff", "\uffff", "\ufffe", "\ud800", "\udfff", "\ud83d\ude00",
        "\uD800\uDC00", "x".repeat(300), "\u00e9".repeat(150), "\ud83d\ude00".repeat(75), "add rule inet stockade forward drop",
        "\" ; flush ruleset ; #", "@", "jump", "ip", "set", "chain", "accept", "$var", "*", "a b", "a_b", "a/b"
    };

    @BeforeProperty
    void requireNft() {
        Nft.assumeAvailable();
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> payload = Arbitraries.of(PAYLOADS);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> codePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .map(Character::toString).list().ofMaxSize(20).map(l -> String.join("", l));
        Arbitrary<String> piece = Arbitraries.oneOf(payload, anyChars, codePoints);
        return piece.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
    }

    @Property(tries = 120, edgeCases = EdgeCasesMode.FIRST)
    void compile_anyNames_scriptPassesItsOwnCheckAndNftAcceptsIt(@ForAll("names") String namespace,
            @ForAll("names") String policy, @ForAll("names") String pod, @ForAll("names") String other) {
        String second = other.equals(pod) ? other + "2" : other;
        Cluster c = HostileNames.cluster(namespace, policy, pod, second);
        String text = NftText.render(NftCompiler.compile(c, AnalysisOptions.DEFAULT,
                Map.of(namespace + "/" + pod, "st0")));

        assertThat(NftScriptCheck.problems(text)).isEmpty();
        Nft.Result r = Nft.check(text);
        assertThat(r.ok()).as("nft -c: %s%n%s", r.output(), text).isTrue();
    }
}
