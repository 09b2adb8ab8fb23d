package dev.stockade.diff;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Endpoint;
import java.util.List;

/**
 * The connectivity difference between two versions, analysed with the same options.
 *
 * <p>{@code endpoints} are the endpoints the diff names, in analyze's order: workloads (by
 * namespace, name, kind; {@code ns/name[Kind]} ids when two kinds share a name in either
 * version) then external ranges. The external ranges come from the common refinement of both
 * versions' ranges, merged where adjacent pieces change identically, so within a listed range
 * every address changes the same way and neighbouring listed ranges change differently.
 * {@code changes} are sorted by source then destination in that order; a workload that exists in
 * one version only contributes its pairs as added or removed.
 */
public record ConnectivityDiff(AnalysisOptions options, List<Endpoint> endpoints, List<PairChange> changes,
                               List<Endpoint> workloadsAdded, List<Endpoint> workloadsRemoved) {
    public ConnectivityDiff {
        endpoints = List.copyOf(endpoints);
        changes = List.copyOf(changes);
        workloadsAdded = List.copyOf(workloadsAdded);
        workloadsRemoved = List.copyOf(workloadsRemoved);
    }

    public List<PairChange> added() {
        return of(PairChange.Kind.ADDED);
    }

    public List<PairChange> removed() {
        return of(PairChange.Kind.REMOVED);
    }

    public List<PairChange> changed() {
        return of(PairChange.Kind.CHANGED);
    }

    private List<PairChange> of(PairChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** No pair and no workload differs. */
    public boolean isEmpty() {
        return changes.isEmpty() && workloadsAdded.isEmpty() && workloadsRemoved.isEmpty();
    }

    /**
     * True when some pair was added or changed. A changed pair counts as both added and removed
     * (for {@code --fail-on}), even when its ports only grew or only shrank; workloads added or
     * removed without connection changes do not count.
     */
    public boolean hasAdded() {
        return changes.stream().anyMatch(c -> c.kind() != PairChange.Kind.REMOVED);
    }

    /** True when some pair was removed or changed (see {@link #hasAdded()}). */
    public boolean hasRemoved() {
        return changes.stream().anyMatch(c -> c.kind() != PairChange.Kind.ADDED);
    }
}
