package dev.stockade.load;

import dev.stockade.model.Gateway;
import dev.stockade.model.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the listeners of one Gateway, in order: each listener's name, port, protocol, hostname and
 * allowed routes, and the rules of the Gateway CRD across listeners (names unique, and the
 * port/protocol/hostname combinations).
 */
final class ListenerReader {
    private static final Set<String> FROM = Set.of("Same", "All", "Selector");
    private static final int MAX_ROUTE_KINDS = 8;

    private final ObjectReader r;
    private final GatewaySchema schema;
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> combinations = new HashMap<>();

    ListenerReader(ObjectReader r) {
        this.r = r;
        this.schema = new GatewaySchema(r);
    }

    /**
     * Listener {@code index} of the Gateway, after the earlier ones (whose names and port/protocol/hostname
     * combinations it must not repeat); empty when it has errors (they are reported).
     */
    Optional<Gateway.Listener> listener(Node n, int index) {
        String path = "spec.listeners[" + index + "]";
        Fields l = r.mapping(n, path);
        if (l == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected a listener with name, port and protocol)");
            }
            return Optional.empty();
        }
        r.checkFields(l, KnownFields.LISTENER);
        String name = schema.check(ApiValidation.GATEWAY_SECTION_NAME, l, "name",
                r.requiredString(l, "name", "the listener's name"));
        Integer port = schema.port(l, "port", GatewaySchema.required("a port number 1-65535"));
        String protocol = r.requiredString(l, "protocol", "HTTP, HTTPS, TLS, TCP or UDP");
        String hostname = r.string(l.get("hostname"), l.child("hostname"));
        if (hostname != null && ("TCP".equals(protocol) || "UDP".equals(protocol)) && !hostname.isEmpty()) {
            r.error(l.get("hostname"), l.child("hostname"), ApiValidation.GATEWAY_HOSTNAME_PROTOCOL.format("protocol",
                    protocol));
        } else if (hostname != null) {
            schema.check(ApiValidation.GATEWAY_HOSTNAME, l.get("hostname"), l.child("hostname"), hostname);
        }
        String from = null;
        LabelSelector selector = null;
        List<String> kinds = new ArrayList<>();
        Fields allowed = r.mapping(l.get("allowedRoutes"), l.child("allowedRoutes"));
        if (allowed != null) {
            r.checkFields(allowed, KnownFields.ALLOWED_ROUTES);
            Fields ns = r.mapping(allowed.get("namespaces"), allowed.child("namespaces"));
            if (ns != null) {
                r.checkFields(ns, KnownFields.ROUTE_NAMESPACES);
                from = r.string(ns.get("from"), ns.child("from"));
                if (from != null && !FROM.contains(from)) {
                    r.error(ns.get("from"), ns.child("from"), ApiValidation.GATEWAY_FROM.format("value", from));
                }
                selector = SelectorReader.read(r, ns.get("selector"), ns.child("selector")).orElse(null);
                if ("Selector".equals(from) && ObjectReader.isNull(ns.get("selector"))) {
                    r.error(ns.get("selector") == null ? ns.node() : ns.get("selector"), ns.child("selector"),
                            "is required when from is Selector (expected a label selector of namespaces)");
                }
            }
            List<Node> kindNodes = r.list(allowed.get("kinds"), allowed.child("kinds"));
            schema.size(allowed, "kinds", kindNodes, 0, MAX_ROUTE_KINDS, "kinds", "");
            for (int k = 0; k < kindNodes.size(); k++) {
                String p = allowed.child("kinds") + "[" + k + "]";
                Fields gk = r.mapping(kindNodes.get(k), p);
                if (gk == null) {
                    continue;
                }
                r.checkFields(gk, KnownFields.ROUTE_GROUP_KIND);
                r.string(gk.get("group"), gk.child("group"));
                String kind = r.requiredString(gk, "kind", "a route kind such as HTTPRoute");
                if (kind != null) {
                    kinds.add(kind);
                }
            }
        }
        if (name != null) {
            Integer first = names.putIfAbsent(name, index);
            if (first != null) {
                r.error(l.get("name"), l.child("name"), ApiValidation.GATEWAY_LISTENER_NAME.format("value", name,
                        "first", "spec.listeners[" + first + "]"));
            }
        }
        if (port != null && protocol != null) {
            // a written hostname (even an empty one) differs from an absent one, as the CRD's rule compares them
            String combination = port + "/" + protocol + (hostname == null ? "" : "/" + hostname);
            Integer first = combinations.putIfAbsent(combination, index);
            if (first != null) {
                r.error(n, path, ApiValidation.GATEWAY_LISTENER_UNIQUE.format("first", "spec.listeners[" + first
                        + "]"));
            }
        }
        if (name == null || port == null || protocol == null) {
            return Optional.empty();
        }
        return Optional.of(new Gateway.Listener(name, port, protocol, from, selector, kinds, r.source(n)));
    }
}
