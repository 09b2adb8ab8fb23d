package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.engine.Selectors;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Roles, ClusterRoles and bindings of the input, the role a binding refers to, and each
 * role's effective rules. A ClusterRole with an {@code aggregationRule} is, in a cluster,
 * rewritten by the aggregation controller to the union of the rules of every ClusterRole whose
 * labels match one of its {@code clusterRoleSelectors}; here it has its written rules plus those of
 * the matching ClusterRoles of the input (themselves resolved the same way, cycles cut).
 */
final class RbacIndex {
    /** The label of the API server's bootstrap policy objects (not audited). */
    static final String BOOTSTRAP_LABEL = "kubernetes.io/bootstrapping";
    /** The sentence every RBAC rule's description ends with. */
    static final String NOT_AUDITED = " Objects labelled kubernetes.io/bootstrapping: rbac-defaults (the API server's own"
            + " bootstrap policy, recreated at every start) are not audited.";

    private final Map<String, RoleObject> roles = new LinkedHashMap<>();
    private final List<RawObject> bindings = new ArrayList<>();

    RbacIndex(AuditContext context) {
        for (String kind : List.of("Role", "ClusterRole")) {
            for (RawObject o : context.manifests(kind)) {
                roles.putIfAbsent(key(kind, o.namespace(), o.name()), RoleObject.of(o));
            }
        }
        bindings.addAll(context.manifests("RoleBinding"));
        bindings.addAll(context.manifests("ClusterRoleBinding"));
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    /** Whether {@code o} belongs to the API server's bootstrap policy ({@code kubernetes.io/bootstrapping: rbac-defaults}). */
    static boolean bootstrap(RawObject o) {
        return o.at("metadata.labels").flatMap(l -> l.string(BOOTSTRAP_LABEL)).filter("rbac-defaults"::equals)
                .isPresent();
    }

    /** The roles of the input that are audited, in reading order. */
    List<RoleObject> roles() {
        return roles.values().stream().filter(r -> !bootstrap(r.raw())).toList();
    }

    /** The bindings of the input that are audited, RoleBindings first, in reading order. */
    List<RawObject> bindings() {
        return bindings.stream().filter(b -> !bootstrap(b)).toList();
    }

    /** {@code roleRef.kind} of a binding ({@code ClusterRole} or {@code Role}). */
    static String roleKind(RawObject binding) {
        return binding.at("roleRef.kind").flatMap(RawNode::text).orElse("");
    }

    static String roleName(RawObject binding) {
        return binding.at("roleRef.name").flatMap(RawNode::text).orElse("");
    }

    /**
     * The role a binding refers to, when the input defines it: a RoleBinding's {@code Role} is in
     * the binding's namespace; a ClusterRoleBinding may only refer to a ClusterRole.
     */
    Optional<RoleObject> role(RawObject binding) {
        String kind = roleKind(binding);
        if (kind.equals("Role")) {
            return binding.kind().equals("RoleBinding")
                    ? Optional.ofNullable(roles.get(key("Role", binding.namespace(), roleName(binding))))
                    : Optional.empty();
        }
        return kind.equals("ClusterRole") ? Optional.ofNullable(roles.get(key("ClusterRole", "", roleName(binding))))
                : Optional.empty();
    }

    /** A rule together with the role it is written in. */
    record Sourced(RoleObject role, RbacRule rule) {}

    /** The role's rules and, for an aggregated ClusterRole, those of the ClusterRoles it aggregates. */
    List<Sourced> effectiveRules(RoleObject role) {
        List<Sourced> out = new ArrayList<>();
        collect(role, new HashSet<>(), out);
        return out;
    }

    /**
     * Whether {@code rule}, written in the aggregated ClusterRole {@code role}, is a copy of a
     * rule it aggregates (as in a dump of a live cluster, where the controller has filled in
     * {@code rules}): it is then reported where it comes from only.
     */
    boolean gained(RoleObject role, RbacRule rule) {
        return role.aggregated() && effectiveRules(role).stream()
                .anyMatch(s -> s.role() != role && s.rule().sameGrants(rule));
    }

    private void collect(RoleObject role, Set<String> seen, List<Sourced> out) {
        if (!seen.add(role.raw().ref().toString())) {
            return;
        }
        role.rules().forEach(r -> out.add(new Sourced(role, r)));
        if (!role.aggregated()) {
            return;
        }
        for (RoleObject other : roles.values()) {
            if (other.cluster() && other != role && role.aggregationSelectors().stream()
                    .anyMatch(s -> matches(s, labels(other.raw())))) {
                collect(other, seen, out);
            }
        }
    }

    private static Labels labels(RawObject o) {
        Map<String, String> m = new TreeMap<>();
        o.at("metadata.labels").ifPresent(l -> l.fields().forEach((k, v) -> v.text().ifPresent(t -> m.put(k, t))));
        return Labels.of(m);
    }

    /** A label selector as written; one that cannot be read (an unknown operator) matches nothing. */
    static boolean matches(RawNode selector, Labels labels) {
        if (!selector.isMapping()) {
            return false;
        }
        Map<String, String> matchLabels = new TreeMap<>();
        selector.field("matchLabels").ifPresent(l -> l.fields().forEach((k, v) -> matchLabels.put(k, v.text().orElse(""))));
        List<LabelSelector.Requirement> exprs = new ArrayList<>();
        for (RawNode e : selector.field("matchExpressions").map(RawNode::items).orElse(List.of())) {
            Optional<LabelSelector.Operator> op = e.string("operator").flatMap(LabelSelector.Operator::parse);
            List<String> values = e.field("values").map(RawNode::items).orElse(List.of()).stream()
                    .map(n -> n.text().orElse("")).toList();
            try {
                exprs.add(new LabelSelector.Requirement(e.string("key").orElse(""), op.orElseThrow(), values));
            } catch (RuntimeException invalid) {
                return false;
            }
        }
        return Selectors.matches(new LabelSelector(new TreeMap<>(matchLabels), exprs), labels);
    }
}
