package dev.stockade.load;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPolicy.Kind;
import dev.stockade.model.AdminPolicy.Tier;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cidr;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates the cluster-wide policies of policy.networking.k8s.io by the rules of
 * their CRDs: v1alpha1 AdminNetworkPolicy (priority, subject, rules with Allow/Deny/Pass and
 * {@code ports}), v1alpha1 BaselineAdminNetworkPolicy (the singleton {@code default},
 * Allow/Deny) and v1alpha2 ClusterNetworkPolicy (tier, priority, Accept/Deny/Pass and
 * {@code protocols}). Every problem is reported with its field path; a policy with an error is
 * skipped.
 */
final class AdminPolicyReader {
    private static final Set<String> ANP_SPEC = Set.of("priority", "subject", "ingress", "egress");
    private static final Set<String> BANP_SPEC = Set.of("subject", "ingress", "egress");
    private static final Set<String> CNP_SPEC = Set.of("tier", "priority", "subject", "ingress", "egress");
    private static final Set<String> SUBJECT = Set.of("namespaces", "pods");
    private static final Set<String> NAMESPACED_POD = Set.of("namespaceSelector", "podSelector");
    private static final Set<String> INGRESS_PEER = Set.of("namespaces", "pods");
    private static final Set<String> EGRESS_PEER = Set.of("namespaces", "pods", "nodes", "networks", "domainNames");
    private static final Set<String> ANP_PORT = Set.of("portNumber", "namedPort", "portRange");
    private static final Set<String> PORT_NUMBER = Set.of("protocol", "port");
    private static final Set<String> PORT_RANGE = Set.of("protocol", "start", "end");
    private static final Set<String> CNP_PROTOCOL = Set.of("tcp", "udp", "sctp", "destinationNamedPort");
    private static final Set<String> CNP_PROTOCOL_PORTS = Set.of("destinationPort");
    private static final Set<String> CNP_PORT = Set.of("number", "range");
    private static final Set<String> CNP_RANGE = Set.of("start", "end");
    private static final int MAX_NETWORKS = 25;
    private static final int MAX_DOMAIN_NAMES = 25;

    private final ObjectReader r;
    private final Kind kind;
    private final boolean cnp;

    AdminPolicyReader(ObjectReader r, Kind kind) {
        this.r = r;
        this.kind = kind;
        this.cnp = kind == Kind.ClusterNetworkPolicy;
    }

    /** The policy, or null when it has errors (they are reported). */
    AdminPolicy read(String name, Node specNode, Source source, Node objectNode) {
        Fields spec = r.mapping(specNode, "spec");
        if (spec == null) {
            if (!r.broken() || specNode == null) {
                r.error(specNode == null ? objectNode : specNode, "spec", required(cnp
                        ? "tier, priority, subject and rules" : kind == Kind.AdminNetworkPolicy
                        ? "priority, subject and rules" : "subject and rules"));
            }
            return null;
        }
        r.checkFields(spec, cnp ? CNP_SPEC : kind == Kind.AdminNetworkPolicy ? ANP_SPEC : BANP_SPEC);
        Tier tier = kind == Kind.AdminNetworkPolicy ? Tier.ADMIN : Tier.BASELINE;
        if (cnp) {
            tier = tier(spec);
        }
        int priority = kind == Kind.BaselineAdminNetworkPolicy ? AdminPolicy.BANP_PRIORITY : priority(spec);
        AdminSubject subject = subject(spec);
        int maxRules = cnp ? 25 : 100;
        List<AdminRule> ingress = rules(spec, "ingress", "from", maxRules);
        List<AdminRule> egress = rules(spec, "egress", "to", maxRules);
        if (r.broken() || tier == null || subject == null) {
            return null;
        }
        return new AdminPolicy(kind, tier, name, priority, subject, ingress, egress, source);
    }

    private Tier tier(Fields spec) {
        String t = r.string(spec.get("tier"), "spec.tier");
        if (t == null) {
            if (!spec.has("tier") || ObjectReader.isNull(spec.get("tier"))) {
                r.error(spec.node(), "spec.tier", required("Admin or Baseline"));
            }
            return null;
        }
        for (Tier x : Tier.values()) {
            if (x.apiName().equals(t)) {
                return x;
            }
        }
        r.error(spec.get("tier"), "spec.tier", ApiValidation.ADMIN_TIER.format("value", t));
        return null;
    }

    private int priority(Fields spec) {
        Long p = r.integer(spec.get("priority"), "spec.priority");
        if (p == null) {
            if (!spec.has("priority") || ObjectReader.isNull(spec.get("priority"))) {
                r.error(spec.node(), "spec.priority", required("an integer from 0 to 1000"));
            }
            return 0;
        }
        if (p < AdminPolicy.MIN_PRIORITY || p > AdminPolicy.MAX_PRIORITY) {
            r.error(spec.get("priority"), "spec.priority", ApiValidation.ADMIN_PRIORITY.format("number", p.toString()));
            return 0;
        }
        return p.intValue();
    }

    private AdminSubject subject(Fields spec) {
        Fields f = r.mapping(spec.get("subject"), "spec.subject");
        if (f == null) {
            if (!spec.has("subject") || ObjectReader.isNull(spec.get("subject"))) {
                r.error(spec.node(), "spec.subject", required("namespaces or pods"));
            }
            return null;
        }
        r.checkFields(f, SUBJECT);
        if (!exactlyOne(f, SUBJECT, "spec.subject", "namespaces or pods")) {
            return null;
        }
        if (present(f, "namespaces")) {
            return SelectorReader.read(r, f.get("namespaces"), f.child("namespaces"))
                    .map(AdminSubject.Namespaces::new).orElse(null);
        }
        LabelSelector[] sel = namespacedPod(f.get("pods"), f.child("pods"));
        return sel == null ? null : new AdminSubject.Pods(sel[0], sel[1]);
    }

    /** namespaceSelector and podSelector; podSelector is required, and namespaceSelector too but in ClusterNetworkPolicy. */
    private LabelSelector[] namespacedPod(Node n, String path) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            return null;
        }
        r.checkFields(f, NAMESPACED_POD);
        boolean ok = true;
        if (!present(f, "podSelector")) {
            r.error(f.node(), f.child("podSelector"), required("a label selector; {} selects every pod"));
            ok = false;
        }
        if (!cnp && !present(f, "namespaceSelector")) {
            r.error(f.node(), f.child("namespaceSelector"), required("a label selector; {} selects every namespace"));
            ok = false;
        }
        Optional<LabelSelector> ns = SelectorReader.read(r, f.get("namespaceSelector"), f.child("namespaceSelector"));
        Optional<LabelSelector> pods = SelectorReader.read(r, f.get("podSelector"), f.child("podSelector"));
        return ok ? new LabelSelector[] {ns.orElse(LabelSelector.all()), pods.orElse(LabelSelector.all())} : null;
    }

    private List<AdminRule> rules(Fields spec, String field, String peersField, int max) {
        List<AdminRule> out = new ArrayList<>();
        List<Node> items = r.list(spec.get(field), "spec." + field);
        if (items.size() > max) {
            r.error(spec.get(field), "spec." + field, tooMany(items.size(), "rules", max));
        }
        boolean ingress = field.equals("ingress");
        Set<String> known = Set.of("name", "action", peersField, cnp ? "protocols" : "ports");
        for (int i = 0; i < items.size(); i++) {
            String path = "spec." + field + "[" + i + "]";
            Fields rule = r.mapping(items.get(i), path);
            if (rule == null) {
                if (ObjectReader.isNull(items.get(i))) {
                    r.error(items.get(i), path, ApiValidation.CRD_MIN_ITEMS.format("expected", "action and "
                            + peersField));
                }
                continue;
            }
            r.checkFields(rule, known);
            String name = r.string(rule.get("name"), rule.child("name"));
            if (name != null) {
                ApiValidation.ADMIN_RULE_NAME_LENGTH.problem(name)
                        .ifPresent(p -> r.error(rule.get("name"), rule.child("name"), p));
            }
            AdminRule.Action action = action(rule);
            List<AdminPeer> peers = new ArrayList<>();
            List<Node> peerNodes = r.list(rule.get(peersField), rule.child(peersField));
            if (peerNodes.isEmpty() && absentOrEmpty(rule, peersField)) {
                r.error(rule.has(peersField) ? rule.get(peersField) : rule.node(), rule.child(peersField),
                        required("at least one peer"));
            }
            if (peerNodes.size() > max) {
                r.error(rule.get(peersField), rule.child(peersField), tooMany(peerNodes.size(), "peers", max));
            }
            for (int k = 0; k < peerNodes.size(); k++) {
                peer(peerNodes.get(k), rule.child(peersField) + "[" + k + "]", ingress, action).ifPresent(peers::add);
            }
            List<AdminPort> ports = cnp ? protocols(rule, max) : ports(rule, max);
            if (ports.stream().anyMatch(p -> p instanceof AdminPort.Named) && peers.stream().anyMatch(p ->
                    p instanceof AdminPeer.Networks || p instanceof AdminPeer.Nodes || p instanceof AdminPeer.DomainNames)) {
                String portsField = cnp ? "protocols" : "ports";
                r.error(rule.get(portsField), rule.child(portsField), ApiValidation.ADMIN_NAMED_PORT_PEER.format());
            }
            if (action != null) {
                out.add(new AdminRule(name, action, peers, ports, r.source(items.get(i))));
            }
        }
        return out;
    }

    private AdminRule.Action action(Fields rule) {
        String expected = cnp ? "Accept, Deny or Pass" : kind == Kind.AdminNetworkPolicy ? "Allow, Deny or Pass"
                : "Allow or Deny";
        String a = r.string(rule.get("action"), rule.child("action"));
        if (a == null) {
            if (!rule.has("action") || ObjectReader.isNull(rule.get("action"))) {
                r.error(rule.node(), rule.child("action"), required(expected));
            }
            return null;
        }
        AdminRule.Action parsed = switch (a) {
            case "Allow" -> cnp ? null : AdminRule.Action.ALLOW;
            case "Accept" -> cnp ? AdminRule.Action.ALLOW : null;
            case "Deny" -> AdminRule.Action.DENY;
            case "Pass" -> kind == Kind.BaselineAdminNetworkPolicy ? null : AdminRule.Action.PASS;
            default -> null;
        };
        if (parsed == null) {
            r.error(rule.get("action"), rule.child("action"), ApiValidation.ADMIN_ACTION.format("value", a, "kind",
                    kind.toString(), "actions", expected));
        }
        return parsed;
    }

    private Optional<AdminPeer> peer(Node n, String path, boolean ingress, AdminRule.Action action) {
        Fields f = r.mapping(n, path);
        Set<String> known = ingress ? INGRESS_PEER : EGRESS_PEER;
        String expected = ingress ? "namespaces or pods" : "namespaces, pods, nodes, networks or domainNames";
        if (f == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, ApiValidation.CRD_ONE_FIELD.format("expected", expected));
            }
            return Optional.empty();
        }
        r.checkFields(f, known);
        if (!exactlyOne(f, known, path, expected)) {
            return Optional.empty();
        }
        Source at = r.source(n);
        if (present(f, "namespaces")) {
            return SelectorReader.read(r, f.get("namespaces"), f.child("namespaces"))
                    .map(s -> new AdminPeer.Namespaces(s, at));
        }
        if (present(f, "pods")) {
            LabelSelector[] sel = namespacedPod(f.get("pods"), f.child("pods"));
            return sel == null ? Optional.empty() : Optional.of(new AdminPeer.Pods(sel[0], sel[1], at));
        }
        if (present(f, "nodes")) {
            return SelectorReader.read(r, f.get("nodes"), f.child("nodes")).map(s -> new AdminPeer.Nodes(s, at));
        }
        if (present(f, "networks")) {
            List<Node> items = r.list(f.get("networks"), f.child("networks"));
            if (items.isEmpty() && absentOrEmpty(f, "networks")) {
                r.error(f.get("networks"), f.child("networks"), ApiValidation.CRD_MIN_ITEMS.format("expected",
                        "at least one CIDR"));
            } else if (items.size() > MAX_NETWORKS) {
                r.error(f.get("networks"), f.child("networks"), tooMany(items.size(), "CIDRs", MAX_NETWORKS));
            }
            List<Cidr> cidrs = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String p = f.child("networks") + "[" + i + "]";
                String text = r.string(items.get(i), p);
                if (text == null || !once(seen, text, i, items.get(i), f.child("networks"))) {
                    continue;
                }
                Optional<String> problem = ApiValidation.ADMIN_CIDR.problem(text);
                if (problem.isPresent()) {
                    r.error(items.get(i), p, problem.get());
                } else {
                    cidrs.add(Cidr.of(text));
                }
            }
            return Optional.of(new AdminPeer.Networks(cidrs, at));
        }
        List<Node> items = r.list(f.get("domainNames"), f.child("domainNames"));
        if (action != null && action != AdminRule.Action.ALLOW) {
            r.error(f.key("domainNames"), f.child("domainNames"), ApiValidation.ADMIN_DOMAIN_NAMES_ACTION.format(
                    "allow", cnp ? "Accept" : "Allow", "action", action.apiName()));
        }
        if (items.isEmpty() && absentOrEmpty(f, "domainNames")) {
            r.error(f.get("domainNames"), f.child("domainNames"), ApiValidation.CRD_MIN_ITEMS.format("expected",
                    "at least one domain name"));
        } else if (items.size() > MAX_DOMAIN_NAMES) {
            r.error(f.get("domainNames"), f.child("domainNames"), tooMany(items.size(), "domain names",
                    MAX_DOMAIN_NAMES));
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = f.child("domainNames") + "[" + i + "]";
            String text = r.string(items.get(i), p);
            if (text == null || !once(seen, text, i, items.get(i), f.child("domainNames"))) {
                continue;
            }
            Optional<String> problem = ApiValidation.ADMIN_DOMAIN_NAME.problem(text);
            Node item = items.get(i);
            problem.ifPresent(m -> r.error(item, p, m));
            if (problem.isEmpty()) {
                names.add(text);
            }
        }
        return Optional.of(new AdminPeer.DomainNames(names, at));
    }

    /**
     * Whether {@code text} is the first of its value in a list with {@code x-kubernetes-list-type: set}; a
     * repeat is reported at {@code at}.
     */
    private boolean once(Map<String, Integer> seen, String text, int index, Node at, String listPath) {
        Integer first = seen.putIfAbsent(text, index);
        if (first == null) {
            return true;
        }
        r.error(at, listPath + "[" + index + "]", ApiValidation.ADMIN_LIST_SET.format("value", text, "first",
                listPath + "[" + first + "]"));
        return false;
    }

    /** v1alpha1 {@code ports}: each exactly one of portNumber, namedPort, portRange; absent = every port. */
    private List<AdminPort> ports(Fields rule, int max) {
        List<AdminPort> out = new ArrayList<>();
        if (!present(rule, "ports")) {
            return out;
        }
        List<Node> items = r.list(rule.get("ports"), rule.child("ports"));
        if (items.isEmpty() && absentOrEmpty(rule, "ports")) {
            r.error(rule.get("ports"), rule.child("ports"), ApiValidation.CRD_MIN_ITEMS.format("expected",
                    "at least one port; leave ports out to match every port"));
        } else if (items.size() > max) {
            r.error(rule.get("ports"), rule.child("ports"), tooMany(items.size(), "ports", max));
        }
        for (int i = 0; i < items.size(); i++) {
            String path = rule.child("ports") + "[" + i + "]";
            Fields f = r.mapping(items.get(i), path);
            if (f == null) {
                if (ObjectReader.isNull(items.get(i))) {
                    r.error(items.get(i), path, ApiValidation.CRD_ONE_FIELD.format("expected",
                            "portNumber, namedPort or portRange"));
                }
                continue;
            }
            r.checkFields(f, ANP_PORT);
            if (!exactlyOne(f, ANP_PORT, path, "portNumber, namedPort or portRange")) {
                continue;
            }
            if (present(f, "namedPort")) {
                named(f.get("namedPort"), f.child("namedPort")).ifPresent(out::add);
            } else if (present(f, "portNumber")) {
                Fields pn = r.mapping(f.get("portNumber"), f.child("portNumber"));
                if (pn == null) {
                    continue;
                }
                r.checkFields(pn, PORT_NUMBER);
                Optional<Protocol> proto = r.protocol(pn);
                Integer port = portValue(pn, "port");
                if (proto.isPresent() && port != null) {
                    out.add(new AdminPort.Number(proto.get(), port));
                }
            } else {
                Fields pr = r.mapping(f.get("portRange"), f.child("portRange"));
                if (pr == null) {
                    continue;
                }
                r.checkFields(pr, PORT_RANGE);
                Optional<Protocol> proto = r.protocol(pr);
                range(pr).ifPresent(se -> proto.ifPresent(p -> out.add(new AdminPort.Range(p, se[0], se[1]))));
            }
        }
        return out;
    }

    /** v1alpha2 {@code protocols}: each exactly one of tcp, udp, sctp (a destinationPort) or destinationNamedPort. */
    private List<AdminPort> protocols(Fields rule, int max) {
        List<AdminPort> out = new ArrayList<>();
        if (!present(rule, "protocols")) {
            return out;
        }
        List<Node> items = r.list(rule.get("protocols"), rule.child("protocols"));
        if (items.isEmpty() && absentOrEmpty(rule, "protocols")) {
            r.error(rule.get("protocols"), rule.child("protocols"), ApiValidation.CRD_MIN_ITEMS.format("expected",
                    "at least one protocol; leave protocols out to match every port"));
        } else if (items.size() > max) {
            r.error(rule.get("protocols"), rule.child("protocols"), tooMany(items.size(), "protocols", max));
        }
        String expected = "tcp, udp, sctp or destinationNamedPort";
        for (int i = 0; i < items.size(); i++) {
            String path = rule.child("protocols") + "[" + i + "]";
            Fields f = r.mapping(items.get(i), path);
            if (f == null) {
                if (ObjectReader.isNull(items.get(i))) {
                    r.error(items.get(i), path, ApiValidation.CRD_ONE_FIELD.format("expected", expected));
                }
                continue;
            }
            r.checkFields(f, CNP_PROTOCOL);
            if (!exactlyOne(f, CNP_PROTOCOL, path, expected)) {
                continue;
            }
            if (present(f, "destinationNamedPort")) {
                named(f.get("destinationNamedPort"), f.child("destinationNamedPort")).ifPresent(out::add);
                continue;
            }
            String field = present(f, "tcp") ? "tcp" : present(f, "udp") ? "udp" : "sctp";
            Protocol protocol = Protocol.valueOf(field.toUpperCase(Locale.ROOT));
            Fields pf = r.mapping(f.get(field), f.child(field));
            if (pf == null) {
                continue;
            }
            r.checkFields(pf, CNP_PROTOCOL_PORTS);
            if (!present(pf, "destinationPort")) {
                r.error(pf.node(), pf.child("destinationPort"), required("number or range; leave " + field
                        + " out to match every port"));
                continue;
            }
            Fields dp = r.mapping(pf.get("destinationPort"), pf.child("destinationPort"));
            if (dp == null) {
                continue;
            }
            r.checkFields(dp, CNP_PORT);
            if (!exactlyOne(dp, CNP_PORT, dp.path(), "number or range")) {
                continue;
            }
            if (present(dp, "number")) {
                Integer port = portValue(dp, "number");
                if (port != null) {
                    out.add(new AdminPort.Number(protocol, port));
                }
            } else {
                Fields rg = r.mapping(dp.get("range"), dp.child("range"));
                if (rg != null) {
                    r.checkFields(rg, CNP_RANGE);
                    range(rg).ifPresent(se -> out.add(new AdminPort.Range(protocol, se[0], se[1])));
                }
            }
        }
        return out;
    }

    private Optional<AdminPort> named(Node n, String path) {
        String name = r.string(n, path);
        if (name == null) {
            return Optional.empty();
        }
        String problem = Names.portNameProblem(name);
        if (problem != null) {
            r.error(n, path, problem);
            return Optional.empty();
        }
        return Optional.of(new AdminPort.Named(name));
    }

    /** start and end of a range: both required, 1-65535, start below end. */
    private Optional<int[]> range(Fields f) {
        Integer start = portValue(f, "start");
        Integer end = portValue(f, "end");
        if (start == null || end == null) {
            return Optional.empty();
        }
        if (start >= end) {
            r.error(f.get("end"), f.child("end"), ApiValidation.ADMIN_PORT_RANGE.format("end", end.toString(), "start",
                    start.toString()));
            return Optional.empty();
        }
        return Optional.of(new int[] {start, end});
    }

    /** A required port number field, 1-65535. */
    private Integer portValue(Fields f, String field) {
        Long v = r.integer(f.get(field), f.child(field));
        if (v == null) {
            if (!present(f, field)) {
                r.error(f.node(), f.child(field), required("a port number from 1 to 65535"));
            }
            return null;
        }
        if (v < PolicyPort.MIN || v > PolicyPort.MAX) {
            r.error(f.get(field), f.child(field), ApiValidation.ADMIN_PORT.format("number", v.toString()));
            return null;
        }
        return v.intValue();
    }

    /** Whether a list field is absent, null or an empty list (not: a value of another type, reported elsewhere). */
    private static boolean absentOrEmpty(Fields f, String field) {
        Node n = f.get(field);
        return ObjectReader.isNull(n) || n instanceof org.snakeyaml.engine.v2.nodes.SequenceNode s && s.getValue().isEmpty();
    }

    private static boolean present(Fields f, String field) {
        return f.has(field) && !ObjectReader.isNull(f.get(field));
    }

    /** Whether exactly one of the fields is set; reports none or several. */
    private boolean exactlyOne(Fields f, Set<String> fields, String path, String expected) {
        List<String> set = new ArrayList<>();
        for (String name : f.names()) {
            if (fields.contains(name) && present(f, name)) {
                set.add(name);
            }
        }
        if (set.size() == 1) {
            return true;
        }
        r.error(set.isEmpty() ? f.node() : f.key(set.get(1)), path, set.isEmpty()
                ? ApiValidation.CRD_ONE_FIELD.format("expected", expected)
                : ApiValidation.CRD_ONLY_ONE_FIELD.format("fields", String.join(" and ", set), "expected", expected));
        return false;
    }

    private static String required(String expected) {
        return ApiValidation.CRD_REQUIRED.format("expected", expected);
    }

    private static String tooMany(int count, String items, int max) {
        return ApiValidation.CRD_MAX_ITEMS.format("count", Integer.toString(count), "items", items, "max",
                Integer.toString(max));
    }
}
