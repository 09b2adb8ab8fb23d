package dev.stockade.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A square connectivity matrix over named pods ({@code x/a} … {@code z/c}): rows are sources,
 * columns destinations. It is printed the way the upstream Kubernetes e2e suite prints its truth
 * tables: {@code X} for allowed, {@code .} for blocked, and here {@code -} for a cell with no
 * value (a pair that was not observed).
 *
 * <p>Tables are immutable; every {@code expect…} method returns a new table. Patterns name
 * cells the way upstream's {@code Peer} matcher does: {@code *} is every pod, {@code x/*} every
 * pod of namespace x, {@code x/a} one pod.
 */
final class TruthTable {
    static final char ALLOWED = 'X';
    static final char BLOCKED = '.';
    static final char NONE = '-';
    static final char DIFFERS = '!';

    private final List<String> items;
    private final Map<String, Integer> index;
    /** {@code cells[from][to]}; null when the cell has no value. */
    private final Boolean[][] cells;

    private TruthTable(List<String> items, Boolean[][] cells) {
        this.items = List.copyOf(items);
        this.index = new HashMap<>();
        for (int i = 0; i < this.items.size(); i++) {
            if (index.put(this.items.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate item " + this.items.get(i));
            }
        }
        this.cells = cells;
    }

    /** A table with every cell set to {@code value} ({@code null}: no values yet). */
    static TruthTable filled(List<String> items, Boolean value) {
        Boolean[][] c = new Boolean[items.size()][items.size()];
        for (Boolean[] row : c) {
            Arrays.fill(row, value);
        }
        return new TruthTable(items, c);
    }

    List<String> items() {
        return items;
    }

    /** The cell's value, or null when it has none. */
    Boolean get(String from, String to) {
        return cells[indexOf(from)][indexOf(to)];
    }

    /** A copy with every cell matching both patterns set to {@code allowed}. */
    TruthTable expect(String fromPattern, String toPattern, Boolean allowed) {
        Boolean[][] c = copy();
        boolean any = false;
        for (int f = 0; f < items.size(); f++) {
            for (int t = 0; t < items.size(); t++) {
                if (matches(fromPattern, items.get(f)) && matches(toPattern, items.get(t))) {
                    c[f][t] = allowed;
                    any = true;
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException("no cell matches " + fromPattern + " -> " + toPattern);
        }
        return new TruthTable(items, c);
    }

    /** Upstream's {@code ExpectAllIngress}: every source to {@code to}. */
    TruthTable expectAllIngress(String to, boolean allowed) {
        return expect("*", to, allowed);
    }

    /** Upstream's {@code ExpectAllEgress}: {@code from} to every destination. */
    TruthTable expectAllEgress(String from, boolean allowed) {
        return expect(from, "*", allowed);
    }

    private static boolean matches(String pattern, String item) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return item.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(item);
    }

    private int indexOf(String item) {
        Integer i = index.get(item);
        if (i == null) {
            throw new IllegalArgumentException("unknown item " + item);
        }
        return i;
    }

    private Boolean[][] copy() {
        Boolean[][] c = new Boolean[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            c[i] = cells[i].clone();
        }
        return c;
    }

    /**
     * The cells where the two tables disagree, as {@code from -> to: expected X, observed .};
     * with {@code ignoreLoopback}, cells from a pod to itself are never compared.
     */
    List<String> differences(TruthTable observed, boolean ignoreLoopback) {
        requireSameItems(observed);
        List<String> out = new ArrayList<>();
        for (int f = 0; f < items.size(); f++) {
            for (int t = 0; t < items.size(); t++) {
                if (ignoreLoopback && f == t) {
                    continue;
                }
                Boolean e = cells[f][t];
                Boolean o = observed.cells[f][t];
                if (e == null ? o != null : !e.equals(o)) {
                    out.add(items.get(f) + " -> " + items.get(t) + ": expected " + symbol(e) + ", observed " + symbol(o));
                }
            }
        }
        return out;
    }

    private void requireSameItems(TruthTable other) {
        if (!items.equals(other.items)) {
            throw new IllegalArgumentException("tables over different items: " + items + " vs " + other.items);
        }
    }

    private static char symbol(Boolean b) {
        return b == null ? NONE : b ? ALLOWED : BLOCKED;
    }

    /** The table as upstream prints it: a header row, then one row per source. */
    String render() {
        return render((f, t) -> symbol(cells[f][t]));
    }

    /** {@code !} where the tables differ, {@code .} where they agree, {@code -} where not compared. */
    String renderDifference(TruthTable observed, boolean ignoreLoopback) {
        requireSameItems(observed);
        return render((f, t) -> {
            if (ignoreLoopback && f.equals(t)) {
                return NONE;
            }
            Boolean e = cells[f][t];
            Boolean o = observed.cells[f][t];
            return (e == null ? o == null : e.equals(o)) ? BLOCKED : DIFFERS;
        });
    }

    private interface Cell {
        char at(Integer from, Integer to);
    }

    private String render(Cell cell) {
        int width = 1;
        for (String s : items) {
            width = Math.max(width, s.length());
        }
        StringBuilder sb = new StringBuilder();
        StringBuilder row = new StringBuilder(pad("-", width));
        for (String s : items) {
            row.append(' ').append(pad(s, width));
        }
        sb.append(row.toString().stripTrailing()).append('\n');
        for (int f = 0; f < items.size(); f++) {
            row.setLength(0);
            row.append(pad(items.get(f), width));
            for (int t = 0; t < items.size(); t++) {
                row.append(' ').append(pad(String.valueOf(cell.at(f, t)), width));
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /**
     * Fails, printing both tables and their difference, unless they agree on every compared
     * cell. Upstream ignores loopback (a pod reaching itself) because CNIs disagree on it; pass
     * {@code ignoreLoopback} to do the same.
     */
    static void assertAgree(String title, String expectedName, TruthTable expected, String observedName,
                            TruthTable observed, boolean ignoreLoopback) {
        List<String> diff = expected.differences(observed, ignoreLoopback);
        if (diff.isEmpty()) {
            return;
        }
        int compared = expected.items.size() * (expected.items.size() - (ignoreLoopback ? 1 : 0));
        fail(title + ": " + diff.size() + " of " + compared + " cells differ"
                + (ignoreLoopback ? " (loopback ignored)" : "") + "\n"
                + String.join("\n", diff) + "\n\n"
                + expectedName + ":\n" + expected.render() + "\n"
                + observedName + ":\n" + observed.render() + "\n"
                + "difference (" + DIFFERS + " = differs):\n" + expected.renderDifference(observed, ignoreLoopback));
    }

    @Override
    public String toString() {
        return render();
    }
}
