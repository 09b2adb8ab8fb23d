package dev.stockade.load;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * An object's identity as the API server checks it: {@code metadata.namespace} is a DNS-1123
 * label for every namespaced kind, and {@code metadata.name} follows its kind's rule (the rows
 * of {@link ApiValidation}): a Namespace's a DNS-1123 label, a Service's a DNS-1035 label, a
 * CronJob's at most 52 characters, a Job's at most 63 (unless it selects its pods by hand), the
 * BaselineAdminNetworkPolicy's {@code default}, every other kind's a DNS-1123 subdomain. Also
 * how an object is named in messages: as written when valid, {@linkplain Quote quoted} where not.
 */
final class ObjectNames {
    private ObjectNames() {}

    /** The rows that {@code metadata.name} of {@code kind} must pass, in order. */
    static List<ApiValidation> nameRules(String kind) {
        return switch (kind) {
            case "Namespace" -> List.of(ApiValidation.NAMESPACE_NAME);
            case "Service" -> List.of(ApiValidation.SERVICE_NAME);
            case "CronJob" -> List.of(ApiValidation.OBJECT_NAME, ApiValidation.CRONJOB_NAME_LENGTH);
            case "Job" -> List.of(ApiValidation.OBJECT_NAME, ApiValidation.JOB_NAME_LENGTH);
            case "BaselineAdminNetworkPolicy" -> List.of(ApiValidation.BASELINE_NAME);
            case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" -> List.of(ApiValidation.RBAC_NAME);
            default -> List.of(ApiValidation.OBJECT_NAME);
        };
    }

    /**
     * Checks the name and (for a namespaced kind) the namespace of an object, reporting at the
     * field; whether both are valid. {@code top} is the object's mapping (for a Job's
     * {@code spec.manualSelector}).
     */
    static boolean check(ObjectReader r, String kind, Fields top, Fields meta, String name, String namespace,
                         boolean clusterScoped) {
        return check(r, nameRules(kind).stream().filter(rule -> rule != ApiValidation.JOB_NAME_LENGTH
                        || !manualSelector(top)).toList(), meta.get("name"), name,
                !clusterScoped && meta.has("namespace") ? meta.get("namespace") : null, namespace);
    }

    /**
     * Reports, at its node, a namespace that is not a DNS-1123 label (when {@code namespaceAt} is
     * not null) and the first of {@code rules} the name breaks; whether both are valid.
     */
    private static boolean check(ObjectReader r, List<ApiValidation> rules, Node nameAt, String name, Node namespaceAt,
                                 String namespace) {
        boolean ok = true;
        if (namespaceAt != null) {
            String problem = Names.namespaceProblem(namespace);
            if (problem != null) {
                r.error(namespaceAt, "metadata.namespace", problem);
                ok = false;
            }
        }
        for (ApiValidation rule : rules) {
            var problem = rule.problem(name);
            if (problem.isPresent()) {
                r.error(nameAt, "metadata.name", problem.get());
                return false;
            }
        }
        return ok;
    }

    /**
     * The kinds Stockade does not model but audit reads as written, whose names are checked too,
     * each with whether it is namespaced. Other kinds that are skipped are only counted: their
     * rules are not Stockade's to know.
     */
    private static final Map<String, Boolean> CHECKED_AS_WRITTEN = Map.of("ConfigMap", true,
            "Secret", true, "ServiceAccount", true, "LimitRange", true, "Role", true, "RoleBinding", true,
            "PeerAuthentication", true, "DestinationRule", true, "ClusterRole", false, "ClusterRoleBinding", false);

    /**
     * Checks the name and namespace of an object of a kind only audit reads, as written (a
     * missing or malformed metadata is left alone: such an object is not kept); whether both are
     * valid or not checked.
     */
    static boolean checkAsWritten(ObjectReader r, String kind, Fields top) {
        Boolean namespaced = CHECKED_AS_WRITTEN.get(kind);
        if (namespaced == null) {
            return true;
        }
        Node metadata = Fields.valueOf(top.node(), "metadata");
        String namespace = namespaced ? string(metadata, "namespace") : null;
        String name = string(metadata, "name");
        return check(r, name == null ? List.of() : nameRules(kind), Fields.valueOf(metadata, "name"), name,
                namespace == null ? null : Fields.valueOf(metadata, "namespace"), namespace);
    }

    /** The non-empty string written at {@code name} of a mapping, or null. */
    private static String string(Node n, String name) {
        return Fields.valueOf(n, name) instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isEmpty()
                ? s.getValue() : null;
    }

    /** {@code Kind ns/name} ({@code Kind name} when cluster-scoped), each part quoted when it is not a valid name. */
    static String label(String kind, String namespace, String name, boolean clusterScoped) {
        String n = Names.isDnsSubdomain(name) ? name : Quote.of(name);
        String ns = clusterScoped ? "" : (Names.isDnsLabel(namespace) ? namespace : Quote.of(namespace)) + "/";
        return (kind == null ? "" : kind + " ") + ns + n;
    }

    /**
     * How an object is named before its fields are read, reporting nothing: {@code Kind ns/name}
     * from the scalars written (namespace {@code default} when absent and the kind is namespaced;
     * no kind when it is not a plain string), or empty when the name cannot be read.
     */
    static String quietLabel(Node top, Set<String> clusterScopedKinds) {
        String kind = Fields.valueOf(top, "kind") instanceof ScalarNode k && k.getTag().equals(Tag.STR) ? k.getValue() : null;
        Node metadata = Fields.valueOf(top, "metadata");
        String name = scalar(metadata, "name");
        if (name == null || name.isEmpty()) {
            return "";
        }
        String namespace = scalar(metadata, "namespace");
        boolean clusterScoped = kind == null ? namespace == null || namespace.isEmpty()
                : clusterScopedKinds.contains(kind);
        return label(kind, namespace == null || namespace.isEmpty() ? "default" : namespace, name, clusterScoped);
    }

    /** Whether {@code spec.manualSelector} is written as true. */
    private static boolean manualSelector(Fields top) {
        String v = scalar(Fields.valueOf(top.node(), "spec"), "manualSelector");
        return v != null && v.equalsIgnoreCase("true");
    }


    private static String scalar(Node n, String name) {
        return Fields.valueOf(n, name) instanceof ScalarNode s && !ObjectReader.isNull(s) ? s.getValue() : null;
    }
}
