package dev.stockade.report;

/**
 * Names in the Markdown outputs (pull-request comments), escaped so that nothing in a name is read
 * as markup by GitHub: no HTML (an unclosed {@code <!--} would hide the rest of the comment), no
 * heading, emphasis, strikethrough, link, image, math or code span, and no table-cell break.
 * <ul>
 *   <li>{@code \ ` * _ [ ] | ~ # $} get a backslash (CommonMark's backslash escapes; GitHub's
 *       tables read {@code \|} as a pipe inside the cell);</li>
 *   <li>{@code < > &} become {@code &lt; &gt; &amp;};</li>
 *   <li>control and invisible characters, newline and tab included, are spelled as
 *       {@link TerminalText#inline} shows them, so a row stays one line.</li>
 * </ul>
 * Ordinary names ({@code prod/web}, {@code 10.0.0.0/8}, {@code policies.yaml:12}) come out as
 * they are.
 */
final class Markdown {
    private static final String BACKSLASHED = "\\`*_[]|~#$";

    private Markdown() {}

    /** {@code s} as inline text that renders as {@code s} (with unsafe characters spelled out). */
    static String text(String s) {
        String visible = TerminalText.inline(s);
        StringBuilder sb = null;
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            String replacement = BACKSLASHED.indexOf(c) >= 0 ? "\\" + c
                    : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : null;
            if (replacement != null && sb == null) {
                sb = new StringBuilder(visible.length() + 8).append(visible, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        // the backslash of TerminalText's spelling is doubled too, so it renders as itself
        return sb == null ? visible : sb.toString();
    }

    /**
     * {@code s} in a code span when it holds nothing a code span cannot show plainly (a backtick,
     * a backslash, a pipe, {@code < > &} or an unsafe character); otherwise as escaped {@link #text}.
     */
    static String code(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("`\\|<>&".indexOf(c) >= 0 || TerminalText.unsafe(c, Character.isSurrogate(c))) {
                return text(s);
            }
        }
        return "`" + s + "`";
    }
}
