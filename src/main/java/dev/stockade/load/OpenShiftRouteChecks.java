package dev.stockade.load;

import java.util.Arrays;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The route API's checks of an OpenShift Route's fields that Stockade does not model: host, wildcard
 * policy, path and TLS termination (openshift library-go route validation). A Route the API server
 * refuses for them is refused here too, so that it is not analysed as an entrance.
 */
final class OpenShiftRouteChecks {
    private static final String NON_DNS_HOST = "route.openshift.io/allow-non-dns-compliant-host";
    private static final Set<String> TLS = Set.of("termination", "certificate", "key", "caCertificate",
            "destinationCACertificate", "insecureEdgeTerminationPolicy", "externalCertificate");
    private static final Set<String> TERMINATIONS = Set.of("edge", "passthrough", "reencrypt");

    private final ObjectReader r;

    OpenShiftRouteChecks(ObjectReader r) {
        this.r = r;
    }

    /** Reports what the route API refuses in {@code spec} (the Route is {@code objectNode}). */
    void check(Fields spec, Node objectNode) {
        host(spec, objectNode);
        wildcardPolicy(spec);
        path(spec, termination(spec));
    }

    /**
     * {@code spec.host}, when written: a DNS-1123 subdomain whose parts are DNS-1123 labels (at most 63
     * characters); the annotation {@value #NON_DNS_HOST}{@code : "true"} waives the part check.
     */
    private void host(Fields spec, Node objectNode) {
        String host = r.string(spec.get("host"), "spec.host");
        if (host == null || host.isEmpty()) {
            return;
        }
        boolean valid = Names.isDnsSubdomain(host) && ("true".equals(annotation(objectNode, NON_DNS_HOST))
                || Arrays.stream(host.split("\\.", -1)).allMatch(Names::isDnsLabel));
        if (!valid) {
            r.error(spec.get("host"), "spec.host", ApiValidation.ROUTE_HOST.format("value", host));
        }
    }

    /** {@code spec.wildcardPolicy}, when written: None or Subdomain, and Subdomain needs a host. */
    private void wildcardPolicy(Fields spec) {
        String policy = r.string(spec.get("wildcardPolicy"), "spec.wildcardPolicy");
        if (policy == null || policy.isEmpty()) {
            return;
        }
        if (!policy.equals("None") && !policy.equals("Subdomain")) {
            r.error(spec.get("wildcardPolicy"), "spec.wildcardPolicy", ApiValidation.ROUTE_WILDCARD_POLICY.format(
                    "value", policy));
        } else if (policy.equals("Subdomain") && (!(spec.get("host") instanceof ScalarNode h)
                || h.getValue().isEmpty() || ObjectReader.isNull(h))) {
            r.error(spec.node(), "spec.host", required("a host name: wildcardPolicy Subdomain serves the host's"
                    + " domain"));
        }
    }

    /** {@code spec.path}, when written: starts with '/', no '#' or space, and no path with passthrough. */
    private void path(Fields spec, String termination) {
        String path = r.string(spec.get("path"), "spec.path");
        if (path == null || path.isEmpty()) {
            return;
        }
        if (!path.startsWith("/") || path.indexOf('#') >= 0 || path.indexOf(' ') >= 0) {
            r.error(spec.get("path"), "spec.path", ApiValidation.ROUTE_PATH.format("value", path));
        }
        if ("passthrough".equals(termination)) {
            r.error(spec.get("path"), "spec.path", ApiValidation.ROUTE_PASSTHROUGH_PATH.format());
        }
    }

    /**
     * {@code spec.tls}, when written: its termination (required: edge, passthrough or reencrypt) and the
     * insecure edge termination policy allowed with it. Returns the termination when valid, else null.
     */
    private String termination(Fields spec) {
        Fields tls = r.mapping(spec.get("tls"), "spec.tls");
        if (tls == null) {
            return null;
        }
        r.checkFields(tls, TLS);
        String termination = r.string(tls.get("termination"), tls.child("termination"));
        if (termination == null || termination.isEmpty()) {
            if (termination != null || ObjectReader.isNull(tls.get("termination"))) {
                r.error(tls.get("termination") == null ? tls.node() : tls.get("termination"), tls.child("termination"),
                        required("edge, passthrough or reencrypt"));
            }
            return null;
        }
        if (!TERMINATIONS.contains(termination)) {
            r.error(tls.get("termination"), tls.child("termination"), ApiValidation.ROUTE_TERMINATION.format("value",
                    termination));
            return null;
        }
        String policy = r.string(tls.get("insecureEdgeTerminationPolicy"), tls.child("insecureEdgeTerminationPolicy"));
        boolean passthrough = termination.equals("passthrough");
        if (policy != null && !policy.isEmpty() && !(policy.equals("None") || policy.equals("Redirect")
                || !passthrough && policy.equals("Allow"))) {
            r.error(tls.get("insecureEdgeTerminationPolicy"), tls.child("insecureEdgeTerminationPolicy"),
                    ApiValidation.ROUTE_INSECURE_POLICY.format("value", policy, "termination", termination, "allowed",
                            passthrough ? "None or Redirect" : "None, Allow or Redirect"));
        }
        return termination;
    }

    /** The text of {@code metadata.annotations[key]} of the object, or null; read quietly (metadata is checked elsewhere). */
    private static String annotation(Node objectNode, String key) {
        Node annotations = Fields.valueOf(Fields.valueOf(objectNode, "metadata"), "annotations");
        return Fields.valueOf(annotations, key) instanceof ScalarNode s ? s.getValue() : null;
    }


    static String required(String expected) {
        return ApiValidation.ROUTE_REQUIRED.format("expected", expected);
    }
}
