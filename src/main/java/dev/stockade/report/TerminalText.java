package dev.stockade.report;

import java.io.IOException;
import java.io.Writer;

/**
 * What text output may not carry raw, and the one spelling it is shown in instead. Names come
 * from manifests nobody vouches for; a name holding ESC, BEL or CR could rewrite the user's
 * terminal, and a bidi override or a zero-width character could make a line read as something
 * it is not ("Trojan source"). So every text renderer, the diagnostics on standard error, and the
 * Markdown, DOT, XML and YAML writers show these characters escaped:
 * <ul>
 *   <li>control characters (Unicode Cc: C0, DEL, C1), invisible format characters (Cf: the bidi
 *       embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the zero-width
 *       characters, the byte-order mark, …), the line and paragraph separators U+2028/U+2029,
 *       lone surrogates (which UTF-8 cannot carry) and the noncharacters (U+FFFE, U+FFFF, …);</li>
 *   <li>spelled {@code \}{@code u} and four lowercase hex digits ({@code \}{@code u001b} for ESC,
 *       {@code \}{@code u202e} for RIGHT-TO-LEFT OVERRIDE, {@code \}{@code ud800} for a lone
 *       surrogate), or {@code \}{@code U} and eight above the BMP ({@code \}{@code U000e0001});</li>
 *   <li>newline and tab are layout in text output and stay ({@link #escape}); where a name must
 *       stay on one line (a table cell, a label, a comment, a line of analyze or audit text) they
 *       are escaped too ({@link #inline}).</li>
 * </ul>
 * The other text outputs (diff, explain, verify, query) spell names through the model's
 * {@code toString} and are escaped as a whole, so there a newline in a name still breaks the line;
 * the loader's name validation is what keeps such names out.
 * A backslash is not doubled: the text stays readable, and escaping twice gives the same text.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code s} with every unsafe character but newline and tab escaped. */
    public static String escape(CharSequence s) {
        return escape(s, true);
    }

    /** {@code s} with every unsafe character escaped, newline and tab included: it stays on one line. */
    public static String inline(CharSequence s) {
        return escape(s, false);
    }

    /** A writer that passes text on to {@code out} as {@link #escape} shows it. */
    public static Writer writer(Writer out) {
        return new EscapingWriter(out);
    }

    /**
     * Whether code point {@code cp} is shown escaped; {@code lone} says it is a surrogate without
     * its other half.
     */
    static boolean unsafe(int cp, boolean lone) {
        if (cp >= 0x20 && cp < 0x7F) {
            return false;
        }
        int type = Character.getType(cp);
        return lone || type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (cp & 0xFFFE) == 0xFFFE || cp >= 0xFDD0 && cp <= 0xFDEF;
    }

    /** Appends the escaped spelling of {@code cp}. */
    static void appendEscape(StringBuilder sb, int cp) {
        String hex = Integer.toHexString(cp);
        if (cp > 0xFFFF) {
            sb.append("\\U").append("0".repeat(8 - hex.length())).append(hex);
        } else {
            sb.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
        }
    }

    private static String escape(CharSequence s, boolean keepLayout) {
        int first = firstUnsafe(s, 0, keepLayout);
        if (first < 0) {
            return s.toString();
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        int i = first;
        while (i < s.length()) {
            int cp = Character.codePointAt(s, i);
            int n = Character.charCount(cp);
            boolean lone = n == 1 && Character.isSurrogate(s.charAt(i));
            if (unsafe(cp, lone) && !(keepLayout && (cp == '\n' || cp == '\t'))) {
                appendEscape(sb, cp);
            } else {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb.toString();
    }

    private static int firstUnsafe(CharSequence s, int from, boolean keepLayout) {
        for (int i = from; i < s.length(); ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            int n = Character.charCount(cp);
            if (unsafe(cp, n == 1 && Character.isSurrogate(c)) && !(keepLayout && (cp == '\n' || cp == '\t'))) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * Escapes what passes through; a high surrogate at the end of one write waits for the next,
     * so a pair split across writes is kept whole.
     */
    private static final class EscapingWriter extends Writer {
        private final Writer out;
        private char pending;

        EscapingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            StringBuilder sb = new StringBuilder(len + 1);
            if (pending != 0) {
                sb.append(pending);
                pending = 0;
            }
            sb.append(buf, off, len);
            if (Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                pending = sb.charAt(sb.length() - 1);
                sb.setLength(sb.length() - 1);
            }
            out.write(escape(sb));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pending != 0) {
                out.write(escape(String.valueOf(pending)));
                pending = 0;
            }
            out.close();
        }
    }
}
