package dev.stockade.model;

/**
 * One Service a route sends to, and which of its ports.
 *
 * @param namespace the Service's namespace (the route's, unless a Gateway API backendRef names another)
 * @param path where the backend is written, e.g. {@code spec.rules[0].http.paths[1].backend}
 */
public record RouteBackend(String namespace, String service, BackendPort port, String path, Source source) {
    /**
     * Which ports of the Service a backend names.
     * <ul>
     *   <li>{@code SERVICE_PORT}: a Service port by number or name (Ingress {@code port.number|name},
     *       Gateway API {@code backendRefs[].port});</li>
     *   <li>{@code TARGET_PORT}: OpenShift {@code spec.port.targetPort}, a number on the pods or the
     *       name of a Service port;</li>
     *   <li>{@code ANY}: every port of the Service (an OpenShift Route without {@code spec.port}).</li>
     * </ul>
     */
    public record BackendPort(Kind kind, String value) {
        public enum Kind { SERVICE_PORT, TARGET_PORT, ANY }

        public static final BackendPort ANY = new BackendPort(Kind.ANY, "");

        public BackendPort {
            value = value == null ? "" : value;
        }

        public boolean numeric() {
            return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
        }

        @Override
        public String toString() {
            return kind == Kind.ANY ? "every port" : (kind == Kind.TARGET_PORT ? "target port " : "port ") + value;
        }
    }

    @Override
    public String toString() {
        return "Service " + namespace + "/" + service + " " + port;
    }
}
