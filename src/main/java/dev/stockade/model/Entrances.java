package dev.stockade.model;

import java.util.List;

/**
 * How traffic finds the workloads: Services, the routes of the ingress controller (Ingress,
 * OpenShift Route, Gateway API routes), Gateways and ReferenceGrants.
 */
public record Entrances(List<Service> services, List<Route> routes, List<Gateway> gateways,
                        List<ReferenceGrant> referenceGrants) {
    public static final Entrances NONE = new Entrances(List.of(), List.of(), List.of(), List.of());

    public Entrances {
        services = List.copyOf(services);
        routes = List.copyOf(routes);
        gateways = List.copyOf(gateways);
        referenceGrants = List.copyOf(referenceGrants);
    }

    public boolean isEmpty() {
        return services.isEmpty() && routes.isEmpty() && gateways.isEmpty() && referenceGrants.isEmpty();
    }
}
