package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Severity;
import dev.stockade.diff.Differ;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.model.Cluster;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One exact rendering per output of the hardening issue's "Output" section, each fed a name
 * that validation should have stopped (defence in depth): terminal text, Markdown, DOT, CSV,
 * JUnit XML, JSON and the expectations YAML.
 */
@Tag("hostile")
class OutputEscapingTest {
    private static final Source AT = new Source("np.yaml", 1, 1);

    /** One workload with one pod (no address) in {@code namespace}. */
    private static Cluster cluster(String namespace, String name, String kind, NetworkPolicy... policies) {
        Pod pod = new Pod(namespace, name + "-0", Labels.of("app", "web"), List.of(), List.of(), false, AT);
        return Cluster.of(List.of(), List.of(new Workload(kind, namespace, name, List.of(pod), AT)), List.of(policies));
    }

    private static String analyze(Cluster c, OutputFormat format) {
        return ConnectivityRenderer.render(ConnectivityView.all(new Analyzer(AnalysisOptions.DEFAULT).analyze(c)), format);
    }

    // terminal text

    @Test
    void escape_controlBidiInvisibleLoneSurrogateNoncharacter_spelledOut_newlineAndTabKept() {
        String s = "ok\u001b[2J\u0007\r\u007f\u009b\u202e\u2066\u200b\ufeff\u2028\n\tx\ud800\ud83d\ude00\udb40\udc01\uffff";

        assertThat(TerminalText.escape(s)).isEqualTo("ok\\u001b[2J\\u0007\\u000d\\u007f\\u009b\\u202e\\u2066\\u200b"
                + "\\ufeff\\u2028\n\tx\\ud800\ud83d\ude00\\U000e0001\\uffff");
        assertThat(TerminalText.inline("a\nb\tc")).isEqualTo("a\\u000ab\\u0009c");
        assertThat(TerminalText.escape(TerminalText.escape(s))).isEqualTo(TerminalText.escape(s));
        assertThat(TerminalText.escape("prod/web => 10.0.0.0/8 : TCP 80 — ünïcödé 日本")).isEqualTo(
                "prod/web => 10.0.0.0/8 : TCP 80 — ünïcödé 日本");
    }

    @Test
    void writer_pairSplitAcrossWrites_keptWhole_loneHalfEscaped() throws Exception {
        StringWriter out = new StringWriter();
        Writer w = TerminalText.writer(out);
        w.write("a\ud83d");
        w.write("\ude00b\u001b");
        w.write("\udc00");
        w.close();

        assertThat(out.toString()).isEqualTo("a\ud83d\ude00b\\u001b\\udc00");
    }

    @Test
    void analyzeText_workloadNameWithEscapesAndAForgedLine_oneLineAPair() {
        String text = analyze(cluster("prod", "web\u001b]0;owned\u0007\r\u202e\nx/y => a/b : All connections",
                "Deployment"), OutputFormat.TEXT);

        String web = "prod/web\\u001b]0;owned\\u0007\\u000d\\u202e\\u000ax/y => a/b : All connections";
        assertThat(text).isEqualTo("# ipBlock matches pod IPs; host-network pods are node traffic\n"
                + web + " => 0.0.0.0/0 : All connections\n"
                + web + " => ::/0 : All connections\n"
                + "0.0.0.0/0 => " + web + " : All connections\n"
                + "::/0 => " + web + " : All connections\n");
    }

    @Test
    void auditText_namesPathAndMessageWithNewlines_oneLineAFinding() {
        var rule = Catalogue.rules().get(0);
        AuditReport report = new AuditReport(List.of(rule), List.of(new Finding(rule.id(), Severity.ERROR,
                new ObjectRef("NetworkPolicy", "prod\u001b", "np\nERROR forged"), "spec\r", new Source("a\u202e.yaml", 2, 3),
                "bad\n    error FAKE", "", null, false)));

        assertThat(AuditRenderer.render(report, AuditRenderer.Format.TEXT, Severity.ERROR)).isEqualTo(
                "namespace prod\\u001b\n"
                + "  NetworkPolicy prod\\u001b/np\\u000aERROR forged\n"
                + "    error " + rule.id() + " a\\u202e.yaml:2:3: NetworkPolicy prod\\u001b/np\\u000aERROR forged"
                + " spec\\u000d: bad\\u000a    error FAKE\n"
                + "\n"
                + "1 finding: 1 error, 0 warnings, 0 notes; 0 suppressed, 0 in baseline; 1 at or above error (1 rules)\n");
    }

    // Markdown

    @Test
    void analyzeMarkdown_nameWithHtmlCommentEmphasisLinkPipeMention_escapedInOneCell() {
        String md = analyze(cluster("prod", "<!--*a*_[x](y)|#`\n@org@@team", "Deployment"), OutputFormat.MD);

        assertThat(md.lines().toList().get(2)).isEqualTo(
                "| prod/&lt;!--\\*a\\*\\_\\[x\\](y)\\|\\#\\`\\\\u000a`@`org`@@`team | 0.0.0.0/0 | All connections |");
    }

    @Test
    void diffMarkdown_policyNamedWithHtmlComment_notACodeSpanButEscapedText() {
        Cluster before = cluster("prod", "web", "Deployment");
        NetworkPolicy deny = new NetworkPolicy("prod", "deny<!--", LabelSelector.all(), Set.of(PolicyType.Ingress),
                List.of(), List.of(), new Source("new.yaml", 3, 1));
        Cluster after = cluster("prod", "web", "Deployment", deny);

        String md = DiffRenderer.render(Differ.diff(before, after, AnalysisOptions.DEFAULT), OutputFormat.MD,
                "old|<b>", "new.yaml");

        assertThat(md).contains("Before: old\\|&lt;b&gt; · after: `new.yaml` · ipBlock matches pod IPs; host-network pods are node traffic.");
        assertThat(md).contains("| 0.0.0.0/0 | prod/web | All connections | **TCP 1 closed** — before: allowed (ingress to"
                + " prod/web: no policy selects it (unrestricted))<br>after: blocked (ingress to prod/web:"
                + " prod/deny&lt;!-- (new.yaml:3)) |\n");
        assertThat(md.replace("<br>", "")).doesNotContain("<");
    }

    // DOT

    @Test
    void dot_quoteBackslashNewlineInNames_escapedInTheLiteral() {
        String dot = analyze(cluster("pro\"d", "a\"b\\c\nd\u001b", "Deploy\\l"), OutputFormat.DOT);

        assertThat(dot).contains("    label=\"pro\\\"d\";\n");
        assertThat(dot).contains("    n0 [label=\"a\\\"b\\\\c\\\\u000ad\\\\u001b\\nDeploy\\\\l\"];\n");
    }

    // CSV

    @Test
    void csv_formulaNamespace_neutralisedWithAQuote() {
        String csv = analyze(cluster("=cmd|' /C calc'!A0", "web", "Deployment"), OutputFormat.CSV);

        assertThat(csv.lines().toList().get(1)).isEqualTo("'=cmd|' /C calc'!A0/web,0.0.0.0/0,All connections,"
                + "\"ipBlock matches pod IPs; host-network pods are node traffic\"");
    }

    @Test
    void csvField_rfc4180QuotingAndEveryFormulaStart() {
        assertThat(Csv.field("-x/a,b\r\nc\"d")).isEqualTo("\"'-x/a,b\r\nc\"\"d\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.field("TCP 80,443; UDP 53")).isEqualTo("\"TCP 80,443; UDP 53\"");
        assertThat(Csv.field("prod/web")).isEqualTo("prod/web");
    }

    // XML and JSON

    private static AuditReport report(String message, String file) {
        var rule = Catalogue.rules().get(0);
        return new AuditReport(List.of(rule), List.of(new Finding(rule.id(), Severity.ERROR,
                new ObjectRef("NetworkPolicy", "prod", "np"), "", new Source(file, 2, 3), message, "", null, false)));
    }

    @Test
    void junit_charactersXmlCannotHold_spelledOut_documentParses() throws Exception {
        String xml = AuditRenderer.render(report("bad\u0001\uffff\ud800]]><x>\"", "np.yaml"), AuditRenderer.Format.JUNIT,
                Severity.ERROR);

        assertThat(xml).contains("<failure message=\"bad\\u0001\\uffff\\ud800]]&gt;&lt;x&gt;&quot;\"");
        OutputFuzzTest.xml(xml);
    }

    @Test
    void json_loneSurrogateReplaced_c1BidiDelEscaped_spacesInStringsKept() throws Exception {
        String json = AuditRenderer.render(report("m\u0085\u202e\ud800\u0001\u007f \" : x", "np.yaml"),
                AuditRenderer.Format.JSON, Severity.ERROR);

        assertThat(json).contains("\"message\": \"m\\u0085\\u202e\ufffd\\u0001\\u007f \\\" : x\",\n");
        assertThat(OutputFuzzTest.json(json, "audit.schema.json").get("findings").get(0).get("message").asText())
                .isEqualTo("m\u0085\u202e\ufffd\u0001\u007f \" : x");
    }

    @Test
    void sarifUri_nulLoneSurrogateOrColon_stillAnRfc3986Reference() throws Exception {
        assertThat(AuditSarif.uri("/tmp/a\u0000b\ud800")).isEqualTo("file:///tmp/a%00b%EF%BF%BD");
        assertThat(AuditSarif.uri("dir/a b\u001b.yaml")).isEqualTo("dir/a%20b%1B.yaml");
        assertThat(AuditSarif.uri("c:d/x%.yaml")).isEqualTo("./c:d/x%25.yaml");
        OutputFuzzTest.json(AuditRenderer.render(report("m", "/tmp/a\u0000b\ud800"), AuditRenderer.Format.SARIF,
                Severity.ERROR), null);
    }

    // YAML

    @Test
    void expectationsYaml_unprintablesEscaped_commentsStayOneLine() {
        ConnectivityExpectation e = new ConnectivityExpectation(EndpointSelector.WorkloadRef.of("prod", "web\u0085"),
                EndpointSelector.WorkloadRef.of("prod", "db"), Optional.of(PolicyPort.PortRange.of(Protocol.TCP, 80)),
                ConnectivityExpectation.Expect.Allow, "d\u202e\ud800\u007f\u0001", AT);

        String yaml = ExpectationsYaml.render("x\uffff", List.of(e), List.of("from a\nkind: Evil"));

        assertThat(yaml).isEqualTo("""
                # from a\\u000akind: Evil
                apiVersion: stockade.dev/v1alpha1
                kind: ConnectivityExpectations
                metadata:
                  name: "x\\uffff"
                spec:
                  expectations:
                  # prod/web\\u0085
                  - from: "prod/web\\u0085"
                    to: prod/db
                    port: 80
                    expect: Allow
                    description: "d\\u202e\ufffd\\u007f\\x01"
                """);
    }
}
