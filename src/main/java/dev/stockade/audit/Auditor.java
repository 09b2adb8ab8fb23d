package dev.stockade.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the enabled rules and applies severities, suppressions and the baseline. A finding is
 * suppressed by the annotation on its object, or, when it is about a workload reached through
 * another object (a policy's rule, a Service), on that workload too.
 */
public final class Auditor {
    /** Most severe first, then namespace, object, workload, file, line, column and rule. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.object().namespace()).thenComparing(f -> f.workload())
            .thenComparing(f -> f.object().kind()).thenComparing(f -> f.object().name())
            .thenComparing(f -> f.source().file()).thenComparingInt(f -> f.source().line())
            .thenComparingInt(f -> f.source().column()).thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private Auditor() {}

    /** Runs {@code rules} as the context's configuration says (enabled, severity, options). */
    public static AuditReport run(AuditContext context, List<Rule> rules, AuditBaseline baseline) {
        AuditConfig config = context.config();
        List<Rule> ran = new ArrayList<>();
        List<Finding> out = new ArrayList<>();
        java.util.Map<String, Long> nanos = new java.util.HashMap<>();
        for (Rule rule : rules) {
            if (!config.enabled(rule)) {
                continue;
            }
            long start = System.nanoTime();
            ran.add(rule);
            // a configured severity applies to every finding; else a finding keeps its own (a rule may
            // report a lesser case below its default, e.g. REACH005's undeclared port numbers)
            Severity severity = config.severities().get(rule.id());
            rule.check(context, f -> {
                Finding g = severity == null ? f : f.withSeverity(severity);
                String reason = context.raw(f.object()).flatMap(o -> Suppressions.reason(o, f.ruleId()))
                        .or(() -> f.workload().isEmpty() ? java.util.Optional.empty()
                                : context.workloadObject(f.workload()).flatMap(o -> Suppressions.reason(o, f.ruleId())))
                        .orElse(null);
                if (reason != null) {
                    g = g.suppressedBecause(reason);
                }
                if (baseline.contains(g)) {
                    g = g.inBaseline();
                }
                out.add(g);
            });
            nanos.put(rule.id(), System.nanoTime() - start);
        }
        out.sort(ORDER);
        return new AuditReport(ran, out, nanos);
    }

    public static AuditReport run(AuditContext context) {
        return run(context, Catalogue.rules(), AuditBaseline.EMPTY);
    }
}
