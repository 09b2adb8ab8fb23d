package dev.stockade.load;

import dev.stockade.model.Cidr;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads and validates a networking.k8s.io/v1 NetworkPolicy spec (the API's validation rules). */
final class NetworkPolicyReader {
    private final ObjectReader r;

    NetworkPolicyReader(ObjectReader r) {
        this.r = r;
    }

    /** The policy, or null when it has errors (they are reported). */
    NetworkPolicy read(String namespace, String name, Node specNode, Source source, Node objectNode) {
        Fields spec = r.mapping(specNode, "spec");
        if (spec == null) {
            if (!ObjectReader.isNull(specNode)) {
                return null;
            }
            // the API server accepts a NetworkPolicy without a spec: an empty one, which isolates every pod for ingress
            r.warning(specNode == null ? objectNode : specNode, "spec", "is missing (the API server reads it as {}:"
                    + " podSelector {} and policyTypes [Ingress], which denies all ingress to every pod in the namespace)");
            return r.broken() ? null : new NetworkPolicy(namespace, name, LabelSelector.all(),
                    PolicyType.defaulted(EnumSet.noneOf(PolicyType.class), 0), List.of(), List.of(), source);
        }
        r.checkFields(spec, KnownFields.NETWORK_POLICY_SPEC);
        LabelSelector podSelector;
        if (!spec.has("podSelector")) {
            r.warning(spec.node(), "spec.podSelector", "is missing (the API requires it; read as {}, which"
                    + " selects every pod in the namespace)");
            podSelector = LabelSelector.all();
        } else {
            podSelector = SelectorReader.read(r, spec.get("podSelector"), "spec.podSelector").orElse(LabelSelector.all());
        }
        Set<PolicyType> declared = EnumSet.noneOf(PolicyType.class);
        List<Node> types = r.list(spec.get("policyTypes"), "spec.policyTypes");
        if (types.size() > 2) {
            r.error(spec.get("policyTypes"), "spec.policyTypes", ApiValidation.NETWORK_POLICY_TYPES_COUNT.fill("count",
                    Integer.toString(types.size())));
        }
        for (int i = 0; i < types.size(); i++) {
            String t = r.string(types.get(i), "spec.policyTypes[" + i + "]");
            if (t == null) {
                continue;
            }
            Optional<PolicyType> pt = PolicyType.parse(t);
            if (pt.isEmpty()) {
                r.error(types.get(i), "spec.policyTypes[" + i + "]", ApiValidation.NETWORK_POLICY_TYPE.message(t));
            } else if (!declared.add(pt.get()) && types.size() <= 2) {
                r.warning(types.get(i), "spec.policyTypes[" + i + "]", Quote.of(t) + " is listed twice; it counts once"
                        + " (the API server accepts it)");
            }
        }
        List<PolicyRule> ingress = rules(spec, "ingress", "from");
        List<PolicyRule> egress = rules(spec, "egress", "to");
        if (r.broken()) {
            return null;
        }
        return new NetworkPolicy(namespace, name, podSelector, PolicyType.defaulted(declared, egress.size()),
                ingress, egress, source);
    }

    private List<PolicyRule> rules(Fields spec, String field, String peersField) {
        List<PolicyRule> out = new ArrayList<>();
        List<Node> items = r.list(spec.get(field), "spec." + field);
        for (int i = 0; i < items.size(); i++) {
            String path = "spec." + field + "[" + i + "]";
            Node item = items.get(i);
            if (ObjectReader.isNull(item)) {
                // "- " with nothing: an empty rule, which admits everything, as {} does
                out.add(new PolicyRule(List.of(), List.of(), r.source(item)));
                continue;
            }
            Fields rule = r.mapping(item, path);
            if (rule == null) {
                continue;
            }
            r.checkFields(rule, field.equals("ingress") ? KnownFields.INGRESS_RULE : KnownFields.EGRESS_RULE);
            List<Peer> peers = new ArrayList<>();
            List<Node> peerNodes = r.list(rule.get(peersField), rule.child(peersField));
            for (int k = 0; k < peerNodes.size(); k++) {
                peer(peerNodes.get(k), rule.child(peersField) + "[" + k + "]").ifPresent(peers::add);
            }
            List<PolicyPort> ports = new ArrayList<>();
            List<Node> portNodes = r.list(rule.get("ports"), rule.child("ports"));
            for (int k = 0; k < portNodes.size(); k++) {
                port(portNodes.get(k), rule.child("ports") + "[" + k + "]").ifPresent(ports::add);
            }
            out.add(new PolicyRule(peers, ports, r.source(item)));
        }
        return out;
    }

    private Optional<Peer> peer(Node n, String path) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, ApiValidation.NETWORK_POLICY_PEER.fill());
            }
            return Optional.empty();
        }
        r.checkFields(f, KnownFields.PEER);
        Source at = r.source(n);
        boolean hasPods = f.has("podSelector") && !ObjectReader.isNull(f.get("podSelector"));
        boolean hasNamespaces = f.has("namespaceSelector") && !ObjectReader.isNull(f.get("namespaceSelector"));
        boolean hasBlock = f.has("ipBlock") && !ObjectReader.isNull(f.get("ipBlock"));
        if (hasBlock && (hasPods || hasNamespaces)) {
            r.error(f.key("ipBlock"), f.child("ipBlock"), ApiValidation.NETWORK_POLICY_IPBLOCK_ALONE.fill());
            return Optional.empty();
        }
        if (hasBlock) {
            return ipBlock(f.get("ipBlock"), f.child("ipBlock")).map(b -> new Peer.IpBlockPeer(b, at));
        }
        if (!hasPods && !hasNamespaces) {
            r.error(n, path, ApiValidation.NETWORK_POLICY_PEER.fill());
            return Optional.empty();
        }
        Optional<LabelSelector> pods = SelectorReader.read(r, f.get("podSelector"), f.child("podSelector"));
        Optional<LabelSelector> namespaces =
                SelectorReader.read(r, f.get("namespaceSelector"), f.child("namespaceSelector"));
        if (hasPods && hasNamespaces) {
            return Optional.of(new Peer.NamespacePodSelectorPeer(namespaces.orElse(LabelSelector.all()),
                    pods.orElse(LabelSelector.all()), at));
        }
        return hasPods ? Optional.of(new Peer.PodSelectorPeer(pods.orElse(LabelSelector.all()), at))
                : Optional.of(new Peer.NamespaceSelectorPeer(namespaces.orElse(LabelSelector.all()), at));
    }

    private Optional<IpBlock> ipBlock(Node n, String path) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            return Optional.empty();
        }
        r.checkFields(f, KnownFields.IP_BLOCK);
        return ipBlock(r, f);
    }

    /**
     * The {@code cidr} and {@code except} fields of a mapping as an ipBlock, by the API's rules
     * (every except block strictly inside the cidr); shared with expectation files' {@code {cidr}}.
     */
    static Optional<IpBlock> ipBlock(ObjectReader r, Fields f) {
        String cidrText = r.string(f.get("cidr"), f.child("cidr"));
        if (cidrText == null) {
            if (!f.has("cidr") || ObjectReader.isNull(f.get("cidr"))) {
                r.error(f.node(), f.child("cidr"), ApiValidation.NETWORK_POLICY_CIDR_REQUIRED.fill());
            }
            return Optional.empty();
        }
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (cidr.isEmpty()) {
            r.error(f.get("cidr"), f.child("cidr"), ApiValidation.NETWORK_POLICY_CIDR.message(cidrText));
            return Optional.empty();
        }
        List<Cidr> except = new ArrayList<>();
        List<Node> ex = r.list(f.get("except"), f.child("except"));
        for (int i = 0; i < ex.size(); i++) {
            String p = f.child("except") + "[" + i + "]";
            String text = r.string(ex.get(i), p);
            if (text == null) {
                continue;
            }
            Optional<Cidr> e = Cidr.parse(text);
            if (e.isEmpty()) {
                r.error(ex.get(i), p, ApiValidation.NETWORK_POLICY_CIDR.message(text));
            } else if (e.get().equals(cidr.get())) {
                r.error(ex.get(i), p, ApiValidation.NETWORK_POLICY_EXCEPT_WHOLE.fill("except", text, "cidr",
                        cidr.get().toString()));
            } else if (!cidr.get().contains(e.get()) || e.get().prefix() <= cidr.get().prefix()) {
                r.error(ex.get(i), p, ApiValidation.NETWORK_POLICY_EXCEPT_INSIDE.fill("except", text, "cidr",
                        cidr.get().toString()));
            } else {
                except.add(e.get());
            }
        }
        return Optional.of(new IpBlock(cidr.get(), except));
    }

    private Optional<PolicyPort> port(Node n, String path) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            return Optional.empty();
        }
        r.checkFields(f, KnownFields.POLICY_PORT);
        Optional<Protocol> parsed = r.protocol(f);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Protocol protocol = parsed.get();
        Node portNode = f.get("port");
        Node endNode = f.get("endPort");
        Long end = r.integer(endNode, f.child("endPort"));
        if (ObjectReader.isNull(portNode)) {
            if (end != null) {
                r.error(endNode, f.child("endPort"), ApiValidation.NETWORK_POLICY_END_PORT_WITHOUT_PORT.fill());
                return Optional.empty();
            }
            return Optional.of(new PolicyPort.AllPorts(protocol));
        }
        if (portNode instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            String name = s.getValue();
            String problem = Names.portNameProblem(name);
            if (problem != null) {
                r.error(portNode, f.child("port"), problem);
                return Optional.empty();
            }
            if (end != null) {
                r.error(endNode, f.child("endPort"), ApiValidation.NETWORK_POLICY_END_PORT_NAMED.fill());
                return Optional.empty();
            }
            return Optional.of(new PolicyPort.NamedPort(protocol, name));
        }
        Long port = r.integer(portNode, f.child("port"));
        if (port == null) {
            return Optional.empty();
        }
        if (port < PolicyPort.MIN || port > PolicyPort.MAX) {
            r.error(portNode, f.child("port"), ApiValidation.PORT_NUMBER.fill("number", Long.toString(port)));
            return Optional.empty();
        }
        if (end == null) {
            if (f.has("endPort") && !ObjectReader.isNull(endNode)) {
                return Optional.empty();
            }
            return Optional.of(PolicyPort.PortRange.of(protocol, port.intValue()));
        }
        if (end > PolicyPort.MAX) {
            r.error(endNode, f.child("endPort"), ApiValidation.PORT_NUMBER.fill("number", Long.toString(end)));
            return Optional.empty();
        }
        if (end < port) {
            r.error(endNode, f.child("endPort"), ApiValidation.NETWORK_POLICY_END_PORT_BELOW.fill("end",
                    Long.toString(end), "port", Long.toString(port)));
            return Optional.empty();
        }
        return Optional.of(new PolicyPort.PortRange(protocol, port.intValue(), end.intValue()));
    }
}
