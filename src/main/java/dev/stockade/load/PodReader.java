package dev.stockade.load;

import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads what policies need of a pod — labels, container ports, host networking and IPs — from
 * a Pod object or a pod template. Named ports come from {@code spec.containers[].ports} (the
 * containers a named port refers to).
 */
final class PodReader {
    private final ObjectReader r;

    PodReader(ObjectReader r) {
        this.r = r;
    }

    /** Labels of a {@code metadata} mapping, validated. */
    Labels labels(Fields metadata) {
        if (metadata == null || !metadata.has("labels")) {
            return Labels.EMPTY;
        }
        TreeMap<String, String> ok = r.labelMap(metadata.get("labels"), metadata.child("labels"));
        return Labels.of(ok);
    }

    /**
     * A pod from a template ({@code path} is where the template is, e.g. {@code spec.template};
     * {@code parent} is the mapping that should hold it, where a missing template is reported).
     * Returns empty when the template is missing (reported).
     */
    Optional<Pod> template(Node templateNode, Node parent, String path, String namespace, String name,
                           Source source) {
        Fields t = r.mapping(templateNode, path);
        if (t == null) {
            if (ObjectReader.isNull(templateNode)) {
                r.error(templateNode == null ? parent : templateNode, path, "is required (expected a pod template with"
                        + " metadata.labels and spec)");
            }
            return Optional.empty();
        }
        r.checkFields(t, KnownFields.POD_TEMPLATE);
        Fields meta = r.mapping(t.get("metadata"), t.child("metadata"));
        r.metadata(meta);
        Labels labels = labels(meta);
        return Optional.of(fromSpec(t.get("spec"), t.node(), t.child("spec"), true, namespace, name, labels,
                List.of(), source));
    }

    /** A pod from a Pod object's spec and status. */
    Pod pod(Fields top, Fields meta, String namespace, String name, Source source) {
        Labels labels = labels(meta);
        List<IpAddress> ips = statusIps(top.get("status"));
        return fromSpec(top.get("spec"), top.node(), "spec", false, namespace, name, labels, ips, source);
    }

    /**
     * A pod spec ({@code parent} holds it, where an absent spec is reported). It has at least one
     * container ({@link ApiValidation#POD_CONTAINERS_REQUIRED}), each container and init container
     * a name and an image ({@link ApiValidation#CONTAINER_NAME_REQUIRED},
     * {@link ApiValidation#CONTAINER_IMAGE_REQUIRED}): the API server validates a template's pod
     * spec as a Pod's, and a {@code template} has no ephemeral containers
     * ({@link ApiValidation#TEMPLATE_EPHEMERAL_CONTAINERS}).
     */
    private Pod fromSpec(Node specNode, Node parent, String path, boolean template, String namespace, String name,
                         Labels labels, List<IpAddress> ips, Source source) {
        Fields spec = r.mapping(specNode, path);
        if (spec == null && ObjectReader.isNull(specNode)) {
            r.error(specNode == null ? parent : specNode, path + ".containers",
                    ApiValidation.POD_CONTAINERS_REQUIRED.format());
        }
        List<ContainerPort> ports = new ArrayList<>();
        boolean hostNetwork = false;
        if (spec != null) {
            r.checkFields(spec, KnownFields.POD_SPEC);
            Boolean hn = r.bool(spec.get("hostNetwork"), spec.child("hostNetwork"));
            hostNetwork = hn != null && hn;
            Map<String, String> names = new HashMap<>();
            List<Node> containers = r.list(spec.get("containers"), spec.child("containers"));
            Node cs = spec.get("containers");
            if (ObjectReader.isNull(cs) || (cs instanceof SequenceNode seq && seq.getValue().isEmpty())) {
                r.error(cs == null ? spec.node() : cs, spec.child("containers"),
                        ApiValidation.POD_CONTAINERS_REQUIRED.format());
            }
            for (int i = 0; i < containers.size(); i++) {
                ports.addAll(containerPorts(containers.get(i), spec.child("containers") + "[" + i + "]", hostNetwork,
                        names));
            }
            if (template && spec.get("ephemeralContainers") instanceof SequenceNode e && !e.getValue().isEmpty()) {
                r.error(e, spec.child("ephemeralContainers"), ApiValidation.TEMPLATE_EPHEMERAL_CONTAINERS.format());
            }
            List<Node> init = r.list(spec.get("initContainers"), spec.child("initContainers"));
            for (int i = 0; i < init.size(); i++) {
                Fields c = r.mapping(init.get(i), spec.child("initContainers") + "[" + i + "]");
                r.checkFields(c, KnownFields.CONTAINER);
                containerName(c, names);
            }
        }
        return new Pod(namespace, name, labels, ports, ips, hostNetwork, source);
    }

    /**
     * A container has a name and an image; its name is a DNS-1123 label
     * ({@link ApiValidation#CONTAINER_NAME}) not used by another container or init container of
     * the pod ({@code names}: name → path).
     */
    private void containerName(Fields c, Map<String, String> names) {
        if (c == null) {
            return;
        }
        boolean named = required(c, "name", ApiValidation.CONTAINER_NAME_REQUIRED);
        required(c, "image", ApiValidation.CONTAINER_IMAGE_REQUIRED);
        if (!named) {
            return;
        }
        String name = r.string(c.get("name"), c.child("name"));
        if (name == null) {
            return;
        }
        var problem = ApiValidation.CONTAINER_NAME.problem(name);
        problem.ifPresent(p -> r.error(c.get("name"), c.child("name"), p));
        String before = problem.isPresent() ? null : names.putIfAbsent(name, c.path());
        if (before != null) {
            r.error(c.get("name"), c.child("name"), ApiValidation.CONTAINER_NAME_UNIQUE.fill("value", Quote.of(name),
                    "other", before));
        }
    }

    /**
     * Whether the container's {@code field} is written and not empty; when it is absent, null or
     * empty, {@code row} is reported (at the container, or at the empty value). A value of the
     * wrong type has its own error and counts as written.
     */
    private boolean required(Fields c, String field, ApiValidation row) {
        Node n = c.get(field);
        boolean empty = n instanceof ScalarNode s && s.getValue().isEmpty() && s.getTag().equals(Tag.STR);
        if (ObjectReader.isNull(n) || empty) {
            r.error(n == null ? c.node() : n, c.child(field), row.format());
            return false;
        }
        return true;
    }

    private List<ContainerPort> containerPorts(Node n, String path, boolean hostNetwork, Map<String, String> containers) {
        Fields c = r.mapping(n, path);
        List<ContainerPort> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        r.checkFields(c, KnownFields.CONTAINER);
        containerName(c, containers);
        List<Node> ports = r.list(c.get("ports"), c.child("ports"));
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            String p = c.child("ports") + "[" + i + "]";
            Fields f = r.mapping(ports.get(i), p);
            if (f == null) {
                continue;
            }
            r.checkFields(f, KnownFields.CONTAINER_PORT);
            Long number = r.integer(f.get("containerPort"), f.child("containerPort"));
            if (number == null) {
                if (ObjectReader.isNull(f.get("containerPort"))) {
                    r.error(f.node(), f.child("containerPort"), "is required (expected a port number 1-65535)");
                }
                continue;
            }
            if (number < 1 || number > 65535) {
                r.error(f.get("containerPort"), f.child("containerPort"), ApiValidation.PORT_NUMBER.fill("number",
                        Long.toString(number)));
                continue;
            }
            Optional<Protocol> protocol = r.protocol(f);
            if (protocol.isEmpty() || !hostPort(f, number, hostNetwork)) {
                continue;
            }
            String name = r.string(f.get("name"), f.child("name"));
            if (name != null) {
                String problem = Names.portNameProblem(name);
                if (problem != null) {
                    r.error(f.get("name"), f.child("name"), problem);
                    continue;
                }
                Integer before = names.putIfAbsent(name, i);
                if (before != null) {
                    r.error(f.get("name"), f.child("name"), ApiValidation.CONTAINER_PORT_NAME_UNIQUE.fill("value",
                            Quote.of(name), "other", c.child("ports") + "[" + before + "]"));
                    continue;
                }
            }
            out.add(new ContainerPort(name, number.intValue(), protocol.get()));
        }
        return out;
    }

    /**
     * {@code hostPort}: 0 (none) or 1-65535; on a host-network pod, when written, equal to the
     * containerPort (the API server defaults it to the containerPort there). Whether it is valid.
     */
    private boolean hostPort(Fields f, long containerPort, boolean hostNetwork) {
        Node n = f.get("hostPort");
        Long v = r.integer(n, f.child("hostPort"));
        if (v == null) {
            return ObjectReader.isNull(n);
        }
        if (v < 0 || v > 65535) {
            r.error(n, f.child("hostPort"), ApiValidation.PORT_NUMBER.fill("number", Long.toString(v)));
            return false;
        }
        if (hostNetwork && v != 0 && v != containerPort) {
            r.error(n, f.child("hostPort"), ApiValidation.HOST_NETWORK_HOST_PORT.fill("hostPort", Long.toString(v),
                    "containerPort", Long.toString(containerPort)));
            return false;
        }
        return true;
    }

    private List<IpAddress> statusIps(Node statusNode) {
        Fields status = r.mapping(statusNode, "status");
        if (status == null) {
            return List.of();
        }
        LinkedHashSet<IpAddress> ips = new LinkedHashSet<>();
        String podIp = r.string(status.get("podIP"), "status.podIP");
        if (podIp != null && !podIp.isEmpty()) {
            IpAddress.parse(podIp).ifPresentOrElse(ips::add, () -> r.error(status.get("podIP"), "status.podIP",
                    Quote.of(podIp) + " is not an IP address (expected e.g. 10.244.1.7 or fd00::7)"));
        }
        List<Node> list = r.list(status.get("podIPs"), "status.podIPs");
        for (int i = 0; i < list.size(); i++) {
            String p = "status.podIPs[" + i + "]";
            Fields f = r.mapping(list.get(i), p);
            if (f == null) {
                continue;
            }
            String ip = r.string(f.get("ip"), p + ".ip");
            if (ip != null) {
                IpAddress.parse(ip).ifPresentOrElse(ips::add, () -> r.error(f.get("ip"), p + ".ip",
                        Quote.of(ip) + " is not an IP address (expected e.g. 10.244.1.7 or fd00::7)"));
            }
        }
        return List.copyOf(ips);
    }
}
