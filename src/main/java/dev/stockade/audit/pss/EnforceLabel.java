package dev.stockade.audit.pss;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Set;

/**
 * PSS018: a Namespace without the {@code pod-security.kubernetes.io/enforce} label, or with a
 * level other than {@code baseline} or {@code restricted}. System namespaces
 * ({@code kube-system}, {@code kube-public}, {@code kube-node-lease}) are left alone.
 */
public final class EnforceLabel extends Rule {
    static final String LABEL = "pod-security.kubernetes.io/enforce";
    private static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

    public EnforceLabel() {
        super("PSS018", "Namespace does not enforce a Pod Security Standard", Severity.WARNING,
                List.of(Checklist.PSS),
                "The Namespace lacks the label pod-security.kubernetes.io/enforce, or sets it to privileged (or an"
                        + " unknown level): the Pod Security admission controller then admits privileged pods into it."
                        + " kube-system, kube-public and kube-node-lease are not reported.",
                "Label the namespace with the level its workloads meet (restricted where possible).", """
                metadata:
                  labels:
                    pod-security.kubernetes.io/enforce: restricted
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject ns : context.manifests("Namespace")) {
            if (SYSTEM.contains(ns.name())) {
                continue;
            }
            FieldPath path = FieldPath.parse("metadata").field("labels").field(LABEL);
            String level = ns.at(path).flatMap(n -> n.text()).orElse(null);
            if (level == null) {
                report.add(context.finding(this, ns.ref(), path, ns.source(),
                        "namespace " + ns.name() + " has no " + LABEL + " label", ""));
            } else if (!level.equals("baseline") && !level.equals("restricted")) {
                report.add(context.finding(this, ns.ref(), path, ns.source(),
                        "namespace " + ns.name() + " enforces " + (level.isEmpty() ? "no level" : level), ""));
            }
        }
    }
}
