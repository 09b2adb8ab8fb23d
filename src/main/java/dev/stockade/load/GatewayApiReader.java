package dev.stockade.load;

import dev.stockade.model.Gateway;
import dev.stockade.model.ParentRef;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.RouteBackend.BackendPort;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads Gateway API objects (gateway.networking.k8s.io): Gateways (their listeners and which
 * routes they allow), the routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute: their
 * parent Gateways and Service backends) and ReferenceGrants. Matches, filters, hostnames, TLS
 * and the like are known fields, not kept; what the CRDs' schemas and CEL rules refuse among the
 * fields read (and hostnames, and a redirect beside backends) is refused (see {@link ApiValidation}).
 */
final class GatewayApiReader {
    static final String GROUP = "gateway.networking.k8s.io";
    private static final int MAX_LISTENERS = 64;
    private static final int MAX_PARENT_REFS = 32;
    private static final int MAX_HOSTNAMES = 16;
    private static final int MAX_RULES = 16;
    private static final int MAX_BACKEND_REFS = 16;
    private static final int MAX_GRANT_ENTRIES = 16;
    private static final long MAX_WEIGHT = 1_000_000;

    private final ObjectReader r;
    private final GatewaySchema schema;

    GatewayApiReader(ObjectReader r) {
        this.r = r;
        this.schema = new GatewaySchema(r);
    }

    /** A Gateway, or null when it has errors (they are reported). */
    Gateway gateway(String namespace, String name, Node specNode, Node objectNode, Source source) {
        Fields spec = required(specNode, objectNode, "gatewayClassName and listeners");
        if (spec == null) {
            return null;
        }
        r.checkFields(spec, KnownFields.GATEWAY_SPEC);
        String className = r.requiredString(spec, "gatewayClassName", "the name of a GatewayClass");
        List<Gateway.Listener> listeners = new ArrayList<>();
        String expected = "at least one listener with name, port and protocol";
        if (ObjectReader.isNull(spec.get("listeners"))) {
            r.error(spec.get("listeners") == null ? spec.node() : spec.get("listeners"), "spec.listeners",
                    GatewaySchema.required(expected));
        }
        List<Node> items = r.list(spec.get("listeners"), "spec.listeners");
        schema.size(spec, "listeners", items, 1, MAX_LISTENERS, "listeners", expected);
        ListenerReader reader = new ListenerReader(r);
        for (int i = 0; i < items.size(); i++) {
            reader.listener(items.get(i), i).ifPresent(listeners::add);
        }
        return r.broken() ? null : new Gateway(namespace, name, className, listeners, source);
    }

    /** A Gateway API route of {@code kind}, or null when it has errors (they are reported). */
    Route route(String kind, String namespace, String name, Node specNode, Node objectNode, Source source) {
        Fields spec = required(specNode, objectNode, "parentRefs and rules");
        if (spec == null) {
            return null;
        }
        r.checkFields(spec, KnownFields.gatewayRouteSpec(kind));
        List<ParentRef> parents = new ArrayList<>();
        List<Node> refs = r.list(spec.get("parentRefs"), "spec.parentRefs");
        schema.size(spec, "parentRefs", refs, 0, MAX_PARENT_REFS, "parentRefs", "");
        for (int i = 0; i < refs.size(); i++) {
            parent(refs.get(i), "spec.parentRefs[" + i + "]", namespace).ifPresent(parents::add);
        }
        new ParentRefRules(r).check(refs);
        if (KnownFields.gatewayRouteSpec(kind).contains("hostnames")) {
            List<Node> hostnames = r.list(spec.get("hostnames"), "spec.hostnames");
            schema.size(spec, "hostnames", hostnames, 0, MAX_HOSTNAMES, "hostnames", "");
            for (int i = 0; i < hostnames.size(); i++) {
                String path = "spec.hostnames[" + i + "]";
                schema.check(ApiValidation.GATEWAY_HOSTNAME, hostnames.get(i), path, r.string(hostnames.get(i), path));
            }
        }
        // TCPRoute, UDPRoute and TLSRoute forward to their backends only: rules and backends are required
        boolean layer4 = kind.equals("TCPRoute") || kind.equals("UDPRoute") || kind.equals("TLSRoute");
        List<RouteBackend> backends = new ArrayList<>();
        if (layer4 && ObjectReader.isNull(spec.get("rules"))) {
            r.error(spec.get("rules") == null ? spec.node() : spec.get("rules"), "spec.rules",
                    GatewaySchema.required("at least one rule with backendRefs"));
        }
        List<Node> rules = r.list(spec.get("rules"), "spec.rules");
        schema.size(spec, "rules", rules, layer4 ? 1 : 0, MAX_RULES, "rules", "at least one rule with backendRefs");
        for (int i = 0; i < rules.size(); i++) {
            String path = "spec.rules[" + i + "]";
            Fields rule = r.mapping(rules.get(i), path);
            if (rule == null) {
                continue;
            }
            r.checkFields(rule, KnownFields.gatewayRouteRule(kind));
            List<Node> items = r.list(rule.get("backendRefs"), rule.child("backendRefs"));
            schema.size(rule, "backendRefs", items, layer4 ? 1 : 0, MAX_BACKEND_REFS, "backendRefs",
                    "at least one backendRef");
            if (kind.equals("HTTPRoute") && !items.isEmpty()) {
                redirects(rule);
            }
            for (int k = 0; k < items.size(); k++) {
                backendRef(kind, items.get(k), rule.child("backendRefs") + "[" + k + "]", namespace)
                        .ifPresent(backends::add);
            }
        }
        return r.broken() ? null : new Route(kind, namespace, name, parents, backends, source);
    }

    private Optional<ParentRef> parent(Node n, String path, String namespace) {
        Fields p = r.mapping(n, path);
        if (p == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected a parentRef with the name of a Gateway)");
            }
            return Optional.empty();
        }
        r.checkFields(p, KnownFields.PARENT_REFERENCE);
        String group = p.has("group") ? Optional.ofNullable(r.string(p.get("group"), p.child("group"))).orElse("")
                : GROUP;
        String kind = Optional.ofNullable(r.string(p.get("kind"), p.child("kind"))).orElse("Gateway");
        String name = schema.check(ApiValidation.GATEWAY_OBJECT_NAME, p, "name", r.requiredString(p, "name",
                "the Gateway's name"));
        String ns = schema.check(ApiValidation.GATEWAY_NAMESPACE, p, "namespace",
                r.string(p.get("namespace"), p.child("namespace")));
        String section = schema.check(ApiValidation.GATEWAY_SECTION_NAME, p, "sectionName",
                r.string(p.get("sectionName"), p.child("sectionName")));
        Integer port = schema.port(p, "port", null);
        if (!group.equals(GROUP) || !kind.equals("Gateway")) {
            r.warning(p.has("kind") ? p.get("kind") : p.get("group"), p.child(p.has("kind") ? "kind" : "group"), "parent " + Quote.plain((group.isEmpty() ? ""
                    : group + "/") + kind) + " is not a Gateway (a mesh route, or another implementation's parent);"
                    + " the parentRef is skipped");
            return Optional.empty();
        }
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new ParentRef(ns == null || ns.isEmpty() ? namespace : ns, name, section,
                port == null ? 0 : port, r.source(n)));
    }

    private Optional<RouteBackend> backendRef(String kind, Node n, String path, String namespace) {
        Fields b = r.mapping(n, path);
        if (b == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected a backendRef with the name and port of a Service)");
            }
            return Optional.empty();
        }
        r.checkFields(b, KnownFields.gatewayBackendRef(kind));
        String group = Optional.ofNullable(r.string(b.get("group"), b.child("group"))).orElse("");
        String refKind = Optional.ofNullable(r.string(b.get("kind"), b.child("kind"))).orElse("Service");
        Long weight = r.integer(b.get("weight"), b.child("weight"));
        if (weight != null && (weight < 0 || weight > MAX_WEIGHT)) {
            r.error(b.get("weight"), b.child("weight"), ApiValidation.GATEWAY_WEIGHT.format("number",
                    weight.toString()));
        }
        if (!group.isEmpty() || !refKind.equals("Service")) {
            r.warning(b.has("kind") ? b.get("kind") : b.get("group"), b.child(b.has("kind") ? "kind" : "group"),
                    "backend " + Quote.plain((group.isEmpty() ? "" : group + "/") + refKind) + " is not a Service (expected"
                            + " Service); the backendRef is skipped");
            return Optional.empty();
        }
        String name = schema.check(ApiValidation.GATEWAY_OBJECT_NAME, b, "name", r.requiredString(b, "name",
                "the Service's name"));
        String ns = schema.check(ApiValidation.GATEWAY_NAMESPACE, b, "namespace",
                r.string(b.get("namespace"), b.child("namespace")));
        Integer port = schema.port(b, "port", ApiValidation.GATEWAY_SERVICE_PORT.format());
        if (name == null || port == null) {
            return Optional.empty();
        }
        return Optional.of(new RouteBackend(ns == null || ns.isEmpty() ? namespace : ns, name,
                new BackendPort(BackendPort.Kind.SERVICE_PORT, Integer.toString(port)), path, r.source(n)));
    }

    /** A ReferenceGrant, or null when it has errors (they are reported). */
    ReferenceGrant referenceGrant(String namespace, String name, Node specNode, Node objectNode, Source source) {
        Fields spec = required(specNode, objectNode, "from and to");
        if (spec == null) {
            return null;
        }
        r.checkFields(spec, KnownFields.REFERENCE_GRANT_SPEC);
        List<ReferenceGrant.From> from = new ArrayList<>();
        for (Fields f : entries(spec, "from", "{group, kind, namespace}")) {
            r.checkFields(f, KnownFields.REFERENCE_GRANT_FROM);
            String group = present(f, "group", "an API group, e.g. " + GROUP);
            String kind = r.requiredString(f, "kind", "a kind such as HTTPRoute");
            String ns = schema.check(ApiValidation.GATEWAY_NAMESPACE, f, "namespace",
                    r.requiredString(f, "namespace", "the namespace of the routes"));
            if (group != null && kind != null && ns != null) {
                from.add(new ReferenceGrant.From(group, kind, ns));
            }
        }
        List<ReferenceGrant.To> to = new ArrayList<>();
        for (Fields f : entries(spec, "to", "{group, kind, name}")) {
            r.checkFields(f, KnownFields.REFERENCE_GRANT_TO);
            String group = present(f, "group", "an API group, \"\" for Service");
            String kind = r.requiredString(f, "kind", "a kind such as Service");
            String target = schema.check(ApiValidation.GATEWAY_OBJECT_NAME, f, "name", r.string(f.get("name"),
                    f.child("name")));
            if (group != null && kind != null) {
                to.add(new ReferenceGrant.To(group, kind, target));
            }
        }
        return r.broken() ? null : new ReferenceGrant(namespace, name, from, to, source);
    }

    /** The RequestRedirect filters of an HTTPRoute rule that has backends: each is refused. */
    private void redirects(Fields rule) {
        List<Node> filters = r.list(rule.get("filters"), rule.child("filters"));
        for (int i = 0; i < filters.size(); i++) {
            String path = rule.child("filters") + "[" + i + "]";
            Fields f = r.mapping(filters.get(i), path);
            if (f != null && (!ObjectReader.isNull(f.get("requestRedirect"))
                    || f.get("type") instanceof org.snakeyaml.engine.v2.nodes.ScalarNode t
                    && t.getValue().equals("RequestRedirect"))) {
                r.error(filters.get(i), path, ApiValidation.GATEWAY_REDIRECT_BACKENDS.format());
            }
        }
    }

    /** The mappings of the list {@code spec.field}, which is required and not empty. */
    private List<Fields> entries(Fields spec, String field, String expected) {
        List<Fields> out = new ArrayList<>();
        Node n = spec.get(field);
        List<Node> items = r.list(n, spec.child(field));
        if (ObjectReader.isNull(n)) {
            r.error(n == null ? spec.node() : n, spec.child(field), GatewaySchema.required("a list of " + expected));
        }
        schema.size(spec, field, items, 1, MAX_GRANT_ENTRIES, "entries", "a list of " + expected);
        for (int i = 0; i < items.size(); i++) {
            Fields f = r.mapping(items.get(i), spec.child(field) + "[" + i + "]");
            if (f != null) {
                out.add(f);
            } else if (ObjectReader.isNull(items.get(i))) {
                r.error(items.get(i), spec.child(field) + "[" + i + "]", "is empty (expected " + expected + ")");
            }
        }
        return out;
    }

    /** A string field that must be written but may be empty (an API group: "" is the core group). */
    private String present(Fields f, String field, String expected) {
        Node n = f.get(field);
        if (n == null) {
            r.error(f.node(), f.child(field), GatewaySchema.required(expected));
            return null;
        }
        return ObjectReader.isNull(n) ? "" : r.string(n, f.child(field));
    }

    /** The spec mapping, which is required; null when absent (reported) or not a mapping (reported). */
    private Fields required(Node specNode, Node objectNode, String expected) {
        Fields spec = r.mapping(specNode, "spec");
        if (spec == null && !r.broken()) {
            r.error(specNode == null ? objectNode : specNode, "spec", GatewaySchema.required(expected));
        }
        return spec;
    }
}
