package dev.stockade.model;

import java.util.Collection;
import java.util.Optional;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * adjacent characters each count as one edit. Case matters ({@code Web} is one edit from
 * {@code web}), as it does for label keys and values. Pure and JDK only: the one home of the edit distance,
 * for the loader's "did you mean" on field names and the queries' hints on label typos alike.
 */
public final class EditDistance {
    private EditDistance() {}

    /** The number of edits that turn {@code a} into {@code b}. */
    public static int between(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The candidate exactly one edit away from {@code word}; on ties the first in sort order. */
    public static Optional<String> oneEditAway(String word, Collection<String> candidates) {
        String best = null;
        for (String c : candidates) {
            if (Math.abs(c.length() - word.length()) <= 1 && between(word, c) == 1
                    && (best == null || c.compareTo(best) < 0)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }
}
