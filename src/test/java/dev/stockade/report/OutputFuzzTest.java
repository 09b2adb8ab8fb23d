package dev.stockade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Differ;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.LongRunsOnly;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.Cluster;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectations;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import dev.stockade.query.Unprotected;
import dev.stockade.verify.Verifier;
import dev.stockade.verify.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every output format, fed names no validation would let through: a model cluster built directly
 * (bypassing the loader) whose namespaces, workloads, kinds, labels, port names, policy, file and
 * messages are {@link HostileNames}, rendered through analyze (text, json, csv, md, dot), diff (md,
 * text, json), audit (text, json, sarif, junit), explain, verify (text, json, junit), the
 * expectations YAML and query unprotected, and each output read back by a strict reader: JSON by
 * Jackson from strict UTF-8 and against its schema (SARIF: the 2.1.0 schema), XML by the JDK's
 * parser (JUnit: its XSD), YAML by SnakeYAML, CSV by {@link StrictCsv}, Markdown by
 * {@link MarkdownTables}, DOT by {@link DotLiterals}, and text checked for raw control characters
 * and one line a pair or finding. 60 clusters a run (a few seconds); 2,000 with
 * {@code -Dstockade.long=true}. (The nft compiler's output is checked with {@code nft -c} apart.)
 */
@Tag("hostile")
class OutputFuzzTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final String SARIF = "src/test/resources/sarif/sarif-2.1.0-rtm.5.json";
    private static javax.xml.validation.Schema JUNIT;

    /** The hostile strings one cluster is made of. */
    record Names(String nsA, String nsB, String w1, String w2, String w3, String kind, String key, String value,
                 String port, String policy, String file, String message) {
        static Names of(List<String> l) {
            return new Names(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7), l.get(8),
                    l.get(9), l.get(10), l.get(11));
        }
    }

    @Provide
    Arbitrary<Names> names() {
        return HostileNames.names().list().uniqueElements().ofSize(12).map(Names::of)
                .filter(n -> Set.of(n.nsA + "/" + n.w1, n.nsA + "/" + n.w2, n.nsB + "/" + n.w3).size() == 3);
    }

    @Property(tries = 60)
    void everyFormat_hostileNames_readBackStrictly(@ForAll("names") Names n) throws Exception {
        check(n);
    }

    @Property(tries = 2000)
    @AddLifecycleHook(LongRunsOnly.class)
    void everyFormat_hostileNames_readBackStrictly_long(@ForAll("names") Names n) throws Exception {
        check(n);
    }

    private static void check(Names n) throws Exception {
        Cluster before = cluster(n, false);
        Cluster after = cluster(n, true);
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(after);
        ConnectivityView view = ConnectivityView.all(c);
        List<String> ids = List.of(n.nsA + "/" + n.w1, n.nsA + "/" + n.w2, n.nsB + "/" + n.w3);

        // analyze
        String analysisText = ConnectivityRenderer.render(view, OutputFormat.TEXT);
        text(analysisText);
        assertThat(analysisText.lines()).as("one line a pair").hasSize(1 + view.connections().size());
        JsonNode analysis = json(ConnectivityRenderer.render(view, OutputFormat.JSON), "analyze.schema.json");
        Set<String> jsonIds = new HashSet<>();
        analysis.get("endpoints").forEach(e -> jsonIds.add(e.get("id").asText()));
        assertThat(jsonIds).containsAll(ids.stream().map(Visible::withoutLoneSurrogates).toList());
        csv(ConnectivityRenderer.render(view, OutputFormat.CSV), view);
        markdownConnectivity(ConnectivityRenderer.render(view, OutputFormat.MD), view);
        dot(ConnectivityRenderer.render(view, OutputFormat.DOT), n);

        // diff: the policy is added
        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);
        assertThat(d.isEmpty()).isFalse();
        markdownDiff(DiffRenderer.render(d, OutputFormat.MD, n.file, n.message), d, n);
        text(DiffRenderer.render(d, OutputFormat.TEXT, n.file, n.message));
        json(DiffRenderer.render(d, OutputFormat.JSON, n.file, n.message), "diff.schema.json");

        // explain
        Workload w1 = after.workloads().get(0);
        Workload w2 = after.workloads().get(1);
        List<Verdict> verdicts = List.of(new Explainer(after, AnalysisOptions.DEFAULT).explain(
                new Target.PodTarget(w2, w2.pods().get(0)), new Target.PodTarget(w1, w1.pods().get(0)), Protocol.TCP, 80));
        text(ExplainRenderer.text(verdicts, AnalysisOptions.DEFAULT));
        json(ExplainRenderer.json(verdicts, AnalysisOptions.DEFAULT), "explain.schema.json");

        // audit
        AuditReport report = audit(n);
        String auditText = AuditRenderer.render(report, AuditRenderer.Format.TEXT, Severity.WARNING);
        text(auditText);
        // two namespaces, three subjects, three findings, a blank line and the summary
        assertThat(auditText.lines()).as("one line a finding").hasSize(10);
        JsonNode auditJson = json(AuditRenderer.render(report, AuditRenderer.Format.JSON, Severity.WARNING),
                "audit.schema.json");
        assertThat(auditJson.get("findings").get(0).get("message").asText())
                .isEqualTo(Visible.withoutLoneSurrogates(n.message));
        json(AuditRenderer.render(report, AuditRenderer.Format.SARIF, Severity.WARNING), SARIF);
        junit(AuditRenderer.render(report, AuditRenderer.Format.JUNIT, Severity.WARNING));

        // verify and the expectations file
        List<ConnectivityExpectation> expectations = List.of(
                new ConnectivityExpectation(EndpointSelector.WorkloadRef.of(n.nsA, n.w2),
                        EndpointSelector.WorkloadRef.of(n.nsA, n.w1), Optional.of(PolicyPort.PortRange.of(Protocol.TCP, 80)),
                        ConnectivityExpectation.Expect.Deny, n.message, new Source(n.file, 4, 5)),
                new ConnectivityExpectation(EndpointSelector.WorkloadRef.of(n.nsB, n.w3),
                        EndpointSelector.WorkloadRef.of(n.nsA, n.w1), Optional.of(new PolicyPort.NamedPort(Protocol.TCP, n.port)),
                        ConnectivityExpectation.Expect.Allow, "", new Source(n.file, 9, 5)));
        VerifyReport verified = new Verifier(after, c).verify(n.file,
                List.of(new ConnectivityExpectations(n.policy, expectations, new Source(n.file, 1, 1))));
        text(VerifyRenderer.render(verified, VerifyRenderer.Format.TEXT, true));
        json(VerifyRenderer.render(verified, VerifyRenderer.Format.JSON, true), "verify.schema.json");
        junit(VerifyRenderer.render(verified, VerifyRenderer.Format.JUNIT, true));
        yaml(ExpectationsYaml.render(n.policy, expectations, List.of(n.message, n.file)), n);

        // query
        text(QueryRenderer.unprotected(Unprotected.run(after, x -> true)));
    }

    /** Three workloads in two namespaces; {@code withPolicy} adds one NetworkPolicy that isolates w1. */
    static Cluster cluster(Names n, boolean withPolicy) {
        Source at = new Source(n.file, 3, 1);
        Labels mine = Labels.of(n.key, n.value);
        Labels other = Labels.of(n.key, n.value + "2");
        Pod p1 = new Pod(n.nsA, n.w1 + "-0", mine, List.of(new ContainerPort(n.port, 80, Protocol.TCP)),
                List.of(IpAddress.parse("10.0.0.1").orElseThrow()), false, at);
        Pod p2 = new Pod(n.nsA, n.w2 + "-0", other, List.of(), List.of(IpAddress.parse("10.0.0.2").orElseThrow()), false, at);
        Pod p3 = new Pod(n.nsB, n.w3 + "-0", other, List.of(), List.of(), false, at);
        List<Workload> workloads = List.of(new Workload("Deployment", n.nsA, n.w1, List.of(p1), at),
                new Workload(n.kind, n.nsA, n.w2, List.of(p2), at), new Workload("Pod", n.nsB, n.w3, List.of(p3), at));
        List<Namespace> namespaces = List.of(Namespace.of(n.nsA, mine, at), Namespace.of(n.nsB, Labels.EMPTY, at));
        List<NetworkPolicy> policies = !withPolicy ? List.of() : List.of(new NetworkPolicy(n.nsA, n.policy,
                LabelSelector.matchLabels(n.key, n.value), Set.of(PolicyType.Ingress),
                List.of(new PolicyRule(List.of(new Peer.PodSelectorPeer(LabelSelector.matchLabels(n.key, n.value + "2"),
                        new Source(n.file, 8, 9))), List.of(new PolicyPort.NamedPort(Protocol.TCP, n.port)),
                        new Source(n.file, 7, 5))),
                List.of(), new Source(n.file, 5, 1)));
        return Cluster.of(namespaces, workloads, policies);
    }

    /** Findings built directly, every string of them hostile; one suppressed, one in the baseline. */
    static AuditReport audit(Names n) {
        List<Rule> rules = Catalogue.rules().subList(0, 3);
        ObjectRef object = new ObjectRef(n.kind, n.nsA, n.policy);
        List<Finding> findings = List.of(
                new Finding(rules.get(0).id(), Severity.ERROR, object, n.key, new Source(n.file, 2, 3), n.message,
                        n.nsA + "/" + n.w1, null, false),
                new Finding(rules.get(1).id(), Severity.WARNING, new ObjectRef("Namespace", "", n.nsB), n.value,
                        new Source(n.file, 0, 0), n.port, "", n.message, false),
                new Finding(rules.get(2).id(), Severity.NOTE, object, "", new Source(n.file, 9, 1), n.policy, "", null, true));
        return new AuditReport(rules, findings);
    }

    private static byte[] strictUtf8(String s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new AssertionError("not encodable as UTF-8 (a lone surrogate?): " + e, e);
        }
    }

    private static void noRawControl(String what, String s) {
        int at = Visible.firstRawControl(s);
        assertThat(at).as("%s holds a raw U+%04X at %d:%n%s", what, at < 0 ? 0 : (int) s.charAt(at), at, s).isEqualTo(-1);
    }

    static void text(String s) {
        strictUtf8(s);
        noRawControl("text output", s);
    }

    static JsonNode json(String s, String schemaFile) throws IOException {
        noRawControl("JSON", s);
        JsonNode root = MAPPER.readTree(strictUtf8(s));
        if (schemaFile != null) {
            JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile, f -> {
                try {
                    // Stockade's schemas are draft 2020-12; the official SARIF schema is draft 4
                    return f.equals(SARIF) ? JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                            .getSchema(Files.readString(Path.of(f)))
                            : JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                            .getSchema(Files.readString(Path.of("schemas", f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(schema.validate(root)).as(schemaFile).isEmpty();
        }
        return root;
    }

    static void xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(strictUtf8(s)));
        noRawControl("XML", s);
    }

    /** Parses, and is valid JUnit XML ({@code src/test/resources/junit/junit.xsd}). */
    static void junit(String s) throws Exception {
        xml(s);
        if (JUNIT == null) {
            JUNIT = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile());
        }
        JUNIT.newValidator().validate(new StreamSource(new ByteArrayInputStream(strictUtf8(s))));
    }

    /** Every record has the four fields; src and dst are the endpoint ids with formula cells neutralised. */
    static void csv(String s, ConnectivityView view) {
        List<List<String>> records = StrictCsv.parse(s);
        assertThat(records.get(0)).containsExactly("src", "dst", "allowed", "mode");
        List<String> expected = new ArrayList<>();
        for (var x : view.connections()) {
            expected.add(neutralised(x.src().id()) + " -> " + neutralised(x.dst().id()) + " : " + x.allowed());
        }
        List<String> read = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            assertThat(r).hasSize(4);
            read.add(r.get(0) + " -> " + r.get(1) + " : " + r.get(2));
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    /** What a spreadsheet must be given for {@code s}: a leading ' when it would start a formula. */
    static String neutralised(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static void markdownConnectivity(String md, ConnectivityView view) {
        strictUtf8(md);
        noRawControl("Markdown", md);
        List<List<String>> rows = MarkdownTables.rows(md);
        assertThat(rows).hasSize(view.connections().size());
        for (int i = 0; i < rows.size(); i++) {
            var x = view.connections().get(i);
            assertThat(MarkdownTables.decode(rows.get(i).get(0))).isEqualTo(shown(x.src().id()));
            assertThat(MarkdownTables.decode(rows.get(i).get(1))).isEqualTo(shown(x.dst().id()));
            assertThat(MarkdownTables.decode(rows.get(i).get(2))).isEqualTo(x.allowed().toString());
        }
    }

    static void markdownDiff(String md, ConnectivityDiff d, Names n) {
        strictUtf8(md);
        noRawControl("Markdown", md);
        assertThat(md.replace("<br>", "")).doesNotContain("<");
        String versions = md.lines().filter(l -> l.startsWith("Before: ")).findFirst().orElseThrow();
        MarkdownTables.decodeWithOwnMarkup(versions.replace(" · after: ", " "));
        List<List<String>> rows = MarkdownTables.rows(md);
        assertThat(rows).hasSize(d.changes().size());
        for (List<String> row : rows) {
            MarkdownTables.decode(row.get(0));
            MarkdownTables.decode(row.get(1));
            MarkdownTables.decodeWithOwnMarkup(row.get(row.size() - 1));
        }
        List<String> sources = rows.stream().map(r -> MarkdownTables.decode(r.get(0))).toList();
        assertThat(sources).containsExactlyInAnyOrderElementsOf(d.changes().stream()
                .map(x -> shown(x.src().id())).toList());
    }

    /** A name as a Markdown cell shows it: unsafe characters spelled out, the spaces around it trimmed. */
    static String shown(String name) {
        return MarkdownTables.spacesTrimmed(Visible.of(name, false));
    }

    /** Every literal well formed; the workload labels are the names as shown, then the kind. */
    static void dot(String dot, Names n) {
        strictUtf8(dot);
        List<String> literals = DotLiterals.parse(dot);
        assertThat(literals).contains(Visible.of(n.w1, false) + "\nDeployment",
                Visible.of(n.w2, false) + "\n" + Visible.of(n.kind, false), Visible.of(n.w3, false) + "\nPod",
                Visible.of(n.nsA, false), Visible.of(n.nsB, false));
    }

    /** Parses, and gives back the name and the workloads (lone surrogates as U+FFFD). */
    @SuppressWarnings("unchecked")
    static void yaml(String s, Names n) {
        strictUtf8(s);
        noRawControl("YAML", s);
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(s);
        assertThat(((Map<String, Object>) doc.get("metadata")).get("name")).isEqualTo(Visible.withoutLoneSurrogates(n.policy));
        List<Map<String, Object>> list = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("spec")).get("expectations");
        assertThat(list.get(0).get("from")).isEqualTo(Visible.withoutLoneSurrogates(n.nsA + "/" + n.w2));
        assertThat(list.get(0).get("description")).isEqualTo(Visible.withoutLoneSurrogates(n.message));
        assertThat(list.get(1).get("port")).isEqualTo(Visible.withoutLoneSurrogates(n.port));
    }
}
