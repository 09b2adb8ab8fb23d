package dev.stockade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Markdown the way GitHub's tables and inlines do, strictly: a table row is one line split
 * into cells at unescaped pipes, and every row has its header's cell count; inline text decodes
 * backslash escapes and the entities {@code &lt; &gt; &amp; &quot;}, and any raw character that
 * would start markup (emphasis, strikethrough, link, image, code span, HTML, heading, math, a
 * mention: GitHub finds {@code @name} in the rendered text, so only a code span of {@code @} may hold one) or
 * a raw control character is an error.
 */
final class MarkdownTables {
    private static final Pattern WITNESS = Pattern.compile("\\*\\*(TCP|UDP|SCTP) \\d+ (opened|closed)\\*\\*");

    private MarkdownTables() {}

    /** The body rows of every table; throws when a row has another cell count than its header. */
    static List<List<String>> rows(String md) {
        List<List<String>> rows = new ArrayList<>();
        int columns = -1;
        for (String line : md.split("\n", -1)) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (columns < 0) {
                columns = cells.size();
            } else if (!line.startsWith("|---")) {
                if (cells.size() != columns) {
                    throw new IllegalArgumentException(cells.size() + " cells where the header has " + columns + ": "
                            + line);
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** One row's cells, without the spaces around them; a backslash keeps the next character (an escaped pipe does not split). */
    static List<String> cells(String line) {
        if (!line.endsWith("|")) {
            throw new IllegalArgumentException("a row must end with a pipe: " + line);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cell.append(c).append(line.charAt(++i));
            } else if (c == '|') {
                cells.add(spacesTrimmed(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    /** Plain inline text as it renders; throws on raw markup or a raw control character. */
    static String decode(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("`@", i)) {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) == '@') {
                    end++;
                }
                if (end >= text.length() || text.charAt(end) != '`') {
                    throw new IllegalArgumentException("unclosed code span at " + i + " in: " + text);
                }
                sb.append(text, i + 1, end);
                i = end;
            } else if (c == '\\') {
                char n = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (n < 0x80 && isPunctuation(n)) {
                    sb.append(n);
                    i++;
                } else {
                    sb.append(c);
                }
            } else if (c == '&') {
                int semi = text.indexOf(';', i);
                String entity = semi < 0 ? "" : text.substring(i, semi + 1);
                String value = switch (entity) {
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&amp;" -> "&";
                    case "&quot;" -> "\"";
                    default -> throw new IllegalArgumentException("raw & at " + i + " in: " + text);
                };
                sb.append(value);
                i = semi;
            } else if ("*_[]~<>`#$|@".indexOf(c) >= 0) {
                throw new IllegalArgumentException("raw " + c + " at " + i + " in: " + text);
            } else if (Visible.unsafe(c, Character.isSurrogate(c)) && !Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("raw U+%04X at %d in: %s", (int) c, i, text));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A cell with the renderer's own markup (bold witness flows, {@code <br>}, code spans holding
     * nothing but plain characters) replaced by a space, the rest decoded.
     */
    static String decodeWithOwnMarkup(String cell) {
        String s = WITNESS.matcher(cell).replaceAll(" ").replace("<br>", " ");
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                rest.append(c).append(s.charAt(++i));
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed code span: " + cell);
                }
                for (char d : s.substring(i + 1, end).toCharArray()) {
                    if ("`\\|<>&".indexOf(d) >= 0 || Visible.unsafe(d, false) && !Character.isSurrogate(d)) {
                        throw new IllegalArgumentException("code span with " + d + ": " + cell);
                    }
                }
                rest.append(' ');
                i = end;
            } else {
                rest.append(c);
            }
        }
        return decode(rest.toString());
    }

    /** {@code s} without leading and trailing spaces, as GitHub trims a cell. */
    static String spacesTrimmed(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isPunctuation(char c) {
        return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }
}
