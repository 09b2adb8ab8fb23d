package dev.stockade.report;

import dev.stockade.audit.Finding;
import dev.stockade.audit.Severity;
import dev.stockade.audit.compliance.ComplianceReport;
import dev.stockade.audit.compliance.Control;
import dev.stockade.audit.compliance.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code audit --framework} output: text (by section), JSON ({@code schemas/compliance.schema.json}) and JUnit. */
public final class ComplianceRenderer {
    /** Findings shown under a failing control in text; the rest are counted. */
    static final int SHOWN = 5;

    private ComplianceRenderer() {}

    public static String render(ComplianceReport report, AuditRenderer.Format format) {
        return switch (format) {
            case TEXT -> text(report);
            case JSON -> json(report);
            case JUNIT -> junit(report);
            case SARIF -> throw new IllegalArgumentException("SARIF lists findings, not controls");
        };
    }

    static String text(ComplianceReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(report.framework().title()).append(" (").append(report.framework().source()).append(")\n");
        String section = null;
        for (ComplianceReport.Result r : report.results()) {
            Control c = r.control();
            String heading = c.inSource() ? c.section() : "Beyond " + report.framework().source() + ": " + c.section();
            if (!heading.equals(section)) {
                section = heading;
                sb.append('\n').append(heading).append('\n');
            }
            sb.append("  ").append(String.format("%-12s", r.status())).append(c.id()).append(' ').append(c.title());
            if (!c.rules().isEmpty()) {
                sb.append("  [").append(String.join(" ", c.rules())).append(']');
            }
            if (!r.findings().isEmpty()) {
                sb.append("  ").append(counts(r.findings()));
            }
            sb.append('\n');
            for (Finding f : r.findings().subList(0, Math.min(SHOWN, r.findings().size()))) {
                sb.append("      ").append(f.severity()).append(' ').append(f.ruleId()).append(' ').append(f.source())
                        .append(": ").append(f.object()).append(f.path().isEmpty() ? "" : " " + f.path())
                        .append(": ").append(f.message()).append('\n');
            }
            if (r.findings().size() > SHOWN) {
                sb.append("      … and ").append(r.findings().size() - SHOWN)
                        .append(" more (stockade audit lists them all)\n");
            }
            if (r.status() == Status.NOT_CHECKED) {
                sb.append("      its rules are disabled by the configuration\n");
            }
            if (c.manual() != null) {
                sb.append("      ").append(c.manualOnly() ? "check by hand: " : "also check by hand: ")
                        .append(c.manual()).append('\n');
            }
        }
        return TerminalText.escape(sb.append('\n').append(summary(report)).append('\n'));
    }

    /** {@code 24 controls: 6 pass, 3 fail, 0 not checked, 15 manual}. */
    static String summary(ComplianceReport report) {
        return report.results().size() + " controls: " + report.count(Status.PASS) + " pass, "
                + report.count(Status.FAIL) + " fail, " + report.count(Status.NOT_CHECKED) + " not checked, "
                + report.count(Status.MANUAL) + " manual";
    }

    private static String counts(List<Finding> findings) {
        Map<Severity, Integer> n = new LinkedHashMap<>();
        for (Finding f : findings) {
            n.merge(f.severity(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            if (n.containsKey(s)) {
                parts.add(n.get(s) + " " + s + (n.get(s) == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    static String json(ComplianceReport report) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("framework");
            g.writeStringField("name", report.framework().name());
            g.writeStringField("title", report.framework().title());
            g.writeStringField("source", report.framework().source());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            for (Status s : Status.values()) {
                g.writeNumberField(s == Status.NOT_CHECKED ? "notChecked" : s.toString(), report.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("controls");
            for (ComplianceReport.Result r : report.results()) {
                Control c = r.control();
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("section", c.section());
                g.writeStringField("title", c.title());
                g.writeBooleanField("inSource", c.inSource());
                g.writeStringField("status", r.status().toString());
                g.writeArrayFieldStart("rules");
                for (String id : c.rules()) {
                    g.writeString(id);
                }
                g.writeEndArray();
                if (c.manual() == null) {
                    g.writeNullField("manual");
                } else {
                    g.writeStringField("manual", c.manual());
                }
                g.writeArrayFieldStart("findings");
                for (Finding f : r.findings()) {
                    AuditRenderer.finding(g, f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * JUnit XML: a testsuite per section, a testcase per control; failing controls fail with their
     * findings, manual and not-checked ones are skipped with the reason.
     */
    static String junit(ComplianceReport report) {
        Map<String, List<ComplianceReport.Result>> bySection = new LinkedHashMap<>();
        for (ComplianceReport.Result r : report.results()) {
            bySection.computeIfAbsent(r.control().section(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"").append(Xml.text("stockade audit --framework "
                + report.framework().name())).append("\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(report.count(Status.FAIL)).append("\" errors=\"0\">\n");
        for (Map.Entry<String, List<ComplianceReport.Result>> e : bySection.entrySet()) {
            List<ComplianceReport.Result> rs = e.getValue();
            long failed = rs.stream().filter(r -> r.status() == Status.FAIL).count();
            long skipped = rs.stream().filter(r -> r.status() == Status.MANUAL || r.status() == Status.NOT_CHECKED)
                    .count();
            sb.append("  <testsuite name=\"").append(Xml.text(e.getKey())).append("\" tests=\"")
                    .append(rs.size()).append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"")
                    .append(skipped).append("\">\n");
            for (ComplianceReport.Result r : rs) {
                Control c = r.control();
                sb.append("    <testcase classname=\"").append(Xml.text(report.framework().name()))
                        .append("\" name=\"").append(Xml.text(c.id() + " " + c.title())).append('"');
                switch (r.status()) {
                    case PASS -> sb.append("/>\n");
                    case FAIL -> {
                        StringBuilder text = new StringBuilder();
                        for (Finding f : r.findings()) {
                            text.append(f.severity()).append(' ').append(f.ruleId()).append(' ').append(f.source())
                                    .append(": ").append(f.object()).append(": ").append(f.message()).append('\n');
                        }
                        sb.append(">\n      <failure message=\"").append(Xml.text(counts(r.findings())))
                                .append("\" type=\"compliance\">").append(Xml.text(text.toString()))
                                .append("</failure>\n    </testcase>\n");
                    }
                    case MANUAL, NOT_CHECKED -> sb.append(">\n      <skipped message=\"").append(Xml.text(
                                    r.status() == Status.MANUAL ? "check by hand: " + c.manual()
                                            : "its rules are disabled by the configuration"))
                            .append("\"/>\n    </testcase>\n");
                }
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }
}
