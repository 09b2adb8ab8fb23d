package dev.stockade.load;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The shape of a networking.k8s.io/v1 Ingress that its backends do not show, as the API server
 * checks it: a {@code defaultBackend} or rules; every rule's {@code host} a DNS name (a leading
 * {@code *.} allowed), not an IP address; every {@code http} rule with paths; every path with a
 * {@code pathType} of Exact, Prefix or ImplementationSpecific; an Exact or Prefix path absolute and
 * free of {@code //}, {@code /./}, {@code /../}, encoded slashes and a trailing {@code /.} or
 * {@code /..}; an ImplementationSpecific path absolute when written. Only values of the right type
 * are checked here: wrong types are reported where the backends are read.
 */
final class IngressPaths {
    private static final List<String> PATH_TYPES = List.of("Exact", "Prefix", "ImplementationSpecific");
    private static final List<String> BAD_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
    private static final List<String> BAD_ENDINGS = List.of("/..", "/.");

    private final ObjectReader r;

    IngressPaths(ObjectReader r) {
        this.r = r;
    }

    /** Reports what the API server refuses in {@code spec} (the object's node, for a missing spec). */
    void check(Node spec, Node object) {
        Node rules = Fields.valueOf(spec, "rules");
        boolean hasRules = rules instanceof SequenceNode s && !s.getValue().isEmpty();
        if (!hasRules && ObjectReader.isNull(Fields.valueOf(spec, "defaultBackend"))
                && (ObjectReader.isNull(spec) || spec instanceof MappingNode)
                && (ObjectReader.isNull(rules) || rules instanceof SequenceNode)) {
            r.error(spec == null ? object : spec, "spec", ApiValidation.INGRESS_BACKEND_OR_RULES.fill());
        }
        if (!(rules instanceof SequenceNode list)) {
            return;
        }
        for (int i = 0; i < list.getValue().size(); i++) {
            Node rule = list.getValue().get(i);
            String path = "spec.rules[" + i + "]";
            String host = string(Fields.valueOf(rule, "host"));
            if (host != null && !host.isEmpty() && !isHost(host)) {
                r.error(Fields.valueOf(rule, "host"), path + ".host", ApiValidation.INGRESS_HOST.message(host));
            }
            Node http = Fields.valueOf(rule, "http");
            if (http instanceof MappingNode) {
                paths(http, path + ".http");
            }
        }
    }

    private void paths(Node http, String path) {
        Node paths = Fields.valueOf(http, "paths");
        if (ObjectReader.isNull(paths) || (paths instanceof SequenceNode s && s.getValue().isEmpty())) {
            r.error(paths == null ? http : paths, path + ".paths", ApiValidation.INGRESS_PATHS_REQUIRED.fill());
            return;
        }
        if (!(paths instanceof SequenceNode list)) {
            return;
        }
        for (int k = 0; k < list.getValue().size(); k++) {
            Node p = list.getValue().get(k);
            if (p instanceof MappingNode) {
                path(p, path + ".paths[" + k + "]");
            }
        }
    }

    private void path(Node p, String path) {
        Node typeNode = Fields.valueOf(p, "pathType");
        if (ObjectReader.isNull(typeNode)) {
            r.error(typeNode == null ? p : typeNode, path + ".pathType", ApiValidation.INGRESS_PATH_TYPE_REQUIRED.fill());
            return;
        }
        String type = string(typeNode);
        if (type == null) {
            return;
        }
        if (!PATH_TYPES.contains(type)) {
            r.error(typeNode, path + ".pathType", ApiValidation.INGRESS_PATH_TYPE.message(type));
            return;
        }
        Node valueNode = Fields.valueOf(p, "path");
        String value = ObjectReader.isNull(valueNode) ? "" : string(valueNode);
        if (value == null) {
            return;
        }
        Node at = valueNode == null ? p : valueNode;
        if (type.equals("ImplementationSpecific")) {
            if (!value.isEmpty() && !value.startsWith("/")) {
                r.error(at, path + ".path", ApiValidation.INGRESS_PATH_ABSOLUTE.message(value));
            }
            return;
        }
        if (!value.startsWith("/")) {
            r.error(at, path + ".path", ApiValidation.INGRESS_PATH_ABSOLUTE.message(value));
            return;
        }
        for (String bad : BAD_SEQUENCES) {
            if (value.contains(bad)) {
                r.error(at, path + ".path", ApiValidation.INGRESS_PATH_SEGMENTS.fill("value", Quote.of(value),
                        "part", bad));
                return;
            }
        }
        for (String bad : BAD_ENDINGS) {
            if (value.endsWith(bad)) {
                r.error(at, path + ".path", ApiValidation.INGRESS_PATH_SEGMENTS.fill("value", Quote.of(value),
                        "part", bad));
                return;
            }
        }
    }

    /** A DNS subdomain, with an optional leading {@code *.}, and not an IP address. */
    static boolean isHost(String host) {
        if (dev.stockade.model.IpAddress.parse(host).isPresent()) {
            return false;
        }
        return host.startsWith("*.") ? host.length() <= 253 && Names.isDnsSubdomain(host.substring(2))
                : Names.isDnsSubdomain(host);
    }

    /** A string scalar's value, or null for any other node. */
    private static String string(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.STR) ? s.getValue() : null;
    }

}
