package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.List;

/**
 * RBAC008: a ClusterRole rule on {@code nodes/proxy} (core group; through {@code *} or
 * {@code *}{@code /proxy} too), any verb. It reaches the kubelet API of every node: run commands
 * in any pod on it (a WebSocket {@code exec} needs only get) and read its pods and logs, past the
 * API server's audit log. Roles are not reported: nodes are cluster-scoped, so a Role cannot
 * grant them.
 */
public final class NodeProxy extends RoleRule {
    public NodeProxy() {
        super("RBAC008", "Rule grants nodes/proxy", Severity.ERROR, List.of(Checklist.POLP),
                "A ClusterRole rule grants a verb on nodes/proxy (apiGroups \"\" or \"*\"; resources \"nodes/proxy\","
                        + " \"*/proxy\" or \"*\"). It opens the kubelet API of every node: commands in any pod of the"
                        + " node (get suffices for a WebSocket exec), its pods' logs and metrics, without the API"
                        + " server's audit log. Roles are not reported: a Role cannot grant cluster-scoped nodes.",
                "Read node metrics through the metrics API (metrics.k8s.io) or nodes/metrics and nodes/stats"
                        + " instead of nodes/proxy.", """
                rules:
                - apiGroups: [""]
                  resources: ["nodes/metrics", "nodes/stats"]
                  verbs: ["get"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        if (!role.cluster() || !rule.covers("", "nodes", "proxy") || rule.verbs().isEmpty()) {
            return;
        }
        int item = rule.resources().indexOf("nodes/proxy");
        item = item >= 0 ? item : rule.resources().indexOf("*/proxy");
        item = item >= 0 ? item : rule.resources().indexOf(RbacRule.ALL);
        at.report(rule.path("resources", item), "rule " + rule.index() + " can "
                + (rule.verbs().contains(RbacRule.ALL) ? "use every verb on" : prose(rule.verbs()))
                + " nodes/proxy: the kubelet API of "
                + (rule.named() ? "nodes " + String.join(", ", rule.resourceNames()) : "every node")
                + ", exec into their pods included");
    }
}
