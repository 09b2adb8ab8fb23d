package dev.stockade.query;

import dev.stockade.engine.Endpoint;
import dev.stockade.model.Cluster;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Workloads as {@code analyze} names and orders them. */
final class Workloads {
    static final Comparator<Workload> ORDER = Comparator.comparing(Workload::namespace)
            .thenComparing(Workload::name).thenComparing(Workload::kind);

    private Workloads() {}

    /**
     * Every workload of the cluster, sorted by namespace, name and kind, with the id analyze
     * prints: {@code namespace/name}, or {@code namespace/name[Kind]} when two kinds share the name.
     */
    static List<Endpoint.WorkloadEndpoint> endpoints(Cluster cluster) {
        List<Workload> sorted = new ArrayList<>(cluster.workloads());
        sorted.sort(ORDER);
        Map<String, Integer> count = new HashMap<>();
        for (Workload w : sorted) {
            count.merge(w.toString(), 1, Integer::sum);
        }
        List<Endpoint.WorkloadEndpoint> out = new ArrayList<>(sorted.size());
        for (Workload w : sorted) {
            String id = count.get(w.toString()) > 1 ? w + "[" + w.kind() + "]" : w.toString();
            out.add(new Endpoint.WorkloadEndpoint(id, w));
        }
        return out;
    }
}
