package dev.stockade.engine;

import java.util.List;

/**
 * The result of an analysis: every endpoint (workloads, then external ranges covering both
 * address families) and every allowed connection between two different endpoints, sorted by
 * source then destination in endpoint order. Pairs with nothing allowed are absent.
 */
public record Connectivity(
        List<Endpoint> endpoints, List<Connection> connections, AnalysisOptions options, List<String> warnings) {
    public Connectivity {
        endpoints = List.copyOf(endpoints);
        connections = List.copyOf(connections);
        warnings = List.copyOf(warnings);
    }
}
