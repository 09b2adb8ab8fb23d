package dev.stockade.report;

/**
 * Names in the Markdown outputs (pull-request comments), escaped so that nothing in a name is read
 * as markup by GitHub: no HTML (an unclosed {@code <!--} would hide the rest of the comment), no
 * heading, emphasis, strikethrough, link, image, math, code span or mention, and no table-cell break.
 * <ul>
 *   <li>{@code \ ` * _ [ ] | ~ # $} get a backslash (CommonMark's backslash escapes; GitHub's
 *       tables read {@code \|} as a pipe inside the cell);</li>
 *   <li>{@code < > &} become {@code &lt; &gt; &amp;};</li>
 *   <li>{@code @} becomes a code span of its own: GitHub finds mentions in the rendered text,
 *       where a backslash or an entity is gone, but never inside code, so {@code @org/team} in a
 *       name notifies nobody;</li>
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
            if (c == '@') {
                // a run of @ in one span: two spans side by side would make a double backtick
                int end = i;
                while (end < visible.length() && visible.charAt(end) == '@') {
                    end++;
                }
                replacement = "`" + visible.substring(i, end) + "`";
                i = end - 1;
            }
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
