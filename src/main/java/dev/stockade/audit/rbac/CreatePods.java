package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import java.util.List;

/**
 * RBAC005: create on pods or on a pod controller (Deployment, ReplicaSet, StatefulSet, DaemonSet,
 * Job, CronJob, ReplicationController). Whoever creates a pod chooses its image, its
 * ServiceAccount (and so that account's rights) and the Secrets it mounts. A rule with
 * resourceNames never grants create (a create request has no name yet).
 */
public final class CreatePods extends RoleRule {
    /** group/resource of the objects that make pods. */
    static final List<String[]> POD_MAKERS = List.of(new String[] {"", "pods"},
            new String[] {"", "replicationcontrollers"}, new String[] {"apps", "deployments"},
            new String[] {"apps", "replicasets"}, new String[] {"apps", "statefulsets"},
            new String[] {"apps", "daemonsets"}, new String[] {"batch", "jobs"}, new String[] {"batch", "cronjobs"});

    public CreatePods() {
        super("RBAC005", "Rule creates pods or pod controllers", Severity.WARNING, List.of(Checklist.POLP),
                "A Role or ClusterRole rule grants create on pods, replicationcontrollers, deployments, replicasets,"
                        + " statefulsets, daemonsets, jobs or cronjobs. Whoever creates a pod chooses its image, runs"
                        + " it as any ServiceAccount of the namespace (gaining that account's rights) and mounts any"
                        + " Secret of the namespace. A rule restricted by resourceNames never grants create.",
                "Keep create on workloads for the deployment pipeline's own ServiceAccount, in the namespaces it"
                        + " deploys to, and enforce Pod Security admission there.", """
                rules:
                - apiGroups: ["apps"]
                  resources: ["deployments"]
                  verbs: ["get", "list", "watch"]
                """);
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        int verb = rule.verb("create");
        if (verb < 0 || rule.named()) {
            return;
        }
        List<String> made = POD_MAKERS.stream().filter(m -> rule.covers(m[0], m[1], "")).map(m -> m[1]).toList();
        if (!made.isEmpty()) {
            at.report(rule.path("verbs", verb), "rule " + rule.index() + " can create "
                    + (made.size() == POD_MAKERS.size() ? "pods and every pod controller" : prose(made))
                    + role.scope() + ": their pods may run any image as any ServiceAccount");
        }
    }
}
