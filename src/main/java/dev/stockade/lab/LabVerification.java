package dev.stockade.lab;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Verdict;
import java.util.List;
import java.util.function.Function;

/**
 * {@code lab verify}: the kernel's probes of a lab against the engine on the same input, with the
 * probes they disagree on. The engine's explanation of each is rendered by the caller (the
 * renderers live outside the lab), as text or as the {@code explain -o json} document.
 *
 * @param running whether the probes were made on a lab already running (no up and down here)
 */
public record LabVerification(List<Lab.LabPod> pods, List<Lab.Probe> probes, List<EngineCheck.Disagreement> disagreements,
        List<String> notes, AnalysisOptions options, boolean running, long upMillis, long probeMillis, long downMillis) {
    public LabVerification {
        pods = List.copyOf(pods);
        probes = List.copyOf(probes);
        disagreements = List.copyOf(disagreements);
        notes = List.copyOf(notes);
    }

    public boolean agree() {
        return disagreements.isEmpty();
    }

    public long connected() {
        return probes.stream().filter(Lab.Probe::connected).count();
    }

    /** The summary line, without the leading {@code # }. */
    public String summary() {
        String what = pods.size() + " pods, " + probes.size() + " probes, " + (agree()
                ? "all agree with the engine (" + connected() + " connected, " + (probes.size() - connected()) + " blocked)"
                : disagreements.size() + (disagreements.size() == 1 ? " disagrees" : " disagree") + " with the engine");
        String times = running ? "probed the running lab in " + probeMillis + " ms"
                : "measured on the kernel in " + (upMillis + probeMillis + downMillis) + " ms (up " + upMillis + ", probe "
                        + probeMillis + ", down " + downMillis + ")";
        return what + "; " + times;
    }

    /** Notes, each disagreement with the engine's explanation indented below it, then the summary. */
    public String text(Function<Verdict, String> explain) {
        StringBuilder b = new StringBuilder();
        for (String n : notes) {
            b.append("# ").append(n).append('\n');
        }
        for (EngineCheck.Disagreement d : disagreements) {
            b.append(d.line()).append('\n');
            for (String line : explain.apply(d.verdict()).split("\n")) {
                b.append("    ").append(line).append('\n');
            }
        }
        return b.append("# ").append(summary()).append('\n').toString();
    }

    /** The {@code lab verify -o json} document (schemas/lab-verify.schema.json). */
    public String json(Function<Verdict, String> explainJson) {
        StringBuilder b = new StringBuilder("{\n  \"schemaVersion\": 1,\n  \"source\": \"kernel\",\n");
        b.append("  \"options\": {\"ipBlockMatchesPods\": ").append(options.ipBlockMatchesPods())
                .append(", \"hostNetwork\": ").append(LabReport.q(options.hostNetwork().flag())).append("},\n");
        b.append("  \"running\": ").append(running).append(",\n");
        b.append("  \"pods\": ").append(pods.size()).append(",\n  \"probes\": ").append(probes.size())
                .append(",\n  \"connected\": ").append(connected()).append(",\n  \"agree\": ").append(agree())
                .append(",\n  \"disagreements\": [");
        String sep = "\n";
        for (EngineCheck.Disagreement d : disagreements) {
            Lab.Probe p = d.probe();
            b.append(sep).append("    {\"src\": ").append(LabReport.q(p.src().id())).append(", \"dst\": ")
                    .append(LabReport.q(p.dst().id())).append(", \"address\": ").append(LabReport.q(p.address().toString()))
                    .append(", \"protocol\": ").append(LabReport.q(p.protocol().name())).append(", \"port\": ")
                    .append(p.port()).append(", \"engine\": ").append(LabReport.q(d.verdict().allowed() ? "allowed" : "blocked"))
                    .append(", \"kernel\": ").append(LabReport.q(p.connected() ? "connected" : "dropped"))
                    .append(",\n     \"explain\": ").append(explainJson.apply(d.verdict()).strip().replace("\n", "\n     "))
                    .append('}');
            sep = ",\n";
        }
        b.append(disagreements.isEmpty() ? "" : "\n  ").append("],\n  \"warnings\": [");
        sep = "\n";
        for (String n : notes) {
            b.append(sep).append("    ").append(LabReport.q(n));
            sep = ",\n";
        }
        b.append(notes.isEmpty() ? "" : "\n  ").append("],\n  \"millis\": {\"up\": ").append(upMillis)
                .append(", \"probe\": ").append(probeMillis).append(", \"down\": ").append(downMillis).append("}\n}\n");
        return b.toString();
    }
}
