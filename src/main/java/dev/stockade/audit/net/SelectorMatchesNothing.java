package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.query.SelectsNothing;
import java.util.List;

/**
 * Shared check of NET006 (a policy's podSelector) and NET007 (a rule's peer), by
 * {@code query selects-nothing}: a selector that matches no pod of the input. A note by default
 * (the pods may simply not be in the input); a warning when the selector is one edit away from a
 * label in use (the "did you mean" hints): that is almost always a typo that leaves the intended
 * isolation or allowance off.
 */
abstract class SelectorMatchesNothing extends Rule {
    private final boolean policySelector;

    SelectorMatchesNothing(String id, String title, boolean policySelector, String description, String fix) {
        super(id, title, Severity.NOTE, List.of(Checklist.MICRO_SEGMENT), description,
                "Fix the labels (or the namespace) so the selector matches the pods it is meant for, or delete it.",
                fix);
        this.policySelector = policySelector;
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (SelectsNothing.Finding f : context.selectsNothing().findings()) {
            boolean isPolicy = f.path().equals("spec.podSelector");
            if (isPolicy != policySelector) {
                continue;
            }
            String hints = f.hints().isEmpty() ? "" : " (" + String.join("; ", f.hints()) + ")";
            FieldPath path = FieldPath.parse(f.path());
            Finding finding = context.finding(this, f.policy().ref(), path, f.source(), f.selector() + " "
                    + f.problem() + hints, "");
            report.add(f.hints().isEmpty() ? finding : finding.withSeverity(Severity.WARNING));
        }
    }
}
