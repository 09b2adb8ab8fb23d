package dev.stockade.diff;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.model.Cluster;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Computes {@link ConnectivityDiff}s. */
public final class Differ {
    private Differ() {}

    /**
     * Analyses both versions with the same options and compares them; every change carries
     * witness flows explained in both versions (the policies responsible, with file:line).
     */
    public static ConnectivityDiff diff(Cluster before, Cluster after, AnalysisOptions options) {
        // the two analyses are independent: run them side by side
        CompletableFuture<Connectivity> first = CompletableFuture.supplyAsync(() -> new Analyzer(options).analyze(before));
        Connectivity b = new Analyzer(options).analyze(after);
        Connectivity a;
        try {
            a = first.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Comparison c = Comparison.of(a, b);
        return build(c, new Witnesses(c, before, after, options));
    }

    /** Compares two analyses made with the same options; the changes carry no witnesses. */
    public static ConnectivityDiff compare(Connectivity before, Connectivity after) {
        return build(Comparison.of(before, after), null);
    }

    private static ConnectivityDiff build(Comparison c, Witnesses witnesses) {
        List<PairChange> changes = new ArrayList<>(c.changes.size());
        TreeSet<Integer> named = new TreeSet<>();
        for (Comparison.Change x : c.changes) {
            changes.add(new PairChange(c.endpoints.get(x.src()), c.endpoints.get(x.dst()), x.before(), x.after(),
                    witnesses == null ? List.of() : witnesses.of(x)));
            named.add(x.src());
            named.add(x.dst());
        }
        List<Endpoint> added = new ArrayList<>();
        List<Endpoint> removed = new ArrayList<>();
        for (int i = 0; i < c.workloadCount(); i++) {
            if (c.before.get(i) == null) {
                added.add(c.endpoints.get(i));
                named.add(i);
            } else if (c.after.get(i) == null) {
                removed.add(c.endpoints.get(i));
                named.add(i);
            }
        }
        List<Endpoint> endpoints = named.stream().map(c.endpoints::get).toList();
        return new ConnectivityDiff(c.options(), endpoints, changes, added, removed);
    }
}
