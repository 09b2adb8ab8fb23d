package dev.stockade.load;

import dev.stockade.model.Route;
import dev.stockade.model.RouteBackend;
import dev.stockade.model.RouteBackend.BackendPort;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the Service backends of a networking.k8s.io/v1 Ingress and of an OpenShift
 * route.openshift.io/v1 Route. Ingress hosts, paths and TLS are known fields, not kept; a Route's host, path
 * and TLS termination are checked ({@link OpenShiftRouteChecks}), not kept. Ingress backends
 * of {@code resource} (not a Service) are left out without a word.
 */
final class RouteReader {
    private static final int MAX_ALTERNATE_BACKENDS = 3;
    private static final int MAX_WEIGHT = 256;

    private final ObjectReader r;

    RouteReader(ObjectReader r) {
        this.r = r;
    }

    /** An Ingress, or null when it has errors (they are reported). */
    Route ingress(String namespace, String name, Node specNode, Source source) {
        List<RouteBackend> backends = new ArrayList<>();
        Fields spec = r.mapping(specNode, "spec");
        if (spec != null) {
            r.checkFields(spec, KnownFields.INGRESS_SPEC);
            r.string(spec.get("ingressClassName"), "spec.ingressClassName");
            if (!ObjectReader.isNull(spec.get("defaultBackend"))) {
                ingressBackend(spec.get("defaultBackend"), "spec.defaultBackend", namespace).ifPresent(backends::add);
            }
            List<Node> rules = r.list(spec.get("rules"), "spec.rules");
            for (int i = 0; i < rules.size(); i++) {
                Fields rule = r.mapping(rules.get(i), "spec.rules[" + i + "]");
                if (rule == null) {
                    continue;
                }
                r.checkFields(rule, KnownFields.INGRESS_RULE_HOST);
                r.string(rule.get("host"), rule.child("host"));
                Fields http = r.mapping(rule.get("http"), rule.child("http"));
                if (http == null) {
                    continue;
                }
                r.checkFields(http, KnownFields.INGRESS_HTTP);
                List<Node> paths = r.list(http.get("paths"), http.child("paths"));
                for (int k = 0; k < paths.size(); k++) {
                    Fields p = r.mapping(paths.get(k), http.child("paths") + "[" + k + "]");
                    if (p == null) {
                        continue;
                    }
                    r.checkFields(p, KnownFields.INGRESS_PATH);
                    if (ObjectReader.isNull(p.get("backend"))) {
                        r.error(p.get("backend") == null ? p.node() : p.get("backend"), p.child("backend"),
                                "is required (expected service: {name, port})");
                        continue;
                    }
                    ingressBackend(p.get("backend"), p.child("backend"), namespace).ifPresent(backends::add);
                }
            }
        }
        return r.broken() ? null : new Route("Ingress", namespace, name, List.of(), backends, source);
    }

    /** An IngressBackend: its Service, empty for a {@code resource} backend or when invalid (reported). */
    private Optional<RouteBackend> ingressBackend(Node n, String path, String namespace) {
        Fields b = r.mapping(n, path);
        if (b == null) {
            return Optional.empty();
        }
        r.checkFields(b, KnownFields.INGRESS_BACKEND);
        boolean service = !ObjectReader.isNull(b.get("service"));
        boolean resource = !ObjectReader.isNull(b.get("resource"));
        if (service && resource) {
            r.error(b.key("resource"), b.child("resource"), "may not be combined with service (expected either a"
                    + " service or a resource backend)");
            return Optional.empty();
        }
        if (resource) {
            return Optional.empty();
        }
        if (!service) {
            r.error(n, path, "must specify a backend (expected service: {name, port} or resource)");
            return Optional.empty();
        }
        Fields s = r.mapping(b.get("service"), b.child("service"));
        if (s == null) {
            return Optional.empty();
        }
        r.checkFields(s, KnownFields.INGRESS_SERVICE_BACKEND);
        String name = r.requiredString(s, "name", "the Service's name");
        if (name != null) {
            Optional<String> problem = ApiValidation.INGRESS_BACKEND_SERVICE_NAME.problem(name);
            problem.ifPresent(p -> r.error(s.get("name"), s.child("name"), p));
            name = problem.isPresent() ? null : name;
        }
        Optional<BackendPort> port = ingressPort(s);
        if (name == null || port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteBackend(namespace, name, port.get(), s.path(), r.source(s.node())));
    }

    /** {@code port.number} or {@code port.name} of an IngressServiceBackend (exactly one is required). */
    private Optional<BackendPort> ingressPort(Fields s) {
        Node n = s.get("port");
        if (ObjectReader.isNull(n)) {
            r.error(n == null ? s.node() : n, s.child("port"), "is required (expected number: 1-65535 or name: a"
                    + " port name of the Service)");
            return Optional.empty();
        }
        Fields p = r.mapping(n, s.child("port"));
        if (p == null) {
            return Optional.empty();
        }
        r.checkFields(p, KnownFields.INGRESS_SERVICE_PORT);
        boolean hasNumber = !ObjectReader.isNull(p.get("number"));
        boolean hasName = !ObjectReader.isNull(p.get("name"));
        if (hasNumber && hasName) {
            r.error(p.key("name"), p.child("name"), "may not be combined with number (expected either a port"
                    + " number or a port name)");
            return Optional.empty();
        }
        if (hasNumber) {
            Integer number = r.portNumber(p, "number", true, "");
            return number == null ? Optional.empty()
                    : Optional.of(new BackendPort(BackendPort.Kind.SERVICE_PORT, Integer.toString(number)));
        }
        if (hasName) {
            String name = r.string(p.get("name"), p.child("name"));
            if (name == null) {
                return Optional.empty();
            }
            String problem = Names.portNameProblem(name);
            if (problem != null) {
                r.error(p.get("name"), p.child("name"), problem);
                return Optional.empty();
            }
            return Optional.of(new BackendPort(BackendPort.Kind.SERVICE_PORT, name));
        }
        r.error(n, s.child("port"), "must specify a port (expected number: 1-65535 or name: a port name of the"
                + " Service)");
        return Optional.empty();
    }

    /**
     * An OpenShift Route, or null when it has errors (they are reported). Besides the backends, the host,
     * path and TLS termination are checked as the route API validates them (see {@link ApiValidation}),
     * so that a Route the API server refuses is not analysed as an entrance.
     */
    Route openShift(String namespace, String name, Node specNode, Node objectNode, Source source) {
        Fields spec = r.mapping(specNode, "spec");
        if (spec == null) {
            if (!r.broken()) {
                r.error(specNode == null ? objectNode : specNode, "spec", required("to: {kind: Service, name}"));
            }
            return null;
        }
        r.checkFields(spec, KnownFields.OPENSHIFT_ROUTE_SPEC);
        new OpenShiftRouteChecks(r).check(spec, objectNode);
        BackendPort port = openShiftPort(spec);
        List<RouteBackend> backends = new ArrayList<>();
        if (ObjectReader.isNull(spec.get("to"))) {
            r.error(spec.get("to") == null ? spec.node() : spec.get("to"), "spec.to", required("{kind: Service, name}"));
        } else {
            target(spec.get("to"), "spec.to", namespace, port).ifPresent(backends::add);
        }
        List<Node> alternates = r.list(spec.get("alternateBackends"), "spec.alternateBackends");
        if (alternates.size() > MAX_ALTERNATE_BACKENDS) {
            r.error(spec.get("alternateBackends"), "spec.alternateBackends", ApiValidation.ROUTE_ALTERNATE_BACKENDS
                    .format("count", Integer.toString(alternates.size())));
        }
        for (int i = 0; i < alternates.size(); i++) {
            target(alternates.get(i), "spec.alternateBackends[" + i + "]", namespace, port).ifPresent(backends::add);
        }
        return r.broken() || port == null ? null : new Route("Route", namespace, name, List.of(), backends, source);
    }

    /** {@code spec.port.targetPort}: {@link BackendPort#ANY} without spec.port, null when invalid (reported). */
    private BackendPort openShiftPort(Fields spec) {
        if (ObjectReader.isNull(spec.get("port"))) {
            return BackendPort.ANY;
        }
        Fields p = r.mapping(spec.get("port"), "spec.port");
        if (p == null) {
            return null;
        }
        r.checkFields(p, KnownFields.OPENSHIFT_ROUTE_PORT);
        Node n = p.get("targetPort");
        if (ObjectReader.isNull(n)) {
            r.error(n == null ? p.node() : n, p.child("targetPort"), required("a port number 1-65535 or a port name"
                    + " of the Service"));
            return null;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            String v = s.getValue();
            // a quoted number is common in Routes, and OpenShift reads it as that number
            String problem = !v.isEmpty() && v.chars().allMatch(Character::isDigit) ? null
                    : Names.servicePortNameProblem(v);
            if (problem != null) {
                r.error(n, p.child("targetPort"), problem);
                return null;
            }
            return new BackendPort(BackendPort.Kind.TARGET_PORT, v);
        }
        if (ObjectReader.isWholeNumber(n)) {
            Integer v = r.portNumber(p, "targetPort", true, "");
            return v == null ? null : new BackendPort(BackendPort.Kind.TARGET_PORT, Integer.toString(v));
        }
        r.error(n, p.child("targetPort"), "expected a port number 1-65535 or a port name, found "
                + ObjectReader.describe(n));
        return null;
    }

    /** A RouteTargetReference: its Service, empty for another kind (warned) or when invalid (reported). */
    private Optional<RouteBackend> target(Node n, String path, String namespace, BackendPort port) {
        Fields t = r.mapping(n, path);
        if (t == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected {kind: Service, name})");
            }
            return Optional.empty();
        }
        r.checkFields(t, KnownFields.OPENSHIFT_ROUTE_TARGET);
        String kind = r.string(t.get("kind"), t.child("kind"));
        String name = r.requiredString(t, "name", "the Service's name");
        Long weight = r.integer(t.get("weight"), t.child("weight"));
        if (weight != null && (weight < 0 || weight > MAX_WEIGHT)) {
            r.error(t.get("weight"), t.child("weight"), ApiValidation.ROUTE_WEIGHT.format("number", weight.toString()));
        }
        // an empty kind is defaulted to Service; any other kind is refused
        if (kind != null && !kind.isEmpty() && !kind.equals("Service")) {
            r.error(t.get("kind"), t.child("kind"), ApiValidation.ROUTE_TARGET_KIND.format("value", kind));
            return Optional.empty();
        }
        if (name == null || port == null) {
            return Optional.empty();
        }
        return Optional.of(new RouteBackend(namespace, name, port, path, r.source(n)));
    }

    private static String required(String expected) {
        return OpenShiftRouteChecks.required(expected);
    }
}
