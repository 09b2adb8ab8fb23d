package dev.stockade.report;

import dev.stockade.engine.Endpoint;
import dev.stockade.model.PolicyType;
import dev.stockade.query.Equivalence;
import dev.stockade.query.Exposure;
import dev.stockade.query.Redundancy;
import dev.stockade.query.SelectsNothing;
import dev.stockade.query.Unprotected;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text answers of {@code query}: one line a finding, then a one-line summary (unsafe
 * characters escaped, {@link TerminalText}).
 */
public final class QueryRenderer {
    private QueryRenderer() {}

    public static String unprotected(Unprotected.Result r) {
        StringBuilder sb = new StringBuilder();
        for (Unprotected.Finding f : r.workloads()) {
            sb.append(f.workload().id()).append(": unprotected for ").append(directions(f.directions()));
            if (!f.pods().isEmpty()) {
                sb.append(" (pods ").append(String.join(", ", f.pods())).append(')');
            }
            if (!f.namespaceHasPolicies()) {
                sb.append(" (namespace ").append(f.workload().workload().namespace()).append(" has no NetworkPolicy)");
            }
            sb.append('\n');
        }
        for (Endpoint.WorkloadEndpoint w : r.hostNetwork()) {
            sb.append(w.id()).append(": on the host network (NetworkPolicies do not apply)\n");
        }
        sb.append(r.workloads().size()).append(" of ").append(r.checked()).append(r.checked() == 1 ? " workload" : " workloads")
                .append(" unprotected");
        if (!r.workloads().isEmpty()) {
            sb.append(": ").append(r.count(PolicyType.Ingress)).append(" for ingress, ")
                    .append(r.count(PolicyType.Egress)).append(" for egress");
        }
        if (!r.hostNetwork().isEmpty()) {
            sb.append("; ").append(r.hostNetwork().size()).append(" on the host network");
        }
        return TerminalText.escape(sb.append('\n'));
    }

    private static String directions(Set<PolicyType> d) {
        return d.size() == 2 ? "ingress and egress" : d.iterator().next().name().toLowerCase(Locale.ROOT);
    }

    public static String selectsNothing(SelectsNothing.Result r) {
        StringBuilder sb = new StringBuilder();
        for (SelectsNothing.Finding f : r.findings()) {
            sb.append(f.source().fileLine()).append(": NetworkPolicy ").append(f.policy()).append(": ").append(f.path())
                    .append(": ").append(f.selector()).append(' ').append(f.problem());
            if (!f.hints().isEmpty()) {
                sb.append(" (").append(String.join("; ", f.hints())).append(')');
            }
            sb.append('\n');
        }
        int n = r.findings().size();
        sb.append(n).append(n == 1 ? " selector matches nothing (" : " selectors match nothing (")
                .append(count(r.policies(), "policy", "policies")).append(" and ")
                .append(count(r.peers(), "selector peer", "selector peers")).append(" checked)\n");
        return TerminalText.escape(sb);
    }

    public static String redundant(Redundancy.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.options().describe()).append('\n');
        for (Redundancy.Item i : r.policies()) {
            sb.append(i.source().fileLine()).append(": NetworkPolicy ").append(i.policy()).append(": redundant policy: ")
                    .append(i.reason()).append('\n');
        }
        for (Redundancy.Item i : r.rules()) {
            sb.append(i.source().fileLine()).append(": NetworkPolicy ").append(i.policy()).append(": ").append(i.path())
                    .append(": redundant rule: ").append(i.reason()).append('\n');
        }
        String checked = " (" + count(r.policiesChecked(), "policy", "policies") + ", "
                + count(r.rulesChecked(), "rule", "rules") + " checked)";
        if (!r.finding()) {
            return TerminalText.escape(sb.append("no redundant policy or rule").append(checked).append('\n'));
        }
        sb.append(count(r.policies().size(), "redundant policy", "redundant policies")).append(", ")
                .append(count(r.rules().size(), "redundant rule", "redundant rules")).append(checked)
                .append("; each is redundant on its own, not necessarily together with the others\n");
        return TerminalText.escape(sb);
    }

    /** {@code leftName}/{@code rightName} say what A and B were, e.g. {@code A (old/)}. */
    public static String equivalent(Equivalence.Result r, String leftName, String rightName) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.options().describe()).append('\n');
        if (r.equivalent()) {
            return TerminalText.escape(sb.append("EQUIVALENT: ").append(leftName).append(" and ").append(rightName)
                    .append(" give the same connectivity (").append(count(r.workloads(), "workload", "workloads"))
                    .append(")\n"));
        }
        int n = r.differences().size();
        sb.append("NOT EQUIVALENT: ").append(leftName).append(" and ").append(rightName).append(" differ in ")
                .append(count(n, "connection", "connections"));
        if (!r.onlyLeft().isEmpty() || !r.onlyRight().isEmpty()) {
            sb.append(" and ").append(count(r.onlyLeft().size() + r.onlyRight().size(), "workload", "workloads"));
        }
        sb.append('\n');
        workloads(sb, "A", r.onlyLeft());
        workloads(sb, "B", r.onlyRight());
        for (Equivalence.Difference d : r.differences()) {
            sb.append(d.src().id()).append(" => ").append(d.dst().id()).append(" : A ").append(d.left())
                    .append(" | B ").append(d.right()).append('\n');
        }
        Equivalence.Witness w = r.witness();
        if (w != null) {
            sb.append("\nwitness: ").append(w.src().id()).append(" => ").append(w.dst().id()).append(" on ")
                    .append(w.protocol()).append(' ').append(w.port()).append(" is allowed by ")
                    .append(w.allowedByLeft() ? "A and blocked by B" : "B and blocked by A").append('\n');
            sb.append("\n--- ").append(leftName).append('\n').append(ExplainRenderer.text(w.left(), r.options()));
            sb.append("\n--- ").append(rightName).append('\n').append(ExplainRenderer.text(w.right(), r.options()));
        }
        return TerminalText.escape(sb);
    }

    private static void workloads(StringBuilder sb, String side, List<Endpoint.WorkloadEndpoint> only) {
        if (!only.isEmpty()) {
            sb.append("workloads only in ").append(side).append(": ")
                    .append(String.join(", ", only.stream().map(Endpoint::id).toList())).append('\n');
        }
    }

    public static String exposure(Exposure.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.options().describe()).append('\n');
        int external = 0;
        int everywhere = 0;
        int namespaces = 0;
        int routed = 0;
        for (Exposure.Finding f : r.workloads()) {
            sb.append(f.workload().id()).append('\n');
            if (!f.fromEverywhere().isEmpty()) {
                everywhere++;
                sb.append("  from every external address: ").append(f.fromEverywhere()).append('\n');
            }
            for (Exposure.ExternalAccess a : f.external()) {
                // ranges that add nothing to "every external address" are not repeated
                if (!a.allowed().equals(f.fromEverywhere())) {
                    sb.append("  from ").append(a.range().id()).append(": ").append(a.allowed()).append('\n');
                }
            }
            external += f.reachableFromOutside() ? 1 : 0;
            if (!f.fromAllNamespaces().isEmpty()) {
                namespaces++;
                sb.append("  from every namespace: ").append(f.fromAllNamespaces()).append('\n');
                for (Exposure.Opening o : f.openings()) {
                    sb.append("    ").append(opening(o)).append('\n');
                }
            }
            for (Exposure.ServiceAccess a : f.services()) {
                sb.append("  outside the cluster through ").append(a.service().type()).append(" Service ")
                        .append(a.service()).append(" (").append(a.service().source().fileLine()).append("): pod ports ")
                        .append(a.ports()).append('\n');
            }
            if (!f.routes().isEmpty()) {
                routed++;
            }
            for (Exposure.RouteAccess a : f.routes()) {
                sb.append("  through the ingress controller: ").append(a.route()).append(' ').append(a.path())
                        .append(" (").append(a.source().fileLine()).append(") -> Service ").append(a.service())
                        .append(" -> ").append(a.protocol()).append(' ').append(a.port())
                        .append(a.open() ? ": open" : ": blocked by policy").append('\n');
            }
        }
        sb.append(r.workloads().stream().filter(Exposure.Finding::open).count()).append(" of ")
                .append(count(r.checked(), "workload", "workloads"))
                .append(" exposed: ").append(external).append(" to external addresses (").append(everywhere)
                .append(" from everywhere), ").append(namespaces).append(" to every namespace")
                .append(routed == 0 ? "" : ", " + routed + " behind routes").append('\n');
        return TerminalText.escape(sb);
    }

    private static String opening(Exposure.Opening o) {
        return o.policy() == null ? o.what()
                : o.source().fileLine() + ": NetworkPolicy " + o.policy() + ": " + o.path() + ": " + o.what();
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
