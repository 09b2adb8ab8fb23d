package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.List;

/** A rule about RoleBindings and ClusterRoleBindings: what they grant, and to whom. */
abstract class BindingRule extends Rule {
    /** The ClusterRoles the API server binds to everyone for discovery; binding them to all users is expected. */
    static final List<String> DISCOVERY_ROLES = List.of("system:discovery", "system:basic-user",
            "system:public-info-viewer");

    BindingRule(String id, String title, Severity severity, List<String> checklist, String description,
                String remediation, String fix) {
        super(id, title, severity, checklist, description + RbacIndex.NOT_AUDITED, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        RbacIndex index = new RbacIndex(context);
        for (RawObject binding : index.bindings()) {
            check(context, index, binding, (path, message) -> report.add(context.finding(this, binding.ref(),
                    FieldPath.parse(path), binding.source(), message, "")));
        }
    }

    abstract void check(AuditContext context, RbacIndex index, RawObject binding, At at);

    /** One entry of {@code subjects}: kind, name, namespace as written (namespace may be empty). */
    record Subject(int index, String kind, String name, String namespace) {
        /**
         * The namespace of a ServiceAccount subject: its own, else the RoleBinding's (the
         * authorizer's default); empty for a ClusterRoleBinding without one (it then matches nothing).
         */
        String serviceAccountNamespace(RawObject binding) {
            return !namespace.isEmpty() ? namespace : binding.kind().equals("RoleBinding") ? binding.namespace() : "";
        }

        /** {@code ServiceAccount shop/api} (namespace as the authorizer resolves it), {@code Group ops}. */
        String describe(RawObject binding) {
            String ns = kind.equals("ServiceAccount") ? serviceAccountNamespace(binding) : "";
            return kind + " " + (ns.isEmpty() ? "" : ns + "/") + name;
        }
    }

    static List<Subject> subjects(RawObject binding) {
        List<Subject> out = new ArrayList<>();
        List<RawNode> items = binding.at("subjects").map(RawNode::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            RawNode s = items.get(i);
            out.add(new Subject(i, s.string("kind").orElse(""), s.string("name").orElse(""),
                    s.string("namespace").orElse("")));
        }
        return out;
    }

    /**
     * The role as the message names it: {@code ClusterRole view}, plus where the input defines
     * it ({@code (rbac.yaml:12)}).
     */
    static String roleNamed(RbacIndex index, RawObject binding) {
        String named = RbacIndex.roleKind(binding) + " " + RbacIndex.roleName(binding);
        return index.role(binding).map(r -> named + " (" + r.raw().source().file() + ":" + r.raw().source().line() + ")")
                .orElse(named);
    }

    /** Where the binding's grants apply. */
    static String scope(RawObject binding) {
        return binding.kind().equals("RoleBinding") ? "in namespace " + binding.namespace() : "in every namespace";
    }
}
