package dev.stockade.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, for golden-file failures: {@code ---}/{@code +++}
 * headers, then hunks {@code @@ -a,n +b,m @@} with {@value #CONTEXT} lines of context, removed
 * lines as {@code -}, added as {@code +}. Common prefix and suffix are trimmed before a longest
 * common subsequence of the middle is computed.
 */
final class GoldenDiff {
    static final int CONTEXT = 3;
    /** Above this many cells in the LCS table the middle is shown as removed-then-added. */
    private static final long MAX_CELLS = 25_000_000L;

    private GoldenDiff() {}

    private enum Op { SAME, DEL, ADD }

    private record Line(Op op, String text, int oldNo, int newNo) {}

    /** The diff, or an empty string when the texts are equal. */
    static String unified(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        List<Line> script = script(a, b);
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(expectedName).append('\n').append("+++ ").append(actualName).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end).op() != Op.SAME) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            hunk(sb, script.subList(start, end));
            i = end;
        }
        if (missingFinalNewline(expected) || missingFinalNewline(actual)) {
            sb.append("(final newline: expected ").append(expected.endsWith("\n") ? "yes" : "no")
                    .append(", actual ").append(actual.endsWith("\n") ? "yes" : "no").append(")\n");
        }
        return sb.toString();
    }

    private static boolean missingFinalNewline(String s) {
        return !s.isEmpty() && !s.endsWith("\n");
    }

    private static void hunk(StringBuilder sb, List<Line> h) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Line l : h) {
            if (l.op() != Op.ADD) {
                oldStart = oldStart == 0 ? l.oldNo() : oldStart;
                oldCount++;
            }
            if (l.op() != Op.DEL) {
                newStart = newStart == 0 ? l.newNo() : newStart;
                newCount++;
            }
        }
        sb.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +").append(newStart).append(',')
                .append(newCount).append(" @@\n");
        for (Line l : h) {
            sb.append(switch (l.op()) {
                case SAME -> ' ';
                case DEL -> '-';
                case ADD -> '+';
            }).append(l.text()).append('\n');
        }
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /** The edit script: every line of both texts, in order, marked kept, removed or added. */
    private static List<Line> script(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            out.add(new Line(Op.SAME, a.get(k), k + 1, k + 1));
        }
        middle(out, a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix);
        for (int k = suffix; k > 0; k--) {
            out.add(new Line(Op.SAME, a.get(a.size() - k), a.size() - k + 1, b.size() - k + 1));
        }
        return out;
    }

    private static void middle(List<Line> out, List<String> a, List<String> b, int offset) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Op.DEL, a.get(i), offset + i + 1, offset + 1));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Op.ADD, b.get(j), offset + n + 1, offset + j + 1));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Op.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Op.DEL, a.get(i), offset + i + 1, offset + j + 1));
                i++;
            } else {
                out.add(new Line(Op.ADD, b.get(j), offset + i + 1, offset + j + 1));
                j++;
            }
        }
    }
}
