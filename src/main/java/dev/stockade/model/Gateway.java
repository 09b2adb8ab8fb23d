package dev.stockade.model;

import java.util.List;

/**
 * A Gateway (gateway.networking.k8s.io): listeners that accept routes. A route enters through a
 * Gateway only when one of its listeners allows the route's namespace and kind.
 */
public record Gateway(String namespace, String name, String className, List<Listener> listeners, Source source) {
    public Gateway {
        className = className == null ? "" : className;
        listeners = List.copyOf(listeners);
    }

    public ObjectRef ref() {
        return new ObjectRef("Gateway", namespace, name);
    }

    /**
     * One listener: its name, port and protocol (HTTP, HTTPS, TLS, TCP, UDP), and which routes it
     * accepts ({@code allowedRoutes}).
     *
     * @param from {@code allowedRoutes.namespaces.from}: Same (the default), All or Selector
     * @param selector {@code allowedRoutes.namespaces.selector} (only with Selector)
     * @param kinds {@code allowedRoutes.kinds[].kind}; empty: the kinds its protocol supports
     *     (HTTP, HTTPS: HTTPRoute and GRPCRoute; TLS: TLSRoute; TCP: TCPRoute; UDP: UDPRoute)
     */
    public record Listener(String name, int port, String protocol, String from, LabelSelector selector,
                           List<String> kinds, Source source) {
        public Listener {
            from = from == null || from.isEmpty() ? "Same" : from;
            selector = selector == null ? LabelSelector.all() : selector;
            kinds = List.copyOf(kinds);
        }

        /** The route kinds this listener accepts. */
        public List<String> acceptedKinds() {
            if (!kinds.isEmpty()) {
                return kinds;
            }
            return switch (protocol) {
                case "HTTP", "HTTPS" -> List.of("HTTPRoute", "GRPCRoute");
                case "TLS" -> List.of("TLSRoute");
                case "TCP" -> List.of("TCPRoute");
                case "UDP" -> List.of("UDPRoute");
                default -> List.of();
            };
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
