package dev.stockade.lab;

import dev.stockade.engine.PortSet;
import dev.stockade.model.Protocol;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kernel let through, in the shape of {@code analyze}: per ordered pair of lab pods, the
 * probed ports that connected. JSON is the analyze contract (schemaVersion 1) with
 * {@code "source":"kernel"}; only probed ports (the destination's TCP and UDP container ports)
 * can appear.
 */
public record LabReport(List<Lab.LabPod> pods, List<Lab.Probe> probes, List<String> notes, long upMillis, long probeMillis, long downMillis) {
    public LabReport {
        pods = List.copyOf(pods);
        probes = List.copyOf(probes);
        notes = List.copyOf(notes);
    }

    /** Allowed ports per "src dst" pair (pairs with nothing connected are absent), sorted. */
    public Map<String, PortSet> allowed() {
        Map<String, PortSet> m = new TreeMap<>();
        for (Lab.Probe p : probes) {
            if (p.connected()) {
                m.merge(p.src().id() + " " + p.dst().id(), PortSet.of(p.protocol(), p.port()), PortSet::union);
            }
        }
        return m;
    }

    public long millis() {
        return upMillis + probeMillis + downMillis;
    }

    public long connected() {
        return probes.stream().filter(Lab.Probe::connected).count();
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (String n : notes) {
            b.append("# ").append(n).append('\n');
        }
        for (Map.Entry<String, PortSet> e : allowed().entrySet()) {
            String[] pair = e.getKey().split(" ");
            b.append(pair[0]).append(" -> ").append(pair[1]).append("  ").append(ports(e.getValue())).append('\n');
        }
        b.append("# ").append(pods.size()).append(" pods, ").append(probes.size()).append(" probes, ")
                .append(connected()).append(" connected, measured on the kernel in ").append(millis()).append(" ms (up ")
                .append(upMillis).append(", probe ").append(probeMillis).append(", down ").append(downMillis).append(")\n");
        return b.toString();
    }

    private static String ports(PortSet s) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Protocol, List<String>> e : s.toRangeStrings().entrySet()) {
            for (String r : e.getValue()) {
                b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append('/').append(r);
            }
        }
        return b.toString();
    }

    public String json() {
        StringBuilder b = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"source\": \"kernel\",\n  \"endpoints\": [");
        String sep = "\n";
        for (Lab.LabPod p : pods.stream().sorted(Comparator.comparing(Lab.LabPod::id)).toList()) {
            b.append(sep).append("    {\"id\": ").append(q(p.id())).append(", \"kind\": \"Pod\", \"namespace\": ")
                    .append(q(p.pod().namespace())).append(", \"name\": ").append(q(p.pod().name())).append("}");
            sep = ",\n";
        }
        b.append("\n  ],\n  \"connections\": [");
        sep = "\n";
        for (Map.Entry<String, PortSet> e : allowed().entrySet()) {
            String[] pair = e.getKey().split(" ");
            b.append(sep).append("    {\"src\": ").append(q(pair[0])).append(", \"dst\": ").append(q(pair[1]))
                    .append(", \"allowed\": {");
            String s2 = "";
            for (Map.Entry<Protocol, List<String>> r : e.getValue().toRangeStrings().entrySet()) {
                b.append(s2).append(q(r.getKey().name())).append(": [");
                b.append(String.join(", ", r.getValue().stream().map(LabReport::q).toList())).append(']');
                s2 = ", ";
            }
            b.append("}}");
            sep = ",\n";
        }
        b.append("\n  ],\n  \"warnings\": [");
        sep = "\n";
        for (String n : notes) {
            b.append(sep).append("    ").append(q(n));
            sep = ",\n";
        }
        b.append(notes.isEmpty() ? "" : "\n  ").append("],\n  \"probes\": ").append(probes.size())
                .append(",\n  \"millis\": {\"up\": ").append(upMillis).append(", \"probe\": ").append(probeMillis)
                .append(", \"down\": ").append(downMillis).append("}\n}\n");
        return b.toString();
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
