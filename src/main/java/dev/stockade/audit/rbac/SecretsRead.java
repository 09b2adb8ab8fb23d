package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RBAC003: a rule granting get, list or watch on {@code secrets} of the core group (directly or
 * through {@code *}). list and watch return the Secrets' data, not only their names. A rule with
 * resourceNames reads only the named Secrets and is not reported.
 */
public final class SecretsRead extends RoleRule {
    private static final List<String> READ = List.of("get", "list", "watch");

    public SecretsRead() {
        super("RBAC003", "Rule reads Secrets", Severity.ERROR, List.of(Checklist.POLP),
                "A Role or ClusterRole rule grants get, list or watch on secrets (apiGroups \"\" or \"*\", resources"
                        + " \"secrets\" or \"*\"). list and watch return every Secret's data, not only the names, so"
                        + " \"list\" is as good as reading them all; a ClusterRole bound by a ClusterRoleBinding reads"
                        + " the Secrets of every namespace, ServiceAccount tokens included. A rule restricted by"
                        + " resourceNames reads only the Secrets it names and is not reported.",
                "Mount the Secrets the workload needs as volumes instead of reading them through the API, or"
                        + " name them in resourceNames.", """
                rules:
                - apiGroups: [""]
                  resources: ["secrets"]
                  resourceNames: ["payment-api-key"]
                  verbs: ["get"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        if (!rule.covers("", "secrets", "") || rule.named()) {
            return;
        }
        Map<Integer, List<String>> byItem = new LinkedHashMap<>();
        for (String verb : READ) {
            int i = rule.verb(verb);
            if (i >= 0) {
                byItem.computeIfAbsent(i, k -> new ArrayList<>()).add(verb);
            }
        }
        byItem.forEach((item, verbs) -> at.report(rule.path("verbs", item), "rule " + rule.index()
                + " can " + prose(verbs) + " secrets" + role.scope()
                + streams(verbs)));
    }

    /** What the collection verbs among {@code verbs} return. */
    private static String streams(List<String> verbs) {
        List<String> collection = verbs.stream().filter(v -> !v.equals("get")).toList();
        return collection.isEmpty() ? "" : " (" + prose(collection) + (collection.size() == 1 ? " returns" : " return")
                + " the Secrets' data, not only their names)";
    }
}
