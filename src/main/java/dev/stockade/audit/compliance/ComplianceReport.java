package dev.stockade.audit.compliance;

import dev.stockade.audit.Finding;
import java.util.List;

/** A framework's controls with their status and the active findings behind each. */
public record ComplianceReport(Framework framework, List<Result> results) {
    public ComplianceReport {
        results = List.copyOf(results);
    }

    /**
     * One control's outcome.
     *
     * @param findings the active findings (not suppressed, not in the baseline) of its rules, most severe first
     * @param ran      the control's rules that ran (the configuration may disable some)
     */
    public record Result(Control control, Status status, List<String> ran, List<Finding> findings) {
        public Result {
            ran = List.copyOf(ran);
            findings = List.copyOf(findings);
        }
    }

    public long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** Whether some control fails. */
    public boolean failing() {
        return count(Status.FAIL) > 0;
    }
}
