package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Verdict;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import java.io.IOException;
import java.util.List;

/** Renders verdicts: a readable trace, or the {@code explain -o json} document. */
public final class ExplainRenderer {
    private ExplainRenderer() {}

    /** ALLOWED or BLOCKED first, then each side's policies, rules and the peer or port that decided. */
    public static String text(List<Verdict> verdicts, AnalysisOptions options) {
        StringBuilder sb = new StringBuilder();
        boolean allowed = verdicts.stream().anyMatch(Verdict::allowed);
        Verdict first = verdicts.get(0);
        sb.append(allowed ? "ALLOWED" : "BLOCKED").append(": ").append(endName(first.source())).append(" => ")
                .append(endName(first.destination())).append(" on ").append(first.protocol()).append(' ')
                .append(first.port()).append("  (").append(options.describe()).append(")\n");
        if (verdicts.size() > 1) {
            sb.append(verdicts.stream().filter(Verdict::allowed).count()).append(" of ").append(verdicts.size())
                    .append(" pod pairs allowed; a workload is reachable when any of its pods is\n");
        }
        for (Verdict v : verdicts) {
            if (verdicts.size() > 1) {
                sb.append("\npod pair ").append(v.source()).append(" => ").append(v.destination()).append(": ")
                        .append(v.allowed() ? "ALLOWED" : "BLOCKED").append('\n');
            }
            side(sb, v.egress(), "egress from", v.port());
            side(sb, v.ingress(), "ingress to", v.port());
        }
        return sb.toString();
    }

    private static void side(StringBuilder sb, Verdict.Side s, String what, int port) {
        sb.append(what).append(' ').append(s.subject()).append(": ").append(s.allowed() ? "allowed" : "blocked");
        switch (s.status()) {
            case EXTERNAL -> sb.append(" (an address outside the pods: no NetworkPolicy applies)\n");
            case HOST_NETWORK -> sb.append(" (host-network pod: NetworkPolicies do not apply)\n");
            case UNSELECTED -> sb.append(" (no policy selects ").append(s.subject()).append(" for ")
                    .append(s.direction()).append(": unrestricted)\n");
            case ISOLATED -> {
                sb.append(s.allowed() ? "\n" : " (no rule of the policies selecting it admits the flow)\n");
                for (Verdict.PolicyTrace p : s.policies()) {
                    sb.append("  NetworkPolicy ").append(p.policy()).append(" (").append(p.policy().source().fileLine())
                            .append(") selects it");
                    if (p.rules().isEmpty()) {
                        sb.append(": no ").append(s.direction().name().toLowerCase(java.util.Locale.ROOT))
                                .append(" rules, admits nothing\n");
                        continue;
                    }
                    sb.append('\n');
                    for (Verdict.RuleTrace r : p.rules()) {
                        sb.append("    rule ").append(r.index()).append(" (").append(r.rule().source().fileLine())
                                .append("): ").append(peerText(r, s)).append("; ").append(portText(r, port))
                                .append(r.admits() ? " -> admits" : " -> no").append('\n');
                    }
                }
            }
        }
    }

    /** The workload (not one of its pods) or the address: what the user asked about. */
    private static String endName(dev.stockade.engine.Target t) {
        return t instanceof dev.stockade.engine.Target.PodTarget p ? p.workload().toString() : t.toString();
    }

    private static String peerText(Verdict.RuleTrace r, Verdict.Side s) {
        String dir = s.direction().name().equals("Ingress") ? "from" : "to";
        if (r.peer() == Verdict.RuleTrace.ALL_PEERS) {
            return "no '" + dir + "' list: every peer";
        }
        if (r.peer() == Verdict.RuleTrace.NO_PEER) {
            return "no peer matches (" + r.rule().peers().size() + " in '" + dir + "')";
        }
        return "peer " + r.peer() + " " + r.rule().peers().get(r.peer()) + " matches";
    }

    /** The port part of a rule's line; a named port that matched shows the number it resolved to. */
    private static String portText(Verdict.RuleTrace r, int port) {
        PolicyRule rule = r.rule();
        if (r.port() == Verdict.RuleTrace.ALL_PORTS) {
            return "no ports list: every port";
        }
        if (r.port() == Verdict.RuleTrace.NO_PORT) {
            return "port not listed (" + String.join(", ", rule.ports().stream().map(Object::toString).toList()) + ")";
        }
        PolicyPort matched = rule.ports().get(r.port());
        return "port " + matched + (matched instanceof PolicyPort.NamedPort ? " (= " + port + ")" : "") + " matches";
    }

    public static String json(List<Verdict> verdicts, AnalysisOptions options) {
        return Json.write(g -> {
            Verdict first = verdicts.get(0);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeBooleanField("allowed", verdicts.stream().anyMatch(Verdict::allowed));
            g.writeStringField("from", endName(first.source()));
            g.writeStringField("to", endName(first.destination()));
            g.writeStringField("protocol", first.protocol().name());
            g.writeNumberField("port", first.port());
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", options.ipBlockMatchesPods());
            g.writeEndObject();
            g.writeArrayFieldStart("verdicts");
            for (Verdict v : verdicts) {
                verdictJson(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One pod pair's verdict, as {@code explain -o json} lists it (also used by query's witnesses). */
    static void verdictJson(JsonGenerator g, Verdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", v.source().toString());
        g.writeStringField("destination", v.destination().toString());
        g.writeBooleanField("allowed", v.allowed());
        g.writeFieldName("egress");
        sideJson(g, v.egress());
        g.writeFieldName("ingress");
        sideJson(g, v.ingress());
        g.writeEndObject();
    }

    static void sideJson(JsonGenerator g, Verdict.Side s) throws IOException {
        g.writeStartObject();
        g.writeStringField("subject", s.subject().toString());
        g.writeStringField("status", s.status().name());
        g.writeBooleanField("allowed", s.allowed());
        g.writeArrayFieldStart("policies");
        for (Verdict.PolicyTrace p : s.policies()) {
            g.writeStartObject();
            g.writeStringField("policy", p.policy().toString());
            g.writeStringField("source", p.policy().source().fileLine());
            g.writeBooleanField("admits", p.admits());
            g.writeArrayFieldStart("rules");
            for (Verdict.RuleTrace r : p.rules()) {
                g.writeStartObject();
                g.writeNumberField("index", r.index());
                g.writeStringField("source", r.rule().source().fileLine());
                g.writeBooleanField("admits", r.admits());
                indexField(g, "peer", r.peer(), r.peer() >= 0 ? r.rule().peers().get(r.peer()).toString() : null);
                indexField(g, "port", r.port(), r.port() >= 0 ? r.rule().ports().get(r.port()).toString() : null);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "peer": {"index":0,"text":"podSelector app=web"}}, {@code "all"} or {@code null}. */
    private static void indexField(JsonGenerator g, String name, int index, String text) throws IOException {
        g.writeFieldName(name);
        if (index == -2) {
            g.writeString("all");
        } else if (index < 0) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("index", index);
            g.writeStringField("text", text);
            g.writeEndObject();
        }
    }
}
