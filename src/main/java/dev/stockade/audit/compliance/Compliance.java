package dev.stockade.audit.compliance;

import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a framework's controls from an audit: a control <b>fails</b> when one of its rules has an
 * active finding of severity warning or error (notes are advice and never fail a control;
 * suppressed and baselined findings do not count), <b>passes</b> when its rules ran and found
 * nothing of that weight, is <b>not checked</b> when the configuration disabled all its rules, and
 * is <b>manual</b> when no rule can judge it from manifests.
 */
public final class Compliance {
    private Compliance() {}

    public static ComplianceReport evaluate(Framework framework, AuditReport audit) {
        Set<String> ran = audit.rules().stream().map(Rule::id).collect(Collectors.toSet());
        List<ComplianceReport.Result> results = new ArrayList<>();
        for (Control c : framework.controls()) {
            List<String> ranHere = c.rules().stream().filter(ran::contains).toList();
            List<Finding> findings = audit.findings().stream()
                    .filter(f -> f.active() && ranHere.contains(f.ruleId())).toList();
            Status status;
            if (c.manualOnly()) {
                status = Status.MANUAL;
            } else if (ranHere.isEmpty()) {
                status = Status.NOT_CHECKED;
            } else if (findings.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))) {
                status = Status.FAIL;
            } else {
                status = Status.PASS;
            }
            results.add(new ComplianceReport.Result(c, status, ranHere, findings));
        }
        return new ComplianceReport(framework, results);
    }
}
