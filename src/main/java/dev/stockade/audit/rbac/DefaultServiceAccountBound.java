package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Workload;
import java.util.List;

/**
 * RBAC009: a binding that grants rights to a namespace's {@code default} ServiceAccount: the
 * subject ServiceAccount {@code default} (its namespace defaults to a RoleBinding's own), the
 * group {@code system:serviceaccounts} (every account of the cluster) or
 * {@code system:serviceaccounts:NS}. Every pod of the namespace that names no
 * {@code serviceAccountName} runs as {@code default} and gains the rights; the message lists
 * those of the input. Bindings to the discovery ClusterRoles are not reported.
 */
public final class DefaultServiceAccountBound extends BindingRule {
    public DefaultServiceAccountBound() {
        super("RBAC009", "Binding grants rights to the default ServiceAccount", Severity.WARNING,
                List.of(Checklist.SERVICE_ACCOUNTS, Checklist.POLP),
                "A RoleBinding or ClusterRoleBinding grants a role to the default ServiceAccount of a namespace,"
                        + " directly (kind ServiceAccount, name default) or through the groups system:serviceaccounts"
                        + " (every ServiceAccount) and system:serviceaccounts:NAMESPACE. Every pod that sets no"
                        + " serviceAccountName runs as default and inherits the rights, so they reach workloads that"
                        + " never asked for them. The finding lists the workloads of the input that run as it.",
                "Create a dedicated ServiceAccount for the workload that needs the rights, bind the role to it and"
                        + " set serviceAccountName.", """
                kind: ServiceAccount
                metadata: {name: report-exporter, namespace: shop}
                ---
                kind: RoleBinding
                metadata: {name: report-exporter, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: read-reports}
                subjects:
                - kind: ServiceAccount
                  name: report-exporter
                  namespace: shop
                """);
    }

    @Override
    void check(AuditContext context, RbacIndex index, RawObject binding, At at) {
        if (RbacIndex.roleKind(binding).equals("ClusterRole") && DISCOVERY_ROLES.contains(RbacIndex.roleName(binding))) {
            return;
        }
        for (Subject s : subjects(binding)) {
            String namespace;
            String whose;
            if (s.kind().equals("ServiceAccount") && s.name().equals("default")) {
                namespace = s.serviceAccountNamespace(binding);
                if (namespace.isEmpty()) {
                    continue;
                }
                whose = "ServiceAccount " + namespace + "/default";
            } else if (s.kind().equals("Group") && s.name().equals("system:serviceaccounts")) {
                namespace = "";
                whose = "Group system:serviceaccounts, every namespace's default ServiceAccount included";
            } else if (s.kind().equals("Group") && s.name().startsWith("system:serviceaccounts:")) {
                namespace = s.name().substring("system:serviceaccounts:".length());
                whose = "Group " + s.name() + ", ServiceAccount " + namespace + "/default included";
            } else {
                continue;
            }
            List<String> users = defaultUsers(context, namespace);
            at.report("subjects[" + s.index() + "].name", "grants " + roleNamed(index, binding)
                    + " " + scope(binding) + " to " + whose + ": every pod without serviceAccountName"
                    + (namespace.isEmpty() ? "" : " in namespace " + namespace) + " inherits it"
                    + (users.isEmpty() ? "" : " (" + users.size() + " in the input: " + String.join(", ", users) + ")"));
        }
    }

    /** The workloads of {@code namespace} (every namespace when empty) whose pods run as {@code default}. */
    static List<String> defaultUsers(AuditContext context, String namespace) {
        return context.workloads().stream().filter(w -> namespace.isEmpty() || w.namespace().equals(namespace))
                .filter(w -> serviceAccount(context, w).equals("default")).map(Workload::toString).toList();
    }

    /** {@code serviceAccountName}, else the deprecated {@code serviceAccount}, else {@code default}. */
    static String serviceAccount(AuditContext context, Workload w) {
        RawNode spec = context.raw(w.ref()).flatMap(o -> o.at(PodTemplates.spec(w.kind()))).orElse(null);
        if (spec == null) {
            return "";
        }
        return spec.string("serviceAccountName").filter(n -> !n.isEmpty())
                .or(() -> spec.string("serviceAccount").filter(n -> !n.isEmpty())).orElse("default");
    }
}
