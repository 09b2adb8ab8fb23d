package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RBAC006: the verbs that step around RBAC's own limits: {@code bind} and {@code escalate} on
 * roles or clusterroles (bind a role, or write one, with rights one lacks) and
 * {@code impersonate} on users, groups, serviceaccounts, uids or userextras (act as another
 * identity). Written by name, or through {@code *} on a rule that covers those resources.
 */
public final class EscalationVerbs extends RoleRule {
    private record Power(String verb, String group, String resource, String effect) {}

    private static final List<Power> POWERS = List.of(
            new Power("bind", "rbac.authorization.k8s.io", "roles", "bind roles with rights it lacks"),
            new Power("bind", "rbac.authorization.k8s.io", "clusterroles", "bind roles with rights it lacks"),
            new Power("escalate", "rbac.authorization.k8s.io", "roles", "grant roles rights it lacks"),
            new Power("escalate", "rbac.authorization.k8s.io", "clusterroles", "grant roles rights it lacks"),
            new Power("impersonate", "", "users", "act as other identities"),
            new Power("impersonate", "", "groups", "act as other identities"),
            new Power("impersonate", "", "serviceaccounts", "act as other identities"),
            new Power("impersonate", "authentication.k8s.io", "uids", "act as other identities"),
            new Power("impersonate", "authentication.k8s.io", "userextras", "act as other identities"));

    public EscalationVerbs() {
        super("RBAC006", "Rule grants bind, escalate or impersonate", Severity.ERROR, List.of(Checklist.POLP),
                "A Role or ClusterRole rule grants bind or escalate on roles or clusterroles, or impersonate on users,"
                        + " groups, serviceaccounts, uids or userextras (by name, or through \"*\" verbs on a rule that"
                        + " covers those resources). bind lets the subject bind roles with rights it does not hold,"
                        + " escalate lets it write such roles, impersonate lets it act as anyone: each defeats least"
                        + " privilege.",
                "Remove the verb; give role management to cluster administrators only.", """
                rules:
                - apiGroups: ["rbac.authorization.k8s.io"]
                  resources: ["roles", "rolebindings"]
                  verbs: ["get", "list", "watch"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        Map<Integer, List<String>> verbsByItem = new LinkedHashMap<>();
        Map<Integer, List<String>> effects = new LinkedHashMap<>();
        for (Power p : POWERS) {
            int i = rule.verb(p.verb());
            if (i >= 0 && rule.covers(p.group(), p.resource(), "")) {
                List<String> verbs = verbsByItem.computeIfAbsent(i, k -> new ArrayList<>());
                if (!verbs.contains(p.verb())) {
                    verbs.add(p.verb());
                }
                List<String> e = effects.computeIfAbsent(i, k -> new ArrayList<>());
                if (!e.contains(p.effect())) {
                    e.add(p.effect());
                }
            }
        }
        verbsByItem.forEach((item, verbs) -> at.report(rule.path("verbs", item), "rule "
                + rule.index() + " grants " + prose(verbs) + ": it can " + prose(effects.get(item))));
    }
}
