package dev.stockade.dataplane;

import java.nio.charset.StandardCharsets;

/**
 * Text that goes into an nft script as a comment ({@code comment "…"}) or a note ({@code # …}),
 * made safe whatever the names in it hold (the loader validates names; this is defence in depth):
 * <ul>
 *   <li>a character that could end the line or change how it reads (control and format
 *       characters, line and paragraph separators, lone surrogates, noncharacters such as U+FFFF)
 *       is written as {@code <U+XXXX>}, so a comment or note is always one line;</li>
 *   <li>in a comment, {@code "} becomes {@code '} and {@code \} becomes {@code /}: nft's lexer
 *       reads a quoted string up to the next {@code "} and knows no escapes;</li>
 *   <li>a comment is at most {@value #MAX_BYTES} bytes of UTF-8 (nft's limit, NFTNL_UDATA_COMMENT_MAXLEN:
 *       {@code comment too long, 128 characters maximum allowed}, counted in bytes): a longer one is
 *       cut on a character boundary and ends in {@code ...}.</li>
 * </ul>
 */
public final class NftComment {
    /** The most bytes nft accepts in a comment. */
    public static final int MAX_BYTES = 128;

    private NftComment() {}

    /** {@code s} as the inside of a quoted nft comment: one line, no quote, at most 128 bytes. */
    public static String text(String s) {
        return cut(escape(s).replace('"', '\'').replace('\\', '/'), MAX_BYTES);
    }

    /** {@code s} as a {@code #} note: one line. */
    public static String note(String s) {
        return escape(s);
    }

    /** Whether {@code cp} must not appear as itself in a script: it could break or disguise a line. */
    public static boolean unsafe(int cp) {
        if (cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\t' || unsafe(cp)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(String.format("<U+%04X>", cp));
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    /** {@code s} cut to at most {@code max} bytes of UTF-8 on a character boundary, {@code ...} marking a cut. */
    static String cut(String s, int max) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= max) {
            return s;
        }
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > max - 3) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + "...";
    }
}
