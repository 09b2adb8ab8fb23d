package dev.stockade.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.model.Cluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Names the loader would refuse, put into the model directly: the script stays one table, its
 * comments and notes one line each and within nft's 128 bytes, its names valid identifiers; and
 * the compiler's own check refuses a script that is not.
 */
@Tag("hostile")
class NftHostileNamesTest {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"");

    private static String render(Cluster c) {
        return NftText.render(NftCompiler.compile(c, AnalysisOptions.DEFAULT, Map.of("ns/web", "st0")));
    }

    private static void kernelAccepts(String text) {
        if (Nft.available()) {
            Nft.Result r = Nft.check(text);
            assertThat(r.ok()).as("nft -c: %s%n%s", r.output(), text).isTrue();
        }
    }

    @Test
    void render_policyNameWithNewline_staysInItsCommentAndNote() {
        String text = render(HostileNames.cluster("ns", "evil\nflush ruleset\n#", "web", "db"));

        assertThat(text.lines()).doesNotContain("flush ruleset").noneMatch(l -> l.startsWith("flush"));
        assertThat(text).contains("\t\t# isolated by ns/evil<U+000A>flush ruleset<U+000A>#\n")
                .contains("comment \"ns/evil<U+000A>flush ruleset<U+000A># ingress[0]\"");
        kernelAccepts(text);
    }

    @Test
    void render_quotesBackslashesAndControlCharacters_areMadeSafeInComments() {
        String text = render(HostileNames.cluster("ns", "a\"b\\c\u001b[2J\r\u0007", "web", "db"));

        assertThat(text).contains("comment \"ns/a'b/c<U+001B>[2J<U+000D><U+0007> ingress[0]\"");
        assertThat(text.chars()).noneMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t');
        kernelAccepts(text);
    }

    @Test
    void render_longMultibyteNames_commentsFit128BytesOnACharacterBoundary() {
        String text = render(HostileNames.cluster("ns", "\u00e9".repeat(100) + "\ud83d\ude00".repeat(40), "web", "db"));

        Matcher m = QUOTED.matcher(text);
        int comments = 0;
        while (m.find()) {
            byte[] utf8 = m.group(1).getBytes(StandardCharsets.UTF_8);
            assertThat(utf8.length).as(m.group(1)).isLessThanOrEqualTo(128);
            assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(m.group(1));
            comments++;
        }
        assertThat(comments).isGreaterThan(5);
        assertThat(text).contains("comment \"ns/" + "\u00e9".repeat(61) + "...\"");
        kernelAccepts(text);
    }

    @Test
    void render_namespaceStartingWithADigit_setNamesAreIdentifiers() {
        String text = render(HostileNames.cluster("1team", "web", "web", "db"));

        assertThat(text).contains("\tset set_1team_web_ingress0_net_v4 {\n")
                .contains("ip saddr @set_1team_web_ingress0_net_v4 tcp dport 80 accept");
        kernelAccepts(text);
    }

    @Test
    void render_namesThatSanitiseAlike_getDistinctNamesWithAHashOfTheOriginal() {
        String text = render(Cluster.of(List.of(), List.of(
                HostileNames.cluster("ns", "a_b", "web", "db").workloads().getFirst()),
                List.of(HostileNames.cluster("ns", "a_b", "web", "db").policies().getFirst(),
                        HostileNames.cluster("ns", "a b", "web", "db").policies().getFirst())));

        assertThat(NftCompiler.sanitize("a_b")).isEqualTo("a-b-" + NftCompiler.hash("a_b"));
        assertThat(NftCompiler.sanitize("a b")).isEqualTo("a-b-" + NftCompiler.hash("a b"));
        assertThat(NftCompiler.sanitize("web-1.x")).isEqualTo("web-1.x");
        assertThat(NftCompiler.hash("a_b")).isNotEqualTo(NftCompiler.hash("a b")).hasSize(8);
        // both policies' rules have the same peers: one set, named after the first of them (a b)
        assertThat(text).contains("\tset ns_a-b-" + NftCompiler.hash("a b") + "_ingress0_net_v4 {\n")
                .contains("comment \"ns/a_b ingress[0]\"");
        kernelAccepts(text);
    }

    @Test
    void render_300ByteNames_identifiersStayWithin255Bytes() {
        String text = render(HostileNames.cluster("n".repeat(300), "p".repeat(300), "w".repeat(300), "d".repeat(300)));

        assertThat(NftScriptCheck.problems(text)).isEmpty();
        kernelAccepts(text);
    }

    @Test
    void check_injectedTopLevelLine_isAProblem() {
        String script = "table inet stockade\ndelete table inet stockade\ntable inet stockade {\n}\nflush ruleset\n";

        assertThat(NftScriptCheck.problems(script)).containsExactly(
                "line 5: 'flush ruleset' is not a statement on table inet stockade");
    }

    @Test
    void check_badIdentifiersStringsAndCharacters_areProblems() {
        String script = "table inet stockade {\n\tset 1team_v4 {\n\t\tcomment \"" + "x".repeat(129) + "\"\n\t}\n"
                + "\tchain c {\n\t\tdrop comment \"a\n\t\tb\"\n\t\tip saddr @s\u00e9t drop\n\t\t# note\u001b\n\t}\n}\n";

        assertThat(NftScriptCheck.problems(script)).containsExactly(
                "line 2: '1team_v4' is not an nft identifier (a letter, then letters, digits, '_', '.' or '-';"
                        + " at most 255 bytes)",
                "line 3: a quoted string of 129 bytes (nft allows 128)",
                "line 6: a quoted string that does not end on its line",
                "line 7: a quoted string that does not end on its line",
                "line 8: 's\u00e9t' is not an nft identifier (a letter, then letters, digits, '_', '.' or '-';"
                        + " at most 255 bytes)",
                "line 9: control character U+001B");
    }

    @Test
    void render_scriptFailingTheCheck_throwsInsteadOfReturningIt() {
        Ruleset bad = new Ruleset("stockade\nflush ruleset", List.of(), List.of(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> NftText.render(bad)).isInstanceOf(NftScriptCheck.InvalidScript.class)
                .hasMessage("the nft script fails its own check: line 2: 'flush ruleset' is not a statement on table inet"
                        + " stockade (first of 3 problems)");
    }
}
