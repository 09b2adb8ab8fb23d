package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code audit} output: text, JSON and JUnit here; SARIF in {@link AuditSarif}. */
public final class AuditRenderer {
    /** The formats {@code audit -o} offers. */
    public enum Format {
        TEXT, JSON, SARIF, JUNIT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private AuditRenderer() {}

    public static String render(AuditReport report, Format format, Severity failOn) {
        return switch (format) {
            case TEXT -> text(report, failOn);
            case JSON -> json(report);
            case SARIF -> AuditSarif.render(report);
            case JUNIT -> junit(report, failOn);
        };
    }

    /** What a finding is about: its workload, else its object. */
    static String subject(Finding f) {
        return f.workload().isEmpty() ? f.object().toString() : "workload " + f.workload();
    }

    /**
     * Findings grouped by namespace, then by workload (or object), the groups with the most severe
     * findings first (then by name), then a one-line summary.
     */
    static String text(AuditReport report, Severity failOn) {
        StringBuilder sb = new StringBuilder();
        text(report, failOn, sb);
        return sb.toString();
    }

    /**
     * The text output written to {@code out} as it is made (a large audit is tens of megabytes:
     * no need to hold it all); names, paths and messages shown as {@link TerminalText#inline} spells them.
     */
    public static void text(AuditReport report, Severity failOn, Appendable out) {
        try {
            writeText(report, failOn, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeText(AuditReport report, Severity failOn, Appendable sb) throws IOException {
        Map<String, Map<String, List<Finding>>> groups = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            groups.computeIfAbsent(f.namespace(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(subject(f), k -> new ArrayList<>()).add(f);
        }
        List<String> namespaces = new ArrayList<>(groups.keySet());
        namespaces.sort(Comparator.comparing((String n) -> worst(groups.get(n).values().stream()
                .flatMap(List::stream).toList())).thenComparing(n -> n));
        for (String ns : namespaces) {
            sb.append(ns.isEmpty() ? "(cluster)" : "namespace " + TerminalText.inline(ns)).append('\n');
            Map<String, List<Finding>> subjects = groups.get(ns);
            List<String> names = new ArrayList<>(subjects.keySet());
            names.sort(Comparator.comparing((String s) -> worst(subjects.get(s))).thenComparing(s -> s));
            for (String s : names) {
                sb.append("  ").append(TerminalText.inline(s)).append('\n');
                for (Finding f : subjects.get(s)) {
                    // written part by part: a large audit writes this line a hundred thousand times;
                    // each name on one line (TerminalText.inline), whatever it holds
                    Source at = f.source();
                    sb.append("    ").append(f.severity().toString()).append(' ').append(f.ruleId()).append(' ')
                            .append(TerminalText.inline(at.file())).append(':').append(Integer.toString(at.line()))
                            .append(':').append(Integer.toString(at.column())).append(": ");
                    if (!f.workload().isEmpty() || !f.path().isEmpty()) {
                        ObjectRef o = f.object();
                        sb.append(TerminalText.inline(o.kind())).append(' ');
                        if (!o.namespace().isEmpty()) {
                            sb.append(TerminalText.inline(o.namespace())).append('/');
                        }
                        sb.append(TerminalText.inline(o.name()));
                        if (!f.path().isEmpty()) {
                            sb.append(' ').append(TerminalText.inline(f.path()));
                        }
                        sb.append(": ");
                    }
                    sb.append(TerminalText.inline(f.message()));
                    if (f.suppressed()) {
                        sb.append(" [suppressed: ").append(TerminalText.inline(f.suppression())).append(']');
                    } else if (f.baselined()) {
                        sb.append(" [in baseline]");
                    }
                    sb.append('\n');
                }
            }
        }
        if (!report.findings().isEmpty()) {
            sb.append('\n');
        }
        sb.append(summary(report, failOn)).append('\n');
    }

    /** {@code 5 findings: 1 error, 3 warnings, 1 note; 2 suppressed, 0 in baseline; 1 at or above error}. */
    static String summary(AuditReport report, Severity failOn) {
        long active = report.findings().stream().filter(Finding::active).count();
        return active + " finding" + (active == 1 ? "" : "s") + ": " + report.count(Severity.ERROR) + " error"
                + (report.count(Severity.ERROR) == 1 ? "" : "s") + ", " + report.count(Severity.WARNING) + " warning"
                + (report.count(Severity.WARNING) == 1 ? "" : "s") + ", " + report.count(Severity.NOTE) + " note"
                + (report.count(Severity.NOTE) == 1 ? "" : "s") + "; " + report.suppressed() + " suppressed, "
                + report.baselined() + " in baseline; " + report.failing(failOn) + " at or above " + failOn
                + " (" + report.rules().size() + " rules)";
    }

    private static Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.NOTE);
    }

    /** The JSON contract: {@code schemas/audit.schema.json}. */
    static String json(AuditReport report) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("summary");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.toString(), report.count(s));
            }
            g.writeNumberField("suppressed", report.suppressed());
            g.writeNumberField("baselined", report.baselined());
            g.writeEndObject();
            g.writeArrayFieldStart("rules");
            for (Rule r : report.rules()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("title", r.title());
                g.writeStringField("severity", r.severity().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("severity", f.severity().toString());
        g.writeObjectFieldStart("object");
        g.writeStringField("kind", f.object().kind());
        g.writeStringField("namespace", f.object().namespace());
        g.writeStringField("name", f.object().name());
        g.writeEndObject();
        g.writeStringField("workload", f.workload());
        g.writeStringField("path", f.path());
        g.writeStringField("file", f.source().file());
        g.writeNumberField("line", f.source().line());
        g.writeNumberField("column", f.source().column());
        g.writeStringField("message", f.message());
        g.writeStringField("fingerprint", f.fingerprint());
        if (f.suppressed()) {
            g.writeStringField("suppressed", f.suppression());
        }
        g.writeBooleanField("baselined", f.baselined());
        g.writeEndObject();
    }

    /**
     * JUnit XML: a {@code testsuite} per rule that ran; a {@code testcase} per finding (classname
     * the object, name the rule and field path) failing when it is active and at or above
     * {@code failOn}, skipped when suppressed, in the baseline or below the threshold; a rule
     * without findings has one passing testcase. No timings, so the output is reproducible.
     */
    static String junit(AuditReport report, Severity failOn) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Rule r : report.rules()) {
            byRule.put(r.id(), new ArrayList<>());
        }
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        int tests = 0;
        long failures = 0;
        for (List<Finding> fs : byRule.values()) {
            tests += Math.max(1, fs.size());
            failures += fs.stream().filter(f -> failing(f, failOn)).count();
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"stockade audit\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\">\n");
        for (Rule r : report.rules()) {
            List<Finding> fs = byRule.get(r.id());
            long failed = fs.stream().filter(f -> failing(f, failOn)).count();
            long skipped = fs.size() - failed;
            sb.append("  <testsuite name=\"").append(Xml.text(r.id() + " " + r.title())).append("\" tests=\"")
                    .append(Math.max(1, fs.size())).append("\" failures=\"").append(failed)
                    .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
            if (fs.isEmpty()) {
                sb.append("    <testcase classname=\"").append(r.id()).append("\" name=\"no findings\"/>\n");
            }
            for (Finding f : fs) {
                sb.append("    <testcase classname=\"").append(Xml.text(f.object().toString()))
                        .append("\" name=\"").append(Xml.text(f.ruleId() + (f.path().isEmpty() ? ""
                                : " " + f.path()) + (f.workload().isEmpty() ? "" : " (" + f.workload() + ")")))
                        .append("\">\n");
                String text = f.source() + ": " + f.message();
                if (failing(f, failOn)) {
                    sb.append("      <failure message=\"").append(Xml.text(f.message())).append("\" type=\"")
                            .append(f.severity()).append("\">").append(Xml.text(text)).append("</failure>\n");
                } else {
                    String why = f.suppressed() ? "suppressed: " + f.suppression() : f.baselined() ? "in baseline"
                            : f.severity() + " is below " + failOn;
                    sb.append("      <skipped message=\"").append(Xml.text(why + "; " + text)).append("\"/>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static boolean failing(Finding f, Severity failOn) {
        return f.active() && f.severity().atLeast(failOn);
    }
}
