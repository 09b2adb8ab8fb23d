package dev.stockade.load;

import dev.stockade.model.Cluster;
import java.util.List;
import java.util.Map;

/**
 * What loading produced: the cluster built from every usable object, all diagnostics, and the
 * kinds that were skipped as not relevant (with counts).
 */
public record LoadResult(Cluster cluster, List<Diagnostic> diagnostics, Map<String, Integer> skippedKinds,
                         int files, int objects) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        skippedKinds = Map.copyOf(skippedKinds);
    }

    /** True when some input was unusable (the exit code is then 2). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
