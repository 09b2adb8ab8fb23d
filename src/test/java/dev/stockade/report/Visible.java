package dev.stockade.report;

/**
 * The test's own statement of the documented escape spelling (written apart from the renderers'
 * code): a control character (Cc), an invisible format character (Cf: bidi overrides and
 * isolates, zero-width characters, BOM), a line or paragraph separator, a lone surrogate or a
 * noncharacter becomes {@code \}{@code uXXXX} (lowercase hex), or {@code \}{@code UXXXXXXXX}
 * above the BMP; everything else stays.
 */
final class Visible {
    private Visible() {}

    static boolean unsafe(int cp, boolean lone) {
        int type = Character.getType(cp);
        return lone || type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    /** {@code s} as text output shows it; with {@code keepLayout}, newline and tab stay. */
    static String of(String s, boolean keepLayout) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean lone = Character.isSurrogate(s.charAt(i)) && n == 1;
            if (unsafe(cp, lone) && !(keepLayout && (cp == '\n' || cp == '\t'))) {
                sb.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb.toString();
    }

    /** The first character a terminal would act on (anything {@link #of} escapes but newline and tab), or -1. */
    static int firstRawControl(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean lone = Character.isSurrogate(s.charAt(i)) && n == 1;
            if (unsafe(cp, lone) && cp != '\n' && cp != '\t') {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /** {@code s} with each lone surrogate replaced by U+FFFD, as the JSON outputs carry it. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            sb.appendCodePoint(Character.isSurrogate(s.charAt(i)) && n == 1 ? 0xFFFD : cp);
            i += n;
        }
        return sb.toString();
    }
}
