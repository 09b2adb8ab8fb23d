package dev.stockade.load;

import dev.stockade.model.Cluster;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What loading produced: the cluster built from every usable object, all diagnostics, and the
 * kinds that were skipped as not relevant (with counts, sorted by kind so output is stable).
 */
public record LoadResult(Cluster cluster, List<Diagnostic> diagnostics, Map<String, Integer> skippedKinds,
                         int files, int objects) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        skippedKinds = Collections.unmodifiableMap(new TreeMap<>(skippedKinds));
    }

    /** True when some input was unusable (the exit code is then 2). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
