package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RBAC004: create or get on {@code pods/exec}, {@code pods/attach} or {@code pods/portforward}
 * (core group; through {@code *} or {@code *}{@code /exec} too). kubectl's SPDY streams are POST
 * requests (verb create); WebSocket streams, which kubectl uses since 1.31 and the client libraries
 * always used, are GET upgrades (verb get), so both verbs open a shell or a tunnel. A port-forward
 * tunnel enters the pod's network namespace through the kubelet: NetworkPolicies never see it.
 * resourceNames limit it to the named pods, which the message names.
 */
public final class PodExec extends RoleRule {
    private static final List<String> SUBRESOURCES = List.of("exec", "attach", "portforward");
    private static final List<String> VERBS = List.of("create", "get");

    public PodExec() {
        super("RBAC004", "Rule allows exec, attach or port-forward into pods", Severity.ERROR,
                List.of(Checklist.POLP),
                "A Role or ClusterRole rule grants create or get on pods/exec, pods/attach or pods/portforward (or"
                        + " on \"*\" or \"*/exec\"…). Both verbs count: kubectl's SPDY streams are POST requests"
                        + " (create), WebSocket streams are GET upgrades (get). exec and attach run commands in the"
                        + " containers, with their ServiceAccount token and mounted Secrets; a port-forward tunnel"
                        + " reaches the pod's ports through the kubelet, where no NetworkPolicy applies.",
                "Grant exec, attach and port-forward to people for debugging through a short-lived binding, not to"
                        + " automation; use logs and metrics instead.", """
                rules:
                - apiGroups: [""]
                  resources: ["pods", "pods/log"]
                  verbs: ["get", "list", "watch"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        if (!rule.group("")) {
            return;
        }
        List<String> subs = SUBRESOURCES.stream().filter(s -> rule.resource("pods", s)).map(s -> "pods/" + s).toList();
        if (subs.isEmpty()) {
            return;
        }
        Map<Integer, List<String>> byItem = new LinkedHashMap<>();
        for (String verb : VERBS) {
            int i = rule.verb(verb);
            if (i >= 0) {
                byItem.computeIfAbsent(i, k -> new ArrayList<>()).add(verb);
            }
        }
        String pods = rule.named() ? " of pods " + String.join(", ", rule.resourceNames()) : "";
        byItem.forEach((item, verbs) -> at.report(rule.path("verbs", item), "rule " + rule.index()
                + " can " + prose(verbs) + " " + prose(subs) + pods + role.scope()
                + (subs.contains("pods/portforward") ? " (a port-forward bypasses NetworkPolicies)" : "")));
    }
}
