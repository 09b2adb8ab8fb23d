package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import java.util.List;

/**
 * A rule about permissions: it looks at every rule of every audited Role and ClusterRole where
 * it is written (bound or not) and reports at the offending item ({@code rules[0].verbs[1]}). An
 * aggregated ClusterRole's copies of the rules it aggregates are left to the roles they come from.
 */
abstract class RoleRule extends Rule {
    RoleRule(String id, String title, Severity severity, List<String> checklist, String description,
             String remediation, String fix) {
        super(id, title, severity, checklist, description + RbacIndex.NOT_AUDITED, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        RbacIndex index = new RbacIndex(context);
        for (RoleObject role : index.roles()) {
            for (RbacRule r : role.rules()) {
                if (index.gained(role, r)) {
                    continue;
                }
                check(context, role, r, (path, message) -> report.add(context.finding(this, role.raw().ref(),
                        FieldPath.parse(path), role.raw().source(), message, "")));
            }
        }
    }

    abstract void check(AuditContext context, RoleObject role, RbacRule rule, At at);

    /** Joins words as prose: {@code a}, {@code a and b}, {@code a, b and c}. */
    static String prose(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }
}
