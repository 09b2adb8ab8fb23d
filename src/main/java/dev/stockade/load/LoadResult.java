package dev.stockade.load;

import dev.stockade.manifest.RawObject;
import dev.stockade.model.Cluster;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What loading produced: the cluster built from every usable object, all diagnostics, and the
 * kinds that were skipped as not relevant (with counts, sorted by kind so output is stable), and
 * every object with a kind and a name as written ({@code manifests}: any kind, with positions, for
 * audit; empty unless the loader was asked to keep them).
 */
public record LoadResult(Cluster cluster, List<Diagnostic> diagnostics, Map<String, Integer> skippedKinds,
                         int files, int objects, List<RawObject> manifests) {
    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        manifests = List.copyOf(manifests);
        skippedKinds = Collections.unmodifiableMap(new TreeMap<>(skippedKinds));
    }

    /** A result without the objects as written (their positions belong to other files). */
    public LoadResult(Cluster cluster, List<Diagnostic> diagnostics, Map<String, Integer> skippedKinds, int files,
                      int objects) {
        this(cluster, diagnostics, skippedKinds, files, objects, List.of());
    }

    /** True when some input was unusable (the exit code is then 2). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
