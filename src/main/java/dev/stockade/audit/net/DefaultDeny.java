package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.PolicyType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shared check of NET001 and NET002: a namespace (defined in the input or holding a workload)
 * in which no NetworkPolicy with an empty podSelector isolates every pod, present and future,
 * for the direction. Such a policy need not be empty: {@code podSelector: {}} with
 * the direction in its (defaulted) policyTypes isolates every pod, its rules then being the
 * allowlist. Only the effective policyTypes count (so {@code egress: []} without policyTypes
 * is not an egress default deny).
 */
abstract class DefaultDeny extends Rule {
    private final PolicyType direction;

    DefaultDeny(String id, Severity severity, PolicyType direction, String fix) {
        super(id, "Namespace without default deny for " + direction, severity, List.of(Checklist.DEFAULT_DENY),
                "No NetworkPolicy with an empty podSelector isolates the namespace's pods for " + direction
                        + ": a pod no other policy selects " + (direction == PolicyType.Ingress
                        ? "accepts connections from every pod and address" : "may connect anywhere")
                        + ", and so will every pod added later.",
                "Add a default-deny policy for " + direction + " to the namespace, then allow the flows it needs.",
                fix);
        this.direction = direction;
    }

    @Override
    public void check(AuditContext context, Report report) {
        Set<String> withWorkloads = new HashSet<>();
        context.cluster().workloads().forEach(w -> withWorkloads.add(w.namespace()));
        Set<String> covered = new HashSet<>();
        for (NetworkPolicy p : context.cluster().policies()) {
            if (p.podSelector().selectsAll() && p.affects(direction)) {
                covered.add(p.namespace());
            }
        }
        for (Namespace ns : context.cluster().namespaces()) {
            if ((ns.declared() || withWorkloads.contains(ns.name())) && !covered.contains(ns.name())) {
                report.add(context.namespaceFinding(this, ns, "namespace " + ns.name() + " has no default-deny "
                        + direction + " policy (podSelector: {} with " + direction + " in policyTypes)"));
            }
        }
    }
}
