package dev.stockade.model;

import java.util.List;

/**
 * A way into the cluster through its ingress controller: an Ingress (networking.k8s.io/v1), an
 * OpenShift Route (route.openshift.io/v1), or a Gateway API route (HTTPRoute, GRPCRoute,
 * TLSRoute, TCPRoute, UDPRoute) attached to Gateways by {@code parentRefs}. The controller sends
 * what arrives to the route's backend Services.
 *
 * @param kind the object's kind
 * @param parents the Gateways a Gateway API route names (empty for Ingress and OpenShift Route)
 * @param backends every Service backend, in written order
 */
public record Route(String kind, String namespace, String name, List<ParentRef> parents,
                    List<RouteBackend> backends, Source source) {
    public Route {
        parents = List.copyOf(parents);
        backends = List.copyOf(backends);
    }

    public ObjectRef ref() {
        return new ObjectRef(kind, namespace, name);
    }

    /** Whether it is a Gateway API route (it enters only through the Gateways that accept it). */
    public boolean gatewayApi() {
        return !kind.equals("Ingress") && !kind.equals("Route");
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
