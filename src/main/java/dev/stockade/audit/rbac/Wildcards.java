package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.List;

/**
 * RBAC001: {@code *} in a rule's verbs, apiGroups or resources (also {@code *}{@code /sub}, every
 * resource's subresource), or {@code nonResourceURLs: ["*"]}: the rule grants whatever exists or
 * will exist — new resources, CRDs, verbs such as {@code escalate} and {@code impersonate}. Each
 * wildcard is reported at its item. {@code pods/*} is no wildcard for the authorizer (it matches
 * nothing), so it is not reported.
 */
public final class Wildcards extends RoleRule {
    public Wildcards() {
        super("RBAC001", "Wildcard in RBAC rule", Severity.ERROR, List.of(Checklist.POLP),
                "A Role or ClusterRole rule uses \"*\" in verbs, apiGroups or resources (or \"*/subresource\","
                        + " or \"*\" in nonResourceURLs). It then grants every current and future resource or verb,"
                        + " including escalate, bind, impersonate and the resources of CRDs installed later."
                        + " \"pods/*\" is not reported: the authorizer treats it as a literal name that matches"
                        + " nothing.",
                "List the verbs, API groups and resources the subject needs.", """
                rules:
                - apiGroups: ["apps"]
                  resources: ["deployments"]
                  verbs: ["get", "list", "watch", "patch"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        String who = "rule " + rule.index();
        int v = rule.verbs().indexOf(RbacRule.ALL);
        if (v >= 0) {
            at.report(rule.path("verbs", v), who + " grants every verb (\"*\")");
        }
        int g = rule.apiGroups().indexOf(RbacRule.ALL);
        if (g >= 0) {
            at.report(rule.path("apiGroups", g), who + " applies to every API group (\"*\")");
        }
        for (int i = 0; i < rule.resources().size(); i++) {
            String r = rule.resources().get(i);
            if (r.equals(RbacRule.ALL)) {
                at.report(rule.path("resources", i), who + " applies to every resource of its API groups (\"*\")");
            } else if (r.startsWith("*/")) {
                at.report(rule.path("resources", i), who + " applies to subresource " + r.substring(2)
                        + " of every resource (\"" + r + "\")");
            }
        }
        int u = rule.nonResourceURLs().indexOf(RbacRule.ALL);
        if (u >= 0) {
            at.report(rule.path("nonResourceURLs", u), who + " applies to every non-resource URL (\"*\")");
        }
    }
}
