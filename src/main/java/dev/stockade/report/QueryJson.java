package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.Verdict;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyType;
import dev.stockade.query.Equivalence;
import dev.stockade.query.Exposure;
import dev.stockade.query.Redundancy;
import dev.stockade.query.SelectsNothing;
import dev.stockade.query.Unprotected;
import java.io.IOException;
import java.util.List;

/**
 * The {@code query … -o json} documents, schemaVersion 1 (schema: {@code schemas/query.schema.json}):
 * {@code {"schemaVersion":1, "query":NAME, "options":{…}, "namespace":NS|null, "finding":BOOL, …}}
 * and the fields of each query.
 */
public final class QueryJson {
    public static final int SCHEMA_VERSION = 1;

    private QueryJson() {}

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String document(String query, AnalysisOptions options, String namespace, boolean finding,
                                   Fields fields) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("query", query);
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", options.ipBlockMatchesPods());
            g.writeStringField("hostNetwork", options.hostNetwork().flag());
            g.writeEndObject();
            g.writeStringField("namespace", namespace);
            g.writeBooleanField("finding", finding);
            fields.write(g);
            g.writeEndObject();
        });
    }

    public static String unprotected(Unprotected.Result r, AnalysisOptions options, String namespace) {
        return document("unprotected", options, namespace, r.finding(), g -> {
            g.writeArrayFieldStart("workloads");
            for (Unprotected.Finding f : r.workloads()) {
                g.writeStartObject();
                workloadFields(g, f.workload());
                g.writeArrayFieldStart("unprotected");
                for (PolicyType d : PolicyType.values()) {
                    if (f.directions().contains(d)) {
                        g.writeString(d.name());
                    }
                }
                g.writeEndArray();
                strings(g, "pods", f.pods());
                g.writeBooleanField("namespaceHasPolicies", f.namespaceHasPolicies());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("hostNetwork");
            for (Endpoint.WorkloadEndpoint w : r.hostNetwork()) {
                g.writeStartObject();
                workloadFields(g, w);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("checked", r.checked());
        });
    }

    public static String selectsNothing(SelectsNothing.Result r, AnalysisOptions options, String namespace) {
        return document("selects-nothing", options, namespace, r.finding(), g -> {
            g.writeArrayFieldStart("findings");
            for (SelectsNothing.Finding f : r.findings()) {
                g.writeStartObject();
                policyFields(g, f.policy());
                g.writeStringField("source", f.source().fileLine());
                g.writeStringField("path", f.path());
                g.writeStringField("selector", f.selector());
                g.writeStringField("problem", f.problem());
                strings(g, "hints", f.hints());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("policiesChecked", r.policies());
            g.writeNumberField("peersChecked", r.peers());
        });
    }

    public static String redundant(Redundancy.Result r, String namespace) {
        return document("redundant", r.options(), namespace, r.finding(), g -> {
            g.writeArrayFieldStart("policies");
            for (Redundancy.Item i : r.policies()) {
                g.writeStartObject();
                policyFields(g, i.policy());
                g.writeStringField("source", i.source().fileLine());
                g.writeStringField("reason", i.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (Redundancy.Item i : r.rules()) {
                g.writeStartObject();
                policyFields(g, i.policy());
                g.writeStringField("source", i.source().fileLine());
                g.writeStringField("path", i.path());
                g.writeStringField("direction", i.direction().name());
                g.writeNumberField("index", i.rule());
                g.writeStringField("reason", i.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("policiesChecked", r.policiesChecked());
            g.writeNumberField("rulesChecked", r.rulesChecked());
        });
    }

    /** {@code shared}, {@code a} and {@code b} are the paths the two sides were read from. */
    public static String equivalent(Equivalence.Result r, String namespace, List<String> shared, List<String> a,
                                    List<String> b) {
        return document("equivalent", r.options(), namespace, !r.equivalent(), g -> {
            g.writeObjectFieldStart("inputs");
            strings(g, "shared", shared);
            strings(g, "a", a);
            strings(g, "b", b);
            g.writeEndObject();
            g.writeBooleanField("equivalent", r.equivalent());
            g.writeObjectFieldStart("workloads");
            g.writeNumberField("common", r.workloads());
            strings(g, "onlyA", r.onlyLeft().stream().map(Endpoint::id).toList());
            strings(g, "onlyB", r.onlyRight().stream().map(Endpoint::id).toList());
            g.writeEndObject();
            g.writeArrayFieldStart("differences");
            for (Equivalence.Difference d : r.differences()) {
                g.writeStartObject();
                g.writeStringField("src", d.src().id());
                g.writeStringField("dst", d.dst().id());
                g.writeFieldName("a");
                Json.ports(g, d.left());
                g.writeFieldName("b");
                Json.ports(g, d.right());
                g.writeEndObject();
            }
            g.writeEndArray();
            Equivalence.Witness w = r.witness();
            if (w == null) {
                g.writeNullField("witness");
                return;
            }
            g.writeObjectFieldStart("witness");
            g.writeStringField("src", w.src().id());
            g.writeStringField("dst", w.dst().id());
            g.writeStringField("protocol", w.protocol().name());
            g.writeNumberField("port", w.port());
            g.writeStringField("allowedBy", w.allowedByLeft() ? "a" : "b");
            verdicts(g, "a", w.left());
            verdicts(g, "b", w.right());
            g.writeEndObject();
        });
    }

    /** The verdicts of one side, as {@code explain -o json} lists them. */
    private static void verdicts(JsonGenerator g, String name, List<Verdict> verdicts) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeBooleanField("allowed", verdicts.stream().anyMatch(Verdict::allowed));
        g.writeArrayFieldStart("verdicts");
        for (Verdict v : verdicts) {
            ExplainRenderer.verdictJson(g, v);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static String exposure(Exposure.Result r, String namespace) {
        return document("exposure", r.options(), namespace, r.finding(), g -> {
            g.writeArrayFieldStart("workloads");
            for (Exposure.Finding f : r.workloads()) {
                g.writeStartObject();
                workloadFields(g, f.workload());
                g.writeObjectFieldStart("external");
                g.writeFieldName("fromEverywhere");
                Json.ports(g, f.fromEverywhere());
                g.writeArrayFieldStart("ranges");
                for (Exposure.ExternalAccess a : f.external()) {
                    g.writeStartObject();
                    g.writeStringField("range", a.range().id());
                    g.writeStringField("start", a.range().range().start().toString());
                    g.writeStringField("end", a.range().range().end().toString());
                    g.writeFieldName("allowed");
                    Json.ports(g, a.allowed());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("allNamespaces");
                g.writeFieldName("allowed");
                Json.ports(g, f.fromAllNamespaces());
                g.writeArrayFieldStart("openings");
                for (Exposure.Opening o : f.openings()) {
                    g.writeStartObject();
                    g.writeStringField("policy", o.policy() == null ? null : o.policy().toString());
                    g.writeStringField("source", o.source() == null ? null : o.source().fileLine());
                    g.writeStringField("path", o.path());
                    g.writeStringField("reason", o.what());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeArrayFieldStart("routes");
                for (Exposure.RouteAccess a : f.routes()) {
                    g.writeStartObject();
                    g.writeStringField("route", a.route().toString());
                    g.writeStringField("path", a.path());
                    g.writeStringField("source", a.source().fileLine());
                    g.writeStringField("service", a.service().toString());
                    g.writeStringField("protocol", a.protocol().name());
                    g.writeNumberField("port", a.port());
                    g.writeBooleanField("open", a.open());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("services");
                for (Exposure.ServiceAccess a : f.services()) {
                    g.writeStartObject();
                    g.writeStringField("service", a.service().toString());
                    g.writeStringField("type", a.service().type());
                    g.writeStringField("source", a.service().source().fileLine());
                    g.writeFieldName("ports");
                    Json.ports(g, a.ports());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("checked", r.checked());
        });
    }

    private static void workloadFields(JsonGenerator g, Endpoint.WorkloadEndpoint w) throws IOException {
        g.writeStringField("id", w.id());
        g.writeStringField("kind", w.kind());
        g.writeStringField("namespace", w.workload().namespace());
        g.writeStringField("name", w.workload().name());
    }

    private static void policyFields(JsonGenerator g, NetworkPolicy p) throws IOException {
        g.writeStringField("policy", p.toString());
        g.writeStringField("namespace", p.namespace());
        g.writeStringField("name", p.name());
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
