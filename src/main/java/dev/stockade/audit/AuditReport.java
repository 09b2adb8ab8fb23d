package dev.stockade.audit;

import java.util.List;
import java.util.Map;

/**
 * An audit's outcome: the rules that ran and every finding (suppressed and baselined ones
 * included, marked), most severe first, then by namespace, object, file and line.
 *
 * @param ruleNanos how long each rule took, by id (for {@code audit -v}); empty when not measured
 */
public record AuditReport(List<Rule> rules, List<Finding> findings, Map<String, Long> ruleNanos) {
    public AuditReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        ruleNanos = Map.copyOf(ruleNanos);
    }

    public AuditReport(List<Rule> rules, List<Finding> findings) {
        this(rules, findings, Map.of());
    }

    /** The same rules with only the findings of namespace {@code ns} ({@code audit -n}). */
    public AuditReport inNamespace(String ns) {
        return new AuditReport(rules, findings.stream().filter(f -> f.namespace().equals(ns)).toList(), ruleNanos);
    }

    /** Active findings (not suppressed, not in the baseline) of at least {@code threshold}. */
    public long failing(Severity threshold) {
        return findings.stream().filter(f -> f.active() && f.severity().atLeast(threshold)).count();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.active() && f.severity() == s).count();
    }

    public long suppressed() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    public long baselined() {
        return findings.stream().filter(f -> !f.suppressed() && f.baselined()).count();
    }
}
