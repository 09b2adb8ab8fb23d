package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the rules that ran as {@code tool.driver.rules}
 * (short and full description, help as text and Markdown with the YAML fix, default level, the
 * checklist items as tags), and a result per finding with its file, line and column, a
 * {@code partialFingerprints} entry that survives edits ({@link Finding#fingerprint()}), an
 * {@code inSource} suppression for suppressed findings and {@code baselineState: unchanged} for
 * findings in the baseline.
 */
final class AuditSarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "stockadeFinding/v1";

    private AuditSarif() {}

    static String render(AuditReport report) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < report.rules().size(); i++) {
            index.put(report.rules().get(i).id(), i);
        }
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "stockade");
            g.writeStringField("informationUri", "https://stockade.dev/docs/rules");
            g.writeArrayFieldStart("rules");
            for (Rule r : report.rules()) {
                rule(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                result(g, f, index.get(f.ruleId()));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void rule(JsonGenerator g, Rule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.title().replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-'));
        text(g, "shortDescription", r.title());
        text(g, "fullDescription", r.description());
        g.writeObjectFieldStart("help");
        g.writeStringField("text", r.description() + "\n\nRemediation: " + r.remediation() + "\n\n" + r.fix());
        g.writeStringField("markdown", "**" + r.id() + ": " + r.title() + "**\n\n" + r.description()
                + "\n\n**Remediation:** " + r.remediation() + "\n\n```yaml\n" + r.fix() + "```\n");
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", r.severity().toString());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        for (String c : r.checklist()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", f.severity().toString());
        text(g, "message", f.object() + (f.path().isEmpty() ? "" : " " + f.path()) + ": " + f.message());
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(f.source().file()));
        g.writeEndObject();
        if (f.source().line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", f.source().line());
            g.writeNumberField("startColumn", Math.max(1, f.source().column()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("fullyQualifiedName", f.object() + (f.path().isEmpty() ? "" : " " + f.path()));
        g.writeStringField("kind", "object");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, f.fingerprint());
        g.writeEndObject();
        if (f.suppressed()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "inSource");
            g.writeStringField("justification", f.suppression());
            g.writeEndObject();
            g.writeEndArray();
        }
        if (f.baselined()) {
            g.writeStringField("baselineState", "unchanged");
        }
        g.writeEndObject();
    }

    /**
     * A file as a SARIF artifact URI (an RFC 3986 URI-reference): a relative path stays relative
     * (code scanning resolves it against the repository root), an absolute path becomes a
     * {@code file:} URI. Every UTF-8 byte that is not an unreserved character, a sub-delimiter,
     * {@code :}, {@code @} or {@code /} is percent-encoded (a NUL too); a relative path whose first
     * segment holds a colon gets {@code ./} in front, so it is not read as a scheme; a lone
     * surrogate, which has no UTF-8 encoding, is taken as U+FFFD.
     */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        if (path.startsWith("/")) {
            return "file://" + percentEncoded(path);
        }
        if (path.matches("[A-Za-z]:/.*")) {
            return "file:///" + percentEncoded(path);
        }
        String encoded = percentEncoded(path);
        int colon = encoded.indexOf(':');
        int slash = encoded.indexOf('/');
        return colon >= 0 && (slash < 0 || colon < slash) ? "./" + encoded : encoded;
    }

    private static String percentEncoded(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int cp = path.codePointAt(i);
            int n = Character.charCount(cp);
            if (n == 1 && Character.isSurrogate(path.charAt(i))) {
                cp = 0xFFFD;
            }
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || "-._~!$&'()*+,;=:@/".indexOf(cp) >= 0)) {
                sb.append((char) cp);
            } else {
                for (byte b : Character.toString(cp).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += n;
        }
        return sb.toString();
    }

    private static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }
}
