package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Decision;
import dev.stockade.diff.PairChange;
import dev.stockade.diff.Reason;
import dev.stockade.diff.Witness;
import dev.stockade.engine.Endpoint;
import java.io.IOException;
import java.util.List;

/**
 * The {@code diff -o json} document, schemaVersion 1 (schema: {@code schemas/diff.schema.json}):
 * {@code {"schemaVersion":1, "endpoints":[…as analyze…], "added":[{"src","dst","allowed"}],
 * "removed":[{"src","dst","allowed"}], "changed":[{"src","dst","before","after"}],
 * "workloads":{"added":[ID…],"removed":[ID…]}}}, plus {@code options}, {@code versions},
 * {@code summary} and per change its {@code witnesses}.
 */
final class DiffJson {
    private DiffJson() {}

    static String render(ConnectivityDiff d, String before, String after) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", AnalysisJson.SCHEMA_VERSION);
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", d.options().ipBlockMatchesPods());
            g.writeStringField("hostNetwork", d.options().hostNetwork().flag());
            g.writeEndObject();
            g.writeObjectFieldStart("versions");
            g.writeStringField("before", before);
            g.writeStringField("after", after);
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("added", d.added().size());
            g.writeNumberField("removed", d.removed().size());
            g.writeNumberField("changed", d.changed().size());
            g.writeNumberField("workloadsAdded", d.workloadsAdded().size());
            g.writeNumberField("workloadsRemoved", d.workloadsRemoved().size());
            g.writeEndObject();
            g.writeArrayFieldStart("endpoints");
            for (Endpoint e : d.endpoints()) {
                AnalysisJson.endpoint(g, e);
            }
            g.writeEndArray();
            changes(g, "added", d.added());
            changes(g, "removed", d.removed());
            changes(g, "changed", d.changed());
            g.writeObjectFieldStart("workloads");
            ids(g, "added", d.workloadsAdded());
            ids(g, "removed", d.workloadsRemoved());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void changes(JsonGenerator g, String field, List<PairChange> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (PairChange c : list) {
            g.writeStartObject();
            g.writeStringField("src", c.src().id());
            g.writeStringField("dst", c.dst().id());
            switch (c.kind()) {
                case ADDED -> {
                    g.writeFieldName("allowed");
                    Json.ports(g, c.after());
                }
                case REMOVED -> {
                    g.writeFieldName("allowed");
                    Json.ports(g, c.before());
                }
                case CHANGED -> {
                    g.writeFieldName("before");
                    Json.ports(g, c.before());
                    g.writeFieldName("after");
                    Json.ports(g, c.after());
                }
            }
            g.writeArrayFieldStart("witnesses");
            for (Witness w : c.witnesses()) {
                g.writeStartObject();
                g.writeStringField("protocol", w.protocol().name());
                g.writeNumberField("port", w.port());
                g.writeBooleanField("opened", w.opened());
                decision(g, "before", w.before());
                decision(g, "after", w.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void decision(JsonGenerator g, String field, Decision d) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeBooleanField("allowed", d.allowed());
        g.writeArrayFieldStart("reasons");
        for (Reason r : d.reasons()) {
            g.writeStartObject();
            switch (r) {
                case Reason.Admits a -> {
                    g.writeStringField("kind", "admits");
                    g.writeStringField("direction", a.direction().name());
                    policy(g, r, a.policy());
                    g.writeNumberField("rule", a.ruleIndex());
                    g.writeStringField("ruleSource", a.rule().source().fileLine());
                }
                case Reason.AdminRuleDecides a -> {
                    g.writeStringField("kind", "adminRule");
                    g.writeStringField("direction", a.direction().name());
                    g.writeStringField("subject", r.subject());
                    g.writeStringField("policy", a.policy().name());
                    g.writeStringField("policyKind", a.policy().kind().name());
                    g.writeStringField("source", a.policy().source().fileLine());
                    g.writeNumberField("rule", a.ruleIndex());
                    g.writeStringField("ruleSource", a.rule().source().fileLine());
                    g.writeStringField("action", a.policy().actionName(a.rule().action()));
                }
                case Reason.AdmitsNothing a -> {
                    g.writeStringField("kind", "admitsNothing");
                    g.writeStringField("direction", a.direction().name());
                    policy(g, r, a.policy());
                }
                case Reason.Unrestricted u -> {
                    g.writeStringField("kind", "unrestricted");
                    g.writeStringField("direction", u.direction().name());
                    g.writeStringField("subject", r.subject());
                }
                case Reason.HostNetwork h -> {
                    g.writeStringField("kind", "hostNetwork");
                    g.writeStringField("direction", h.direction().name());
                    g.writeStringField("subject", r.subject());
                }
                case Reason.Absent a -> {
                    g.writeStringField("kind", "absent");
                    g.writeStringField("subject", r.subject());
                }
                case Reason.Routed a -> {
                    g.writeStringField("kind", "routed");
                    g.writeStringField("subject", r.subject());
                    g.writeStringField("route", a.route());
                    g.writeStringField("path", a.path());
                    g.writeStringField("source", a.source());
                }
                case Reason.NoRoute a -> {
                    g.writeStringField("kind", "noRoute");
                    g.writeStringField("subject", r.subject());
                }
            }
            g.writeStringField("text", r.toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void policy(JsonGenerator g, Reason r, dev.stockade.model.NetworkPolicy p) throws IOException {
        g.writeStringField("subject", r.subject());
        g.writeStringField("policy", p.toString());
        g.writeStringField("source", p.source().fileLine());
    }

    private static void ids(JsonGenerator g, String field, List<Endpoint> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (Endpoint e : list) {
            g.writeString(e.id());
        }
        g.writeEndArray();
    }
}
