package dev.stockade.report;

import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Decision;
import dev.stockade.diff.PairChange;
import dev.stockade.diff.Reason;
import dev.stockade.diff.Witness;
import dev.stockade.engine.Endpoint;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link ConnectivityDiff}: readable text, Markdown for a pull-request comment, or
 * the {@code diff -o json} document ({@link DiffJson}). {@code before} and {@code after} name
 * the two versions (paths or git revisions).
 */
public final class DiffRenderer {
    private DiffRenderer() {}

    public static String render(ConnectivityDiff d, OutputFormat f, String before, String after) {
        return switch (f) {
            case TEXT -> text(d, before, after);
            case MD -> markdown(d, before, after);
            case JSON -> DiffJson.render(d, before, after);
            default -> throw new IllegalArgumentException("diff has no " + f + " output");
        };
    }

    /** {@code 2 added, 1 removed, 1 changed; workloads: 1 added, 0 removed}. */
    static String summary(ConnectivityDiff d) {
        return d.added().size() + " added, " + d.removed().size() + " removed, " + d.changed().size()
                + " changed; workloads: " + d.workloadsAdded().size() + " added, " + d.workloadsRemoved().size()
                + " removed";
    }

    /**
     * A header (mode, versions, counts), the workloads added and removed, then the added,
     * removed and changed pairs ({@code + SRC => DST : TCP 80}, {@code - …},
     * {@code ~ SRC => DST : TCP 80 -> TCP 80,443}), each with its witness flows decided before and after.
     */
    static String text(ConnectivityDiff d, String before, String after) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(d.options().describe()).append('\n');
        sb.append("# before: ").append(before).append('\n');
        sb.append("# after:  ").append(after).append('\n');
        if (d.isEmpty()) {
            return TerminalText.escape(sb.append("no connectivity changes\n"));
        }
        sb.append(summary(d)).append('\n');
        workloads(sb, "workloads added:", "+", d.workloadsAdded());
        workloads(sb, "workloads removed:", "-", d.workloadsRemoved());
        changes(sb, "added:", d.added());
        changes(sb, "removed:", d.removed());
        changes(sb, "changed:", d.changed());
        return TerminalText.escape(sb);
    }

    private static void workloads(StringBuilder sb, String title, String mark, List<Endpoint> list) {
        if (list.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (Endpoint e : list) {
            sb.append(mark).append(' ').append(e.id()).append(" (").append(e.kind()).append(")\n");
        }
    }

    private static void changes(StringBuilder sb, String title, List<PairChange> list) {
        if (list.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (PairChange c : list) {
            sb.append(c).append('\n');
            for (Witness w : c.witnesses()) {
                sb.append("    ").append(w).append(w.opened() ? " opened" : " closed").append('\n');
                decision(sb, "before", w.before());
                decision(sb, "after", w.after());
            }
        }
    }

    private static void decision(StringBuilder sb, String version, Decision d) {
        sb.append("      ").append(version).append(": ").append(d.allowed() ? "allowed" : "blocked").append('\n');
        for (Reason r : d.reasons()) {
            sb.append("        ").append(r).append('\n');
        }
    }

    /** Summary counts, then one table each for workloads, added, removed and changed pairs. */
    static String markdown(ConnectivityDiff d, String before, String after) {
        StringBuilder sb = new StringBuilder("### Stockade: connectivity diff\n\n");
        sb.append("Before: ").append(Markdown.code(before)).append(" · after: ").append(Markdown.code(after))
                .append(" · ")
                .append(d.options().describe()).append(".\n\n");
        if (d.isEmpty()) {
            return sb.append("**No connectivity changes.**\n").toString();
        }
        sb.append("**").append(d.added().size()).append(" added · ").append(d.removed().size()).append(" removed · ")
                .append(d.changed().size()).append(" changed** connections; workloads: ")
                .append(d.workloadsAdded().size()).append(" added, ").append(d.workloadsRemoved().size())
                .append(" removed.\n");
        if (!d.workloadsAdded().isEmpty() || !d.workloadsRemoved().isEmpty()) {
            sb.append("\n#### Workloads\n\n| Change | Workload | Kind |\n|---|---|---|\n");
            for (Endpoint e : d.workloadsAdded()) {
                sb.append("| added | ").append(md(e.id())).append(" | ").append(md(e.kind())).append(" |\n");
            }
            for (Endpoint e : d.workloadsRemoved()) {
                sb.append("| removed | ").append(md(e.id())).append(" | ").append(md(e.kind())).append(" |\n");
            }
        }
        table(sb, "Added", "| Source | Destination | Allowed now | Why |\n|---|---|---|---|\n", d.added());
        table(sb, "Removed", "| Source | Destination | Allowed before | Why |\n|---|---|---|---|\n", d.removed());
        table(sb, "Changed", "| Source | Destination | Before | After | Why |\n|---|---|---|---|---|\n", d.changed());
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, String header, List<PairChange> list) {
        if (list.isEmpty()) {
            return;
        }
        sb.append("\n#### ").append(title).append(" (").append(list.size()).append(")\n\n").append(header);
        for (PairChange c : list) {
            sb.append("| ").append(md(c.src().id())).append(" | ").append(md(c.dst().id())).append(" | ");
            switch (c.kind()) {
                case ADDED -> sb.append(md(c.after().toString()));
                case REMOVED -> sb.append(md(c.before().toString()));
                case CHANGED -> sb.append(md(c.before().toString())).append(" | ").append(md(c.after().toString()));
            }
            sb.append(" | ").append(c.witnesses().stream().map(DiffRenderer::why).collect(Collectors.joining("<br>")))
                    .append(" |\n");
        }
    }

    /** {@code **TCP 9090 opened** — before: blocked (ingress to B: `ns/p` (f:3)); after: allowed (…)}. */
    private static String why(Witness w) {
        return "**" + w + (w.opened() ? " opened" : " closed") + "** — before: " + compact(w.before())
                + "<br>after: " + compact(w.after());
    }

    /** A decision with its reasons grouped by side: {@code blocked (ingress to B: `ns/p` (f:3), `ns/q` (f:9))}. */
    private static String compact(Decision d) {
        Map<String, List<String>> sides = new LinkedHashMap<>();
        for (Reason r : d.reasons()) {
            String side = switch (r) {
                case Reason.Admits a -> side(a.direction(), a.subject());
                case Reason.AdminRuleDecides a -> side(a.direction(), a.subject());
                case Reason.AdmitsNothing a -> side(a.direction(), a.subject());
                case Reason.Unrestricted u -> side(u.direction(), u.subject());
                case Reason.HostNetwork h -> side(h.direction(), h.subject());
                case Reason.Absent a -> md(a.subject());
                case Reason.Routed a -> "route to " + md(a.subject());
                case Reason.NoRoute a -> "route to " + md(a.subject());
            };
            String item = switch (r) {
                case Reason.Admits a -> Markdown.code(a.policy().toString()) + " rule " + a.ruleIndex() + " ("
                        + md(a.rule().source().fileLine()) + ")";
                case Reason.AdmitsNothing a -> Markdown.code(a.policy().toString()) + " ("
                        + md(a.policy().source().fileLine()) + ")";
                case Reason.AdminRuleDecides a -> a.policy().kind() + " " + Markdown.code(a.policy().name()) + " rule "
                        + a.ruleIndex() + " (" + md(a.rule().source().fileLine()) + "): "
                        + a.policy().actionName(a.rule().action());
                case Reason.Unrestricted u -> "no policy selects it (unrestricted)";
                case Reason.HostNetwork h -> "host-network pod (no policy applies)";
                case Reason.Absent a -> "no such workload";
                case Reason.Routed a -> md(a.route()) + " (" + md(a.source()) + ")";
                case Reason.NoRoute a -> "none on this port";
            };
            sides.computeIfAbsent(side, k -> new ArrayList<>()).add(item);
        }
        String reasons = sides.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
        return (d.allowed() ? "allowed" : "blocked") + (reasons.isEmpty() ? "" : " (" + reasons + ")");
    }

    private static String side(PolicyType direction, String subject) {
        return (direction == PolicyType.Egress ? "egress from " : "ingress to ") + md(subject);
    }

    private static String md(String s) {
        return Markdown.text(s);
    }
}
