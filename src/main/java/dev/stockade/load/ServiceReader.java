package dev.stockade.load;

import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Protocol;
import dev.stockade.model.Service;
import dev.stockade.model.ServicePort;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a v1 Service: its type, selector, ports and external IPs, validated as the API does.
 * The other spec fields (clusterIP, sessionAffinity, traffic policies, ...) are known but not kept.
 */
final class ServiceReader {
    private static final Set<String> TYPES = Set.of(Service.CLUSTER_IP, Service.NODE_PORT, Service.LOAD_BALANCER,
            Service.EXTERNAL_NAME);

    private final ObjectReader r;

    ServiceReader(ObjectReader r) {
        this.r = r;
    }

    /** The Service, or null when it has errors (they are reported). */
    Service read(String namespace, String name, Node specNode, Source source) {
        Fields spec = r.mapping(specNode, "spec");
        if (spec == null) {
            if (ObjectReader.isNull(specNode)) {
                r.error(specNode, "spec.ports", ApiValidation.SERVICE_PORTS_REQUIRED.fill());
            }
            return null;
        }
        r.checkFields(spec, KnownFields.SERVICE_SPEC);
        String type = r.string(spec.get("type"), "spec.type");
        if (type != null && !type.isEmpty() && !TYPES.contains(type)) {
            r.error(spec.get("type"), "spec.type", ApiValidation.SERVICE_TYPE.message(type));
        }
        String clusterIp = r.string(spec.get("clusterIP"), "spec.clusterIP");
        boolean headless = "None".equals(clusterIp);
        String effectiveType = type == null || type.isEmpty() ? Service.CLUSTER_IP : type;
        typeRules(spec, effectiveType, headless);
        Labels selector = spec.has("selector") ? Labels.of(r.labelMap(spec.get("selector"), "spec.selector"))
                : Labels.EMPTY;
        List<Node> portNodes = r.list(spec.get("ports"), "spec.ports");
        List<ServicePort> ports = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        if (portNodes.isEmpty() && !headless && !effectiveType.equals(Service.EXTERNAL_NAME)
                && (ObjectReader.isNull(spec.get("ports")) || spec.get("ports") instanceof SequenceNode)) {
            r.error(spec.get("ports") == null ? spec.node() : spec.get("ports"), "spec.ports",
                    ApiValidation.SERVICE_PORTS_REQUIRED.fill());
        }
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < portNodes.size(); i++) {
            Optional<ServicePort> port = port(portNodes.get(i), "spec.ports[" + i + "]", portNodes.size() > 1, names, i,
                    effectiveType.equals(Service.CLUSTER_IP));
            if (port.isEmpty()) {
                continue;
            }
            Integer before = numbers.putIfAbsent(port.get().protocol() + " " + port.get().port(), i);
            if (before != null) {
                r.error(portNodes.get(i), "spec.ports[" + i + "]", ApiValidation.SERVICE_PORT_UNIQUE.fill("port",
                        port.get().protocol() + " " + port.get().port(), "other", "spec.ports[" + before + "]"));
            } else {
                ports.add(port.get());
            }
        }
        List<String> externalIPs = new ArrayList<>();
        List<Node> ipNodes = r.list(spec.get("externalIPs"), "spec.externalIPs");
        for (int i = 0; i < ipNodes.size(); i++) {
            String path = "spec.externalIPs[" + i + "]";
            String ip = r.string(ipNodes.get(i), path);
            if (ip == null) {
                continue;
            }
            if (IpAddress.parse(ip).isEmpty()) {
                r.error(ipNodes.get(i), path, Quote.of(ip) + " is not an IP address (expected e.g. 203.0.113.10 or"
                        + " 2001:db8::10)");
            } else {
                externalIPs.add(ip);
            }
        }
        return r.broken() ? null : new Service(namespace, name, type, selector, ports, externalIPs, source);
    }

    /**
     * The rules of the Service's type: a headless Service ({@code clusterIP: None}) is neither
     * NodePort nor LoadBalancer; an ExternalName one names a host.
     */
    private void typeRules(Fields spec, String type, boolean headless) {
        if (headless && (type.equals(Service.NODE_PORT) || type.equals(Service.LOAD_BALANCER))) {
            r.error(spec.get("clusterIP"), "spec.clusterIP", ApiValidation.SERVICE_HEADLESS_TYPE.fill("type", type));
        }
        if (type.equals(Service.EXTERNAL_NAME)) {
            String externalName = r.string(spec.get("externalName"), "spec.externalName");
            if (externalName == null || externalName.isEmpty()) {
                if (ObjectReader.isNull(spec.get("externalName")) || externalName != null) {
                    r.error(spec.get("externalName") == null ? spec.node() : spec.get("externalName"),
                            "spec.externalName", ApiValidation.SERVICE_EXTERNAL_NAME.fill());
                }
            }
        }
    }

    private Optional<ServicePort> port(Node n, String path, boolean several, Map<String, Integer> names, int index,
                                       boolean clusterIpType) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected a port with at least port: 1-65535)");
            }
            return Optional.empty();
        }
        r.checkFields(f, KnownFields.SERVICE_PORT);
        boolean ok = true;
        Node nameNode = f.get("name");
        String name = r.string(nameNode, f.child("name"));
        if (name == null && !ObjectReader.isNull(nameNode)) {
            ok = false;
        } else if (name == null || name.isEmpty()) {
            if (several) {
                r.error(f.node(), f.child("name"), ApiValidation.SERVICE_PORT_NAME_REQUIRED.fill());
                ok = false;
            }
        } else {
            String problem = Names.servicePortNameProblem(name);
            if (problem != null) {
                r.error(nameNode, f.child("name"), problem);
                ok = false;
            } else {
                Integer before = names.putIfAbsent(name, index);
                if (before != null) {
                    r.error(nameNode, f.child("name"), ApiValidation.SERVICE_PORT_NAME_UNIQUE.fill("value",
                            Quote.of(name), "other", "spec.ports[" + before + "]"));
                    ok = false;
                }
            }
        }
        Optional<Protocol> protocol = r.protocol(f);
        Integer port = r.portNumber(f, "port", true, "is required (expected a port number 1-65535)");
        String target = targetPort(f);
        Integer nodePort = 0;
        if (!ObjectReader.isNull(f.get("nodePort"))) {
            Long np = r.integer(f.get("nodePort"), f.child("nodePort"));
            if (np != null && (np < 0 || np > 65535)) {
                r.error(f.get("nodePort"), f.child("nodePort"), ApiValidation.PORT_NUMBER.fill("number",
                        Long.toString(np)));
                np = null;
            }
            nodePort = np == null ? null : np.intValue();
            if (nodePort != null && nodePort != 0 && clusterIpType) {
                r.error(f.get("nodePort"), f.child("nodePort"), ApiValidation.SERVICE_NODE_PORT_TYPE.fill());
                nodePort = null;
            }
        }
        if (!ok || protocol.isEmpty() || port == null || target == null || nodePort == null) {
            return Optional.empty();
        }
        return Optional.of(new ServicePort(name, protocol.get(), port, target.isEmpty() ? null : target, nodePort,
                r.source(n)));
    }

    /**
     * {@code targetPort} as written (digits or a port name), "" when absent, 0 or "" (the API server
     * defaults each of them to port), null when invalid.
     */
    private String targetPort(Fields f) {
        Node n = f.get("targetPort");
        if (ObjectReader.isNull(n) || (n instanceof ScalarNode s && s.getValue().isEmpty() && s.getTag().equals(Tag.STR))
                || (n instanceof ScalarNode z && z.getTag().equals(Tag.INT) && z.getValue().equals("0"))) {
            return "";
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            String problem = Names.portNameProblem(s.getValue());
            if (problem != null) {
                r.error(n, f.child("targetPort"), problem);
                return null;
            }
            return s.getValue();
        }
        if (ObjectReader.isWholeNumber(n)) {
            Integer v = r.portNumber(f, "targetPort", false, "");
            return v == null ? null : Integer.toString(v);
        }
        r.error(n, f.child("targetPort"), "expected a port number 1-65535 or a port name, found "
                + ObjectReader.describe(n));
        return null;
    }
}
