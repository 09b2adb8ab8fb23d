package dev.stockade.load;

import static org.junit.jupiter.api.Assertions.fail;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload-to-workload part of a {@link Connectivity} for one protocol and port, as the
 * upstream Kubernetes e2e suite prints its truth tables: rows are sources, columns destinations,
 * {@code X} allowed, {@code .} blocked, {@code -} on the diagonal (a workload to itself is never
 * analyzed). Expected tables are written the same way, with any spacing.
 */
final class ConnectivityTable {
    private ConnectivityTable() {}

    /** Fails, printing expected, observed and the differing cells, unless the tables agree. */
    static void assertTable(Connectivity connectivity, Protocol protocol, int port, String expected) {
        List<String> ids = workloads(connectivity);
        char[][] observed = observe(connectivity, ids, protocol, port);
        List<String> rows = expected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> header = Arrays.asList(rows.get(0).split("\\s+"));
        if (!header.subList(1, header.size()).equals(ids) || rows.size() != ids.size() + 1) {
            fail("at " + protocol + " " + port + ": the table's workloads " + header.subList(1, header.size())
                    + " are not the cluster's " + ids + "\nobserved:\n" + render(ids, observed));
        }
        char[][] want = new char[ids.size()][ids.size()];
        for (int f = 0; f < ids.size(); f++) {
            String[] cells = rows.get(f + 1).split("\\s+");
            if (!cells[0].equals(ids.get(f)) || cells.length != ids.size() + 1) {
                fail("expected table row " + (f + 1) + " should be " + ids.get(f) + " and " + ids.size() + " cells: "
                        + rows.get(f + 1));
            }
            for (int t = 0; t < ids.size(); t++) {
                want[f][t] = cells[t + 1].charAt(0);
            }
        }
        List<String> diff = new ArrayList<>();
        char[][] marks = new char[ids.size()][ids.size()];
        for (int f = 0; f < ids.size(); f++) {
            for (int t = 0; t < ids.size(); t++) {
                boolean same = want[f][t] == observed[f][t];
                marks[f][t] = same ? '.' : '!';
                if (!same) {
                    diff.add(ids.get(f) + " -> " + ids.get(t) + ": expected " + want[f][t] + ", observed "
                            + observed[f][t]);
                }
            }
        }
        if (!diff.isEmpty()) {
            fail("at " + protocol + " " + port + ": " + diff.size() + " cells differ\n" + String.join("\n", diff)
                    + "\n\nexpected:\n" + render(ids, want) + "\nobserved:\n" + render(ids, observed)
                    + "\ndifference (! = differs):\n" + render(ids, marks));
        }
    }

    /** What {@code src} may open to {@code dst}, as {@link PortSet#toString()} spells it. */
    static String allowed(Connectivity connectivity, String src, String dst) {
        for (Connection c : connectivity.connections()) {
            if (c.src().id().equals(src) && c.dst().id().equals(dst)) {
                return c.allowed().toString();
            }
        }
        return PortSet.EMPTY.toString();
    }

    private static List<String> workloads(Connectivity connectivity) {
        return connectivity.endpoints().stream().filter(e -> e instanceof Endpoint.WorkloadEndpoint)
                .map(Endpoint::id).toList();
    }

    private static char[][] observe(Connectivity connectivity, List<String> ids, Protocol protocol, int port) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        char[][] cells = new char[ids.size()][ids.size()];
        for (int f = 0; f < ids.size(); f++) {
            Arrays.fill(cells[f], '.');
            cells[f][f] = '-';
        }
        for (Connection c : connectivity.connections()) {
            Integer f = index.get(c.src().id());
            Integer t = index.get(c.dst().id());
            if (f != null && t != null && c.allowed().contains(protocol, port)) {
                cells[f][t] = 'X';
            }
        }
        return cells;
    }

    private static String render(List<String> ids, char[][] cells) {
        int width = Math.max(1, ids.stream().mapToInt(String::length).max().orElse(1));
        StringBuilder sb = new StringBuilder(pad("-", width));
        for (String id : ids) {
            sb.append(' ').append(pad(id, width));
        }
        sb.append('\n');
        for (int f = 0; f < ids.size(); f++) {
            StringBuilder row = new StringBuilder(pad(ids.get(f), width));
            for (int t = 0; t < ids.size(); t++) {
                row.append(' ').append(pad(String.valueOf(cells[f][t]), width));
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
