package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.IngressController;
import dev.stockade.engine.Verdict;
import dev.stockade.model.AdminPort;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Renders verdicts: a readable trace, or the {@code explain -o json} document. */
public final class ExplainRenderer {
    private ExplainRenderer() {}

    /** ALLOWED or BLOCKED first, then each side's policies, rules and the peer or port that decided. */
    public static String text(List<Verdict> verdicts, AnalysisOptions options) {
        return text(verdicts, options, null);
    }

    /**
     * The same; with {@code entry} (the source is the ingress controller) a pair is allowed only
     * where a route leads, and the routes are listed first.
     */
    public static String text(List<Verdict> verdicts, AnalysisOptions options, ControllerEntry entry) {
        StringBuilder sb = new StringBuilder();
        Predicate<Verdict> ok = entry == null ? Verdict::allowed : entry::allowed;
        boolean allowed = verdicts.stream().anyMatch(ok);
        Verdict first = verdicts.get(0);
        sb.append(allowed ? "ALLOWED" : "BLOCKED").append(": ")
                .append(entry == null ? endName(first.source()) : IngressController.ID).append(" => ")
                .append(endName(first.destination())).append(" on ").append(first.protocol()).append(' ')
                .append(first.port()).append("  (").append(options.describe()).append(")\n");
        if (entry != null) {
            routes(sb, entry, first);
        }
        if (verdicts.size() > 1) {
            sb.append(verdicts.stream().filter(ok).count()).append(" of ").append(verdicts.size())
                    .append(" pod pairs allowed; a workload is reachable when any of its pods is\n");
        }
        for (Verdict v : verdicts) {
            if (verdicts.size() > 1) {
                sb.append("\npod pair ").append(v.source()).append(" => ").append(v.destination()).append(": ")
                        .append(ok.test(v) ? "ALLOWED" : "BLOCKED").append('\n');
            }
            side(sb, v.egress(), "egress from", v.port());
            side(sb, v.ingress(), "ingress to", v.port());
        }
        return TerminalText.escape(sb);
    }

    /** The routes that lead to the destination on the flow's port, and who the controller is taken to be. */
    private static void routes(StringBuilder sb, ControllerEntry entry, Verdict first) {
        sb.append("ingress controller: pods of namespace ").append(entry.controller().namespace())
                .append(entry.assumed() ? " (not in the input: one pod assumed, " + (entry.controller().pods()
                        .matchLabels().isEmpty() ? "without labels" : "labelled "
                        + dev.stockade.model.Labels.of(entry.controller().pods().matchLabels())) + ")" : "")
                .append('\n');
        if (entry.paths().isEmpty()) {
            sb.append("no route leads to ").append(endName(first.destination())).append(" on ")
                    .append(first.protocol()).append(' ').append(first.port()).append('\n');
            return;
        }
        for (EntrancePaths.Path p : entry.paths()) {
            sb.append("route: ").append(ControllerEntry.text(p)).append('\n');
        }
    }

    private static void side(StringBuilder sb, Verdict.Side s, String what, int port) {
        if (!s.admin().isEmpty() || !s.baseline().isEmpty()) {
            tieredSide(sb, s, what, port);
            return;
        }
        sb.append(what).append(' ').append(s.subject()).append(": ").append(s.allowed() ? "allowed" : "blocked");
        switch (s.status()) {
            case EXTERNAL -> sb.append(" (an address outside the pods: no NetworkPolicy applies)\n");
            case HOST_NETWORK -> sb.append(" (host-network pod: NetworkPolicies do not apply)\n");
            case UNSELECTED -> sb.append(" (no policy selects ").append(s.subject()).append(" for ")
                    .append(s.direction()).append(": unrestricted)\n");
            case ISOLATED -> {
                sb.append(s.allowed() ? "\n" : " (no rule of the policies selecting it admits the flow)\n");
                networkPolicies(sb, s, port);
            }
        }
    }

    /** The NetworkPolicies selecting a side's pod, each rule with what matched. */
    private static void networkPolicies(StringBuilder sb, Verdict.Side s, int port) {
        for (Verdict.PolicyTrace p : s.policies()) {
            sb.append("  NetworkPolicy ").append(p.policy()).append(" (").append(p.policy().source().fileLine())
                    .append(") selects it");
            if (p.rules().isEmpty()) {
                sb.append(": no ").append(s.direction().name().toLowerCase(Locale.ROOT))
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

    /**
     * A side some admin policy selects: the walk through the tiers on the first line, then the
     * rules met on the way, tier by tier, up to the one that decided.
     */
    private static void tieredSide(StringBuilder sb, Verdict.Side s, String what, int port) {
        Verdict.Walk w = s.walk();
        sb.append(what).append(' ').append(s.subject()).append(": ").append(w.allowed() ? "allowed" : "blocked")
                .append(" (").append(walkText(s)).append(")\n");
        adminRules(sb, s, s.admin(), port);
        if (w.stage() == Verdict.Stage.ADMIN) {
            return;
        }
        if (s.status() == Verdict.Status.ISOLATED) {
            networkPolicies(sb, s, port);
            return;
        }
        adminRules(sb, s, s.baseline(), port);
    }

    /** Each admin policy of a tier and its rules, up to the first rule that matches. */
    private static void adminRules(StringBuilder sb, Verdict.Side s, List<Verdict.AdminTrace> traces, int port) {
        for (Verdict.AdminTrace t : traces) {
            sb.append("  ").append(t.policy().title()).append(" (").append(t.policy().source().fileLine())
                    .append(") selects it\n");
            for (Verdict.AdminRuleTrace r : t.rules()) {
                sb.append("    rule ").append(r.index());
                if (!r.rule().name().isEmpty()) {
                    sb.append(" \"").append(r.rule().name()).append('"');
                }
                sb.append(" (").append(r.rule().source().fileLine()).append("): ").append(adminPeerText(r, s))
                        .append("; ").append(adminPortText(r, port)).append(" -> ")
                        .append(r.matches() ? t.policy().actionName(r.rule().action()) : "no match").append('\n');
                if (r.matches()) {
                    return;
                }
            }
        }
    }

    /**
     * The walk through the tiers in one line, e.g. {@code AdminNetworkPolicy deny-all (prio 10)
     * rule 2: Pass -> NetworkPolicy backend/allow-web rule 1: Allowed}.
     */
    public static String walkText(Verdict.Side s) {
        Verdict.Walk w = s.walk();
        List<String> parts = new ArrayList<>();
        if (w.admin() != null) {
            parts.add(w.admin().toString());
        } else if (!s.admin().isEmpty()) {
            parts.add("no admin rule matches");
        }
        if (w.stage() == Verdict.Stage.ADMIN) {
            return String.join(" -> ", parts);
        }
        if (s.status() == Verdict.Status.ISOLATED) {
            String admitting = null;
            for (Verdict.PolicyTrace p : s.policies()) {
                for (Verdict.RuleTrace r : p.rules()) {
                    if (admitting == null && r.admits()) {
                        admitting = "NetworkPolicy " + p.policy() + " rule " + r.index() + ": Allowed";
                    }
                }
            }
            parts.add(admitting != null ? admitting : "NetworkPolicies select it and no rule admits the flow: Denied");
            return String.join(" -> ", parts);
        }
        parts.add("no NetworkPolicy selects it");
        if (w.baseline() != null) {
            parts.add(w.baseline().toString());
        } else if (!s.baseline().isEmpty()) {
            parts.add("no baseline rule matches");
        }
        if (w.stage() == Verdict.Stage.DEFAULT) {
            parts.add("allowed by default");
        }
        return String.join(" -> ", parts);
    }

    private static String adminPeerText(Verdict.AdminRuleTrace r, Verdict.Side s) {
        String dir = s.direction().name().equals("Ingress") ? "from" : "to";
        if (r.peer() < 0) {
            return "no peer matches (" + r.rule().peers().size() + " in '" + dir + "')";
        }
        return "peer " + r.peer() + " " + r.rule().peers().get(r.peer()) + " matches";
    }

    private static String adminPortText(Verdict.AdminRuleTrace r, int port) {
        if (r.port() == Verdict.RuleTrace.ALL_PORTS) {
            return "no ports list: every port";
        }
        if (r.port() == Verdict.RuleTrace.NO_PORT) {
            return "port not listed (" + String.join(", ", r.rule().ports().stream().map(Object::toString).toList()) + ")";
        }
        AdminPort matched = r.rule().ports().get(r.port());
        return matched + (matched instanceof AdminPort.Named ? " (= " + port + ")" : "") + " matches";
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
        return json(verdicts, options, null);
    }

    /** The same; with {@code entry}, {@code allowed} needs a route, and {@code routes} lists them. */
    public static String json(List<Verdict> verdicts, AnalysisOptions options, ControllerEntry entry) {
        return Json.write(g -> {
            Verdict first = verdicts.get(0);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeBooleanField("allowed", verdicts.stream().anyMatch(entry == null ? Verdict::allowed : entry::allowed));
            g.writeStringField("from", entry == null ? endName(first.source()) : IngressController.ID);
            g.writeStringField("to", endName(first.destination()));
            g.writeStringField("protocol", first.protocol().name());
            g.writeNumberField("port", first.port());
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", options.ipBlockMatchesPods());
            g.writeStringField("hostNetwork", options.hostNetwork().flag());
            g.writeEndObject();
            if (entry != null) {
                g.writeObjectFieldStart("ingressController");
                g.writeStringField("namespace", entry.controller().namespace());
                g.writeStringField("selector", entry.controller().pods().toString());
                g.writeBooleanField("assumed", entry.assumed());
                g.writeEndObject();
                g.writeArrayFieldStart("routes");
                for (EntrancePaths.Path p : entry.paths()) {
                    g.writeStartObject();
                    g.writeStringField("route", p.route().toString());
                    g.writeStringField("path", p.backend().path());
                    g.writeStringField("source", p.backend().source().fileLine());
                    g.writeStringField("service", p.service().toString());
                    g.writeNumberField("servicePort", p.servicePort().port());
                    g.writeStringField("pod", p.pod().toString());
                    g.writeNumberField("port", p.port());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
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
        if (!s.admin().isEmpty() || !s.baseline().isEmpty()) {
            g.writeStringField("stage", s.walk().stage().name());
            g.writeStringField("walk", walkText(s));
            adminJson(g, "admin", s.admin());
            adminJson(g, "baseline", s.baseline());
        }
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

    /** The admin policies of one tier selecting the side's pod, each rule with what matched. */
    private static void adminJson(JsonGenerator g, String field, List<Verdict.AdminTrace> traces) throws IOException {
        g.writeArrayFieldStart(field);
        for (Verdict.AdminTrace t : traces) {
            g.writeStartObject();
            g.writeStringField("kind", t.policy().kind().name());
            g.writeStringField("policy", t.policy().name());
            g.writeStringField("tier", t.policy().tier().apiName());
            if (t.policy().kind() != dev.stockade.model.AdminPolicy.Kind.BaselineAdminNetworkPolicy) {
                g.writeNumberField("priority", t.policy().priority());
            } else {
                g.writeNullField("priority");
            }
            g.writeStringField("source", t.policy().source().fileLine());
            g.writeArrayFieldStart("rules");
            for (Verdict.AdminRuleTrace r : t.rules()) {
                g.writeStartObject();
                g.writeNumberField("index", r.index());
                g.writeStringField("name", r.rule().name());
                g.writeStringField("action", t.policy().actionName(r.rule().action()));
                g.writeStringField("source", r.rule().source().fileLine());
                g.writeBooleanField("matches", r.matches());
                indexField(g, "peer", r.peer(), r.peer() >= 0 ? r.rule().peers().get(r.peer()).toString() : null);
                indexField(g, "port", r.port(), r.port() >= 0 ? r.rule().ports().get(r.port()).toString() : null);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
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
