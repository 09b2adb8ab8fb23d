package dev.stockade.engine;

import java.util.List;

/**
 * The result of an analysis: every endpoint (workloads, then external ranges covering both
 * address families, then the ingress controller when the input has routes) and every allowed
 * connection between two different endpoints, sorted by source then destination in endpoint
 * order. Pairs with nothing allowed are absent.
 *
 * @param exposures the workloads that NodePort and LoadBalancer Services (or external IPs) expose
 *     outside the cluster, in endpoint order
 */
public record Connectivity(List<Endpoint> endpoints, List<Connection> connections, AnalysisOptions options,
                           List<String> warnings, List<Exposure> exposures) {
    /**
     * A workload a Service exposes outside the cluster, and the pod ports it forwards to; which
     * external addresses may then connect is what its connections from external ranges say.
     */
    public record Exposure(Endpoint.WorkloadEndpoint workload, dev.stockade.model.Service service, PortSet ports) {}

    public Connectivity {
        endpoints = List.copyOf(endpoints);
        connections = List.copyOf(connections);
        warnings = List.copyOf(warnings);
        exposures = List.copyOf(exposures);
    }

    public Connectivity(List<Endpoint> endpoints, List<Connection> connections, AnalysisOptions options,
                        List<String> warnings) {
        this(endpoints, connections, options, warnings, List.of());
    }

    /** The exposures of one workload endpoint. */
    public List<Exposure> exposures(Endpoint e) {
        return exposures.stream().filter(x -> x.workload() == e).toList();
    }
}
