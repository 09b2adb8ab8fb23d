package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * RBAC007: a binding whose subject is everyone: the user {@code system:anonymous}, the group
 * {@code system:unauthenticated} (requests without credentials) or {@code system:authenticated}
 * (every identity, each ServiceAccount of every namespace included). Bindings to the discovery
 * ClusterRoles the API server itself grants to them ({@code system:discovery},
 * {@code system:basic-user}, {@code system:public-info-viewer}) are not reported.
 */
public final class AllUsersSubject extends BindingRule {
    public AllUsersSubject() {
        super("RBAC007", "Binding grants rights to anonymous or all users", Severity.ERROR, List.of(Checklist.POLP),
                "A RoleBinding or ClusterRoleBinding has the subject User system:anonymous, Group"
                        + " system:unauthenticated or Group system:authenticated. The first two are whoever reaches the"
                        + " API server without credentials; the last is every user and every ServiceAccount of every"
                        + " namespace, so any compromised pod gains the role. Bindings to the discovery roles"
                        + " (system:discovery, system:basic-user, system:public-info-viewer) are expected and not"
                        + " reported.",
                "Bind the role to the users, groups or ServiceAccounts that need it.", """
                subjects:
                - kind: Group
                  apiGroup: rbac.authorization.k8s.io
                  name: team-a-developers
                """);
    }

    @Override
    void check(AuditContext context, RbacIndex index, RawObject binding, At at) {
        if (RbacIndex.roleKind(binding).equals("ClusterRole") && DISCOVERY_ROLES.contains(RbacIndex.roleName(binding))) {
            return;
        }
        for (Subject s : subjects(binding)) {
            String who = switch (s.kind() + " " + s.name()) {
                case "User system:anonymous" -> "anonymous requests";
                case "Group system:unauthenticated" -> "every request without credentials";
                case "Group system:authenticated" -> "every user and every ServiceAccount of the cluster";
                default -> null;
            };
            if (who != null) {
                at.report("subjects[" + s.index() + "].name", "grants " + roleNamed(index, binding)
                        + " " + scope(binding) + " to " + s.describe(binding) + ": " + who);
            }
        }
    }
}
