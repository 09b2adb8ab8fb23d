package dev.stockade.verify;

import dev.stockade.engine.AnalysisOptions;
import java.util.List;

/**
 * The outcome of checking an expectations file: one suite per {@code ConnectivityExpectations}
 * object, in file order.
 *
 * @param file the expectations file as given on the command line
 */
public record VerifyReport(String file, List<Suite> suites, AnalysisOptions options) {
    public VerifyReport {
        suites = List.copyOf(suites);
    }

    /** The results of one {@code ConnectivityExpectations} object, named by its {@code metadata.name}. */
    public record Suite(String name, List<ExpectationResult> results) {
        public Suite {
            results = List.copyOf(results);
        }

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }
    }

    public List<ExpectationResult> results() {
        return suites.stream().flatMap(s -> s.results().stream()).toList();
    }

    public int total() {
        return suites.stream().mapToInt(s -> s.results().size()).sum();
    }

    public long failed() {
        return suites.stream().mapToLong(Suite::failed).sum();
    }

    public long passed() {
        return total() - failed();
    }

    /** {@code 12 expectations: 11 passed, 1 failed}. */
    public String summary() {
        return total() + " expectation" + (total() == 1 ? "" : "s") + ": " + passed() + " passed, " + failed() + " failed";
    }
}
