package dev.stockade.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the enabled rules and applies severities, suppressions and the baseline. A finding is
 * suppressed by the annotation on its object, or, when it is about a workload reached through
 * another object (a policy's rule, a Service), on that workload too.
 */
public final class Auditor {
    /** Most severe first, then namespace, workload, object, file, line, column, rule and message. */
    static final Comparator<Finding> ORDER = Auditor::compare;

    /** {@link #ORDER} written out: sorting a large audit's findings compares millions of pairs. */
    private static int compare(Finding a, Finding b) {
        int c = a.severity().compareTo(b.severity());
        if (c == 0) {
            c = a.object().namespace().compareTo(b.object().namespace());
        }
        if (c == 0) {
            c = a.workload().compareTo(b.workload());
        }
        if (c == 0) {
            c = a.object().kind().compareTo(b.object().kind());
        }
        if (c == 0) {
            c = a.object().name().compareTo(b.object().name());
        }
        if (c == 0) {
            c = a.source().file().compareTo(b.source().file());
        }
        if (c == 0) {
            c = Integer.compare(a.source().line(), b.source().line());
        }
        if (c == 0) {
            c = Integer.compare(a.source().column(), b.source().column());
        }
        if (c == 0) {
            c = a.ruleId().compareTo(b.ruleId());
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    }

    private Auditor() {}

    /**
     * Runs {@code rules} as the context's configuration says (enabled, severity, options). Rules
     * are independent, so they run in parallel; their findings are then processed in rule order,
     * so the report does not depend on scheduling.
     */
    public static AuditReport run(AuditContext context, List<Rule> rules, AuditBaseline baseline) {
        AuditConfig config = context.config();
        List<Rule> ran = rules.stream().filter(config::enabled).toList();
        List<Outcome> outcomes = ran.parallelStream().map(rule -> {
            List<Finding> found = new ArrayList<>();
            long start = System.nanoTime();
            rule.check(context, found::add);
            return new Outcome(rule, found, System.nanoTime() - start);
        }).toList();
        List<Finding> out = new ArrayList<>();
        Map<String, Long> nanos = new HashMap<>();
        // the objects that carry a suppression annotation at all (usually few): the others are not asked
        Set<dev.stockade.manifest.RawObject> annotated = Collections.newSetFromMap(new IdentityHashMap<>());
        for (dev.stockade.manifest.RawObject o : context.manifests()) {
            if (Suppressions.annotated(o)) {
                annotated.add(o);
            }
        }
        for (Outcome o : outcomes) {
            nanos.put(o.rule().id(), o.nanos());
            // a configured severity applies to every finding; else a finding keeps its own (a rule may
            // report a lesser case below its default, e.g. REACH005's undeclared port numbers)
            Optional<Severity> override = config.override(o.rule());
            for (Finding f : o.findings()) {
                Finding g = override.map(f::withSeverity).orElse(f);
                String reason = annotated.isEmpty() ? null
                        : context.raw(f.object()).filter(annotated::contains)
                                .flatMap(x -> Suppressions.reason(x, f.ruleId()))
                                .or(() -> f.workload().isEmpty() ? Optional.empty()
                                        : context.workloadObject(f.workload()).filter(annotated::contains)
                                                .flatMap(x -> Suppressions.reason(x, f.ruleId())))
                                .orElse(null);
                if (reason != null) {
                    g = g.suppressedBecause(reason);
                }
                if (baseline.contains(g)) {
                    g = g.inBaseline();
                }
                out.add(g);
            }
        }
        // both cores sort (stable, like List.sort: equal findings keep rule order)
        Finding[] sorted = out.toArray(Finding[]::new);
        Arrays.parallelSort(sorted, ORDER);
        return new AuditReport(ran, List.of(sorted), nanos);
    }

    /** What one rule found, and how long it took. */
    private record Outcome(Rule rule, List<Finding> findings, long nanos) {}

    public static AuditReport run(AuditContext context) {
        return run(context, Catalogue.rules(), AuditBaseline.EMPTY);
    }
}
