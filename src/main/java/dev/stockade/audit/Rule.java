package dev.stockade.audit;

import java.util.List;

/**
 * One audit rule with its metadata: a stable id ({@code NET001}), a title, a default severity,
 * the sections of the security checklist (seed 001) it enforces, a description, and a
 * remediation with a YAML fix. Subclasses implement {@link #check} and report through the context.
 */
public abstract class Rule {
    private final String id;
    private final String title;
    private final Severity severity;
    private final List<String> checklist;
    private final String description;
    private final String remediation;
    private final String fix;

    protected Rule(String id, String title, Severity severity, List<String> checklist, String description,
                   String remediation, String fix) {
        if (id == null || !id.matches("[A-Z]+[0-9]{3}")) {
            throw new IllegalArgumentException("rule id must look like NET001: " + id);
        }
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.checklist = List.copyOf(checklist);
        this.description = description;
        this.remediation = remediation;
        this.fix = fix;
    }

    /**
     * The settings this rule reads with {@link AuditContext#option}; none by default. Each can be
     * set per rule in the configuration file ({@code rules: {ID: {name: [values]}}}).
     */
    public List<RuleOption> options() {
        return List.of();
    }

    /** Reports this rule's findings through {@code context}. */
    public abstract void check(AuditContext context, Report report);

    /** Where a rule reports: {@link AuditContext#finding} binds the rule for it. */
    public interface Report {
        void add(Finding finding);
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    public final Severity severity() {
        return severity;
    }

    /** Section names of the checklist (seed 001), e.g. {@code 2. Network Security}. */
    public final List<String> checklist() {
        return checklist;
    }

    public final String description() {
        return description;
    }

    public final String remediation() {
        return remediation;
    }

    /** A YAML snippet that fixes the problem. */
    public final String fix() {
        return fix;
    }

    @Override
    public final String toString() {
        return id;
    }
}
