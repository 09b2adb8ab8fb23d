package dev.stockade.report;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF (and a semicolon, for
 * spreadsheets that split on it), inner quotes doubled. A field that a spreadsheet would read as a
 * formula, one starting with {@code = + - @}, tab or CR, gets a leading {@code '} (OWASP's advice
 * against CSV injection), which spreadsheets show as text and do not display. No column of
 * Stockade's CSV starts with one of them for ordinary input: endpoint ids start with a namespace
 * or an address, port sets with a protocol.
 */
final class Csv {
    private static final String FORMULA_START = "=+-@\t\r";

    private Csv() {}

    static String field(String s) {
        String v = !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n' || c == ';';
        }
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
