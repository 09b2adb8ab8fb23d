package dev.stockade.report;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Names drawn from the whole of Unicode, weighted toward what breaks outputs: the injection
 * payloads of the hardening issue (nft, Markdown, HTML, CSV formulas, XML, DOT), C0 and C1
 * controls, DEL, bidi overrides and isolates, zero-width characters, noncharacters, lone
 * surrogates and astral characters, glued together in pieces of one to three.
 */
final class HostileNames {
    static final List<String> PAYLOADS = List.of("\nflush ruleset", "<!--", "-->", "\"", "\\", "|",
            "=cmd|' /C calc'!A0", "]]>", "*", "#", "_", "`", "``", "[x](https://e.test)", "![i](x)", "<b>", "&amp;", "&",
            "+1", "-1", "@SUM(1)", "\t", "\r", "\r\n", "\u001b[31m", "\u001b]8;;x\u0007", "\u0007", "\u0000", "\u007f",
            "\u0085", "\u009b", "\u202e", "\u2066", "\u2069", "\u200b", "\ufeff", "\u2028", "\ufffe", "\uffff",
            "\ud800", "\udfff", "\ud83d\ude00", "\udb40\udc01", "$x$", "~~", "\\n", "\\l", ",", ";", "'", "x\\",
            "# h", "- ", "> q", "http://e.test", "@org/team", "x@y", "\"; DROP", "\\\"");

    private HostileNames() {}

    /** One name: one to three pieces; never empty, never holding '/' (the namespace/name separator). */
    static Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(PAYLOADS)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(5)));
        return piece.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l).replace('/', '\u2215'));
    }
}
