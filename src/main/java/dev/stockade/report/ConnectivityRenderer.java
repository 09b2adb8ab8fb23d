package dev.stockade.report;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a connectivity view in every format {@code analyze} offers. */
public final class ConnectivityRenderer {
    private ConnectivityRenderer() {}

    public static String render(ConnectivityView v, OutputFormat f) {
        return switch (f) {
            case TEXT -> text(v);
            case JSON -> AnalysisJson.render(v);
            case CSV -> csv(v);
            case MD -> markdown(v);
            case DOT -> dot(v);
        };
    }

    /**
     * One line a pair, {@code SRC => DST : TCP 80,8000-8080; UDP 53}, after a mode comment. Names
     * are shown as {@link TerminalText#inline} spells them: a newline in a name cannot make a line
     * of its own.
     */
    static String text(ConnectivityView v) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(v.connectivity().options().describe()).append('\n');
        for (Connection c : v.connections()) {
            sb.append(TerminalText.inline(c.src().id())).append(" => ").append(TerminalText.inline(c.dst().id()))
                    .append(" : ").append(c.allowed()).append('\n');
        }
        for (Endpoint e : v.endpoints()) {
            for (Connectivity.Exposure x : v.connectivity().exposures(e)) {
                sb.append("# ").append(TerminalText.inline(e.id())).append(" is exposed outside the cluster by ")
                        .append(x.service().type()).append(" Service ")
                        .append(TerminalText.inline(x.service().toString())).append(" (pod ports ").append(x.ports())
                        .append(")\n");
            }
        }
        return sb.toString();
    }

    /** RFC 4180, a header line, formula cells neutralised ({@link Csv}). */
    static String csv(ConnectivityView v) {
        StringBuilder sb = new StringBuilder("src,dst,allowed,mode\n");
        String mode = Csv.field(v.connectivity().options().describe());
        for (Connection c : v.connections()) {
            sb.append(Csv.field(c.src().id())).append(',').append(Csv.field(c.dst().id())).append(',')
                    .append(Csv.field(c.allowed().toString())).append(',').append(mode).append('\n');
        }
        return sb.toString();
    }

    static String markdown(ConnectivityView v) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Source | Destination | Allowed |\n|---|---|---|\n");
        for (Connection c : v.connections()) {
            sb.append("| ").append(Markdown.text(c.src().id())).append(" | ").append(Markdown.text(c.dst().id()))
                    .append(" | ").append(Markdown.text(c.allowed().toString())).append(" |\n");
        }
        sb.append("\n_").append(v.connections().size()).append(" allowed connections; ")
                .append(v.connectivity().options().describe()).append("._\n");
        return sb.toString();
    }

    /** Graphviz: workloads boxed by namespace, external ranges as ovals, edges labelled with ports. */
    static String dot(ConnectivityView v) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(v.connectivity().options().describe()).append('\n');
        sb.append("digraph connectivity {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        Map<String, List<Endpoint>> byNs = new TreeMap<>();
        Map<Endpoint, String> ids = new LinkedHashMap<>();
        int n = 0;
        for (Endpoint e : v.endpoints()) {
            ids.put(e, "n" + n++);
            String ns = e instanceof Endpoint.WorkloadEndpoint w ? w.workload().namespace() : "";
            byNs.computeIfAbsent(ns, k -> new ArrayList<>()).add(e);
        }
        int cluster = 0;
        for (Map.Entry<String, List<Endpoint>> g : byNs.entrySet()) {
            if (g.getKey().isEmpty()) {
                for (Endpoint e : g.getValue()) {
                    sb.append("  ").append(ids.get(e)).append(" [label=").append(quote(e.id()))
                            .append(", shape=oval, style=dashed];\n");
                }
                continue;
            }
            sb.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(quote(g.getKey()))
                    .append(";\n    style=rounded;\n");
            for (Endpoint e : g.getValue()) {
                Endpoint.WorkloadEndpoint w = (Endpoint.WorkloadEndpoint) e;
                sb.append("    ").append(ids.get(e)).append(" [label=").append(quote(w.workload().name(), w.kind()))
                        .append("];\n");
            }
            sb.append("  }\n");
        }
        for (Connection c : v.connections()) {
            PortSet p = c.allowed();
            sb.append("  ").append(ids.get(c.src())).append(" -> ").append(ids.get(c.dst())).append(" [label=")
                    .append(quote(p.toString())).append(p.isAll() ? ", color=red" : "").append("];\n");
        }
        return sb.append("}\n").toString();
    }

    /**
     * A DOT string literal showing {@code lines} one under the other ({@code \n} between them):
     * in each line backslashes are doubled and quotes escaped, so no name ends the literal or
     * writes a DOT escape ({@code \l}, {@code \N}, a line continuation), and unsafe characters,
     * newlines included, are spelled as {@link TerminalText#inline} shows them.
     */
    private static String quote(String... lines) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : "\\n")
                    .append(TerminalText.inline(lines[i]).replace("\\", "\\\\").replace("\"", "\\\""));
        }
        return sb.append('"').toString();
    }
}
