package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.PolicyPort;
import dev.stockade.verify.ExpectationResult;
import dev.stockade.verify.VerifyReport;
import java.io.IOException;
import java.util.Locale;

/**
 * Renders a {@link VerifyReport}: text (each failure with its trace, then a summary line), the
 * {@code verify -o json} document (schema: {@code schemas/verify.schema.json}) and JUnit XML (one
 * test case per expectation, in the Jenkins/Surefire format CI dashboards read).
 */
public final class VerifyRenderer {
    /** The formats {@code verify} offers. */
    public enum Format {
        TEXT, JSON, JUNIT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private VerifyRenderer() {}

    public static String render(VerifyReport report, Format format, boolean listPassed) {
        return switch (format) {
            case TEXT -> text(report, listPassed);
            case JSON -> json(report);
            case JUNIT -> junit(report);
        };
    }

    /**
     * {@code FAIL <expectation>  (file:line)}, the message and the indented trace for each failure
     * ({@code ok <expectation>} lines for passes too when {@code listPassed}), then the summary.
     */
    static String text(VerifyReport report, boolean listPassed) {
        StringBuilder sb = new StringBuilder();
        for (ExpectationResult r : report.results()) {
            if (r.passed()) {
                if (listPassed) {
                    sb.append("ok   ").append(r.expectation()).append("  (").append(where(r)).append(")\n");
                }
                continue;
            }
            sb.append("FAIL ").append(r.expectation()).append("  (").append(where(r)).append(")\n");
            sb.append("  ").append(r.message()).append('\n');
            if (!r.trace().isEmpty()) {
                ExplainRenderer.text(r.trace(), report.options()).lines()
                        .forEach(l -> sb.append(l.isEmpty() ? "" : "    ").append(l).append('\n'));
            }
            sb.append('\n');
        }
        return TerminalText.escape(sb.append(report.summary()).append('\n'));
    }

    private static String where(ExpectationResult r) {
        return r.expectation().source().fileLine();
    }

    /** The {@code verify -o json} document, schemaVersion 1 (schema: {@code schemas/verify.schema.json}). */
    static String json(VerifyReport report) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("file", report.file());
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", report.options().ipBlockMatchesPods());
            g.writeStringField("hostNetwork", report.options().hostNetwork().flag());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("total", report.total());
            g.writeNumberField("passed", report.passed());
            g.writeNumberField("failed", report.failed());
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (dev.stockade.verify.VerifyReport.Suite s : report.suites()) {
                for (ExpectationResult r : s.results()) {
                    result(g, s.name(), r, report);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void result(JsonGenerator g, String suite, ExpectationResult r, VerifyReport report)
            throws IOException {
        ConnectivityExpectation e = r.expectation();
        g.writeStartObject();
        g.writeStringField("suite", suite);
        g.writeStringField("name", e.toString());
        g.writeStringField("source", e.source().fileLine());
        g.writeStringField("from", e.from().toString());
        g.writeStringField("to", e.to().toString());
        g.writeFieldName("port");
        if (e.port().isEmpty() || e.port().get() instanceof PolicyPort.AllPorts) {
            g.writeNull();
        } else if (e.port().get() instanceof PolicyPort.PortRange p) {
            g.writeNumber(p.from());
        } else if (e.port().get() instanceof PolicyPort.NamedPort n) {
            g.writeString(n.name());
        }
        g.writeFieldName("protocol");
        if (e.port().isEmpty()) {
            g.writeNull();
        } else {
            g.writeString(e.port().get().protocol().name());
        }
        g.writeStringField("expect", e.expect().name());
        g.writeStringField("description", e.description());
        g.writeStringField("outcome", r.outcome().name());
        g.writeBooleanField("passed", r.passed());
        g.writeNumberField("pairs", r.pairs());
        g.writeNumberField("failing", r.failing());
        g.writeStringField("message", r.message());
        g.writeArrayFieldStart("violations");
        for (ExpectationResult.Violation v : r.violations()) {
            g.writeStartObject();
            g.writeStringField("src", v.src().id());
            g.writeStringField("dst", v.dst().id());
            g.writeFieldName("allowed");
            Json.ports(g, v.allowed());
            g.writeStringField("reason", v.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("trace");
        if (r.trace().isEmpty()) {
            g.writeNull();
        } else {
            g.writeString(ExplainRenderer.text(r.trace(), report.options()));
        }
        g.writeEndObject();
    }

    /**
     * JUnit XML: a {@code testsuite} per {@code ConnectivityExpectations} object (named by its
     * {@code metadata.name}), a {@code testcase} per expectation with {@code classname} the
     * expectations file's name without directory and extension (dashboards read dots in a class
     * name as packages) and {@code name} the expectation ({@code from -> to port/proto expect}); a
     * failed expectation has a {@code failure} with the message and, as text, where it is written
     * and the trace. No timings, so the output is reproducible.
     */
    static String junit(VerifyReport report) {
        String classname = classname(report.file());
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"stockade verify\" tests=\"").append(report.total()).append("\" failures=\"")
                .append(report.failed()).append("\" errors=\"0\">\n");
        for (VerifyReport.Suite s : report.suites()) {
            sb.append("  <testsuite name=\"").append(Xml.text(s.name())).append("\" tests=\"").append(s.results().size())
                    .append("\" failures=\"").append(s.failed()).append("\" errors=\"0\" skipped=\"0\">\n");
            sb.append("    <properties>\n");
            sb.append("      <property name=\"expectations\" value=\"").append(Xml.text(report.file())).append("\"/>\n");
            sb.append("      <property name=\"mode\" value=\"").append(Xml.text(report.options().describe())).append("\"/>\n");
            sb.append("    </properties>\n");
            for (ExpectationResult r : s.results()) {
                sb.append("    <testcase classname=\"").append(Xml.text(classname)).append("\" name=\"")
                        .append(Xml.text(r.expectation().toString())).append('"');
                if (r.passed()) {
                    sb.append("/>\n");
                    continue;
                }
                StringBuilder body = new StringBuilder(where(r)).append(": ").append(r.message()).append('\n');
                if (!r.trace().isEmpty()) {
                    body.append(ExplainRenderer.text(r.trace(), report.options()));
                }
                sb.append(">\n      <failure message=\"").append(Xml.text(r.message())).append("\" type=\"")
                        .append(r.outcome()).append("\">").append(Xml.text(body.toString())).append("</failure>\n");
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    /** {@code examples/hexabase/expectations.yaml} → {@code expectations}. */
    static String classname(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        if (base.equals("<stdin>")) {
            return "stdin";
        }
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
