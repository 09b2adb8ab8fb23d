package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.NetworkPolicy;
import java.util.List;

/**
 * NET015: a NetworkPolicy without {@code spec.policyTypes}. The API then defaults it to Ingress,
 * plus Egress only when {@code spec.egress} is non-empty — so {@code egress: []} meant as
 * "deny all egress" denies nothing. Read from the policy as written (the model holds the
 * defaulted types only).
 */
public final class ImplicitPolicyTypes extends Rule {
    public ImplicitPolicyTypes() {
        super("NET015", "Policy without explicit policyTypes", Severity.NOTE, List.of(Checklist.DEFAULT_DENY),
                "The policy has no policyTypes, so the API infers them: Ingress, plus Egress only when the egress"
                        + " list is non-empty. An empty egress list then isolates nothing.",
                "State the directions the policy isolates.", """
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (NetworkPolicy p : context.cluster().policies()) {
            RawObject raw = context.raw(p.ref()).orElse(null);
            if (raw == null || raw.at("spec.policyTypes").isPresent()) {
                continue;
            }
            report.add(context.finding(this, p.ref(), FieldPath.parse("spec"), p.source(),
                    "no policyTypes: the API infers " + p.policyTypes().stream().map(Object::toString).sorted().toList()
                            + (raw.at("spec.egress").isPresent() && !p.affectsEgress()
                            ? " (the empty egress list does not isolate egress)" : ""), ""));
        }
    }
}
