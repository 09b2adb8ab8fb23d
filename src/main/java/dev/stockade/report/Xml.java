package dev.stockade.report;

/**
 * Text for an XML 1.0 attribute or element (the JUnit reports): {@code & < > "} as entities, and
 * every character {@link TerminalText#escape} would escape spelled as it does, which covers all
 * that XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE; U+FFFF; lone surrogates): the
 * document always parses, and a CI page shows the name as the terminal would.
 */
final class Xml {
    private Xml() {}

    static String text(String s) {
        String visible = TerminalText.escape(s);
        StringBuilder sb = new StringBuilder(visible.length());
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
