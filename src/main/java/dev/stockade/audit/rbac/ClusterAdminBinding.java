package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Optional;

/**
 * RBAC002: a RoleBinding or ClusterRoleBinding to {@code cluster-admin}, or to a role of the
 * input whose effective rules (aggregation included) hold a {@code *} verb on {@code *} resources
 * of {@code *} groups without resourceNames. A ClusterRoleBinding grants it on the whole cluster,
 * a RoleBinding on its namespace (RBAC, Secrets and NetworkPolicies included). Bindings whose
 * subjects are all the group {@code system:masters} are not reported: that group bypasses
 * authorization anyway.
 */
public final class ClusterAdminBinding extends BindingRule {
    public ClusterAdminBinding() {
        super("RBAC002", "Binding grants cluster-admin", Severity.ERROR, List.of(Checklist.POLP),
                "A RoleBinding or ClusterRoleBinding refers to cluster-admin, or to a role of the input that grants"
                        + " every verb on every resource of every API group (\"*\" in all three, without"
                        + " resourceNames; an aggregated ClusterRole counts with the rules it aggregates). Bound by a"
                        + " ClusterRoleBinding it is full control of the cluster; bound by a RoleBinding, full control"
                        + " of the namespace: its Secrets, Roles and NetworkPolicies. Subjects that are only the group"
                        + " system:masters are not reported (that group bypasses authorization).",
                "Bind a role with the permissions the subject needs (the built-in admin, edit or view, or your own).",
                """
                kind: RoleBinding
                metadata: {name: team-a-edit, namespace: team-a}
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: edit   # not cluster-admin
                """);
    }

    @Override
    void check(AuditContext context, RbacIndex index, RawObject binding, At at) {
        String kind = RbacIndex.roleKind(binding);
        String name = RbacIndex.roleName(binding);
        List<Subject> subjects = subjects(binding);
        if (!subjects.isEmpty() && subjects.stream().allMatch(s -> s.kind().equals("Group")
                && s.name().equals("system:masters"))) {
            return;
        }
        Optional<RoleObject> role = index.role(binding);
        String why;
        if (kind.equals("ClusterRole") && name.equals("cluster-admin")) {
            why = "ClusterRole cluster-admin";
        } else {
            Optional<RbacIndex.Sourced> all = role.flatMap(r -> index.effectiveRules(r).stream()
                    .filter(s -> s.rule().everything()).findFirst());
            if (all.isEmpty()) {
                return;
            }
            RbacIndex.Sourced s = all.get();
            why = roleNamed(index, binding) + ", which grants every verb on every resource like cluster-admin ("
                    + (s.role() == role.get() ? "" : "aggregated from " + s.role().described() + " ")
                    + s.rule().path() + ")";
        }
        String whom = subjects.isEmpty() ? "no subject yet" : RoleRule.prose(subjects.stream()
                .map(s -> s.describe(binding)).toList());
        at.report("roleRef.name", "binds " + why + " to " + whom + ": full control "
                + (binding.kind().equals("RoleBinding") ? "of namespace " + binding.namespace()
                        + " (its Secrets, Roles and NetworkPolicies)" : "of the cluster"));
    }
}
