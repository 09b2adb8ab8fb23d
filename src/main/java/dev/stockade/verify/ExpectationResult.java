package dev.stockade.verify;

import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Verdict;
import dev.stockade.model.ConnectivityExpectation;
import java.util.List;

/**
 * How one expectation fared.
 *
 * @param pairs the (source, destination) endpoint pairs the expectation covered, self pairs excluded
 * @param failing how many of them broke it
 * @param violations the first of those pairs (at most 100), in endpoint order
 * @param message one line: what held or what failed
 * @param trace the verdicts explaining the first violation (for a workload with several pods, the
 *     pod pair that decides it); empty when the expectation held or matched nothing
 */
public record ExpectationResult(ConnectivityExpectation expectation, Outcome outcome, long pairs, long failing,
                                List<Violation> violations, String message, List<Verdict> trace) {
    public ExpectationResult {
        violations = List.copyOf(violations);
        trace = List.copyOf(trace);
    }

    public enum Outcome {
        /** Every covered pair behaves as expected. */
        PASSED,
        /** Some covered pair does not. */
        FAILED,
        /** A selector matched nothing (almost always a typo), so nothing could be checked: a failure. */
        UNMATCHED
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /**
     * One pair that broke the expectation.
     *
     * @param allowed what the pair allows of the expectation's ports (empty for a broken Allow)
     * @param reason {@code blocked}, {@code allowed TCP 5432} or {@code has no TCP port named http}
     */
    public record Violation(Endpoint src, Endpoint dst, PortSet allowed, String reason) {
        /** {@code prod/web => prod/db (allowed TCP 5432)}. */
        @Override
        public String toString() {
            return src.id() + " => " + dst.id() + " (" + reason + ")";
        }
    }
}
