package dev.stockade.load;

import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Copies parser nodes into {@link RawNode} trees, so no parser type leaves {@code load}. The
 * parser makes a new string for every scalar; the short ones (keys, kinds, namespaces, the same
 * values over and over) are shared across the objects of one load, so a million objects as
 * written do not hold a million copies of {@code apiVersion}, {@code metadata} and {@code v1}.
 */
final class RawObjects {
    /** Kinds without a namespace; any other object without one is in {@code default}. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "RuntimeClass", "APIService",
            "AuditConfig", "AuditBaseline");

    /** Longest string shared, and most strings remembered (beyond, new strings are kept as they are). */
    private static final int SHARED_LENGTH = 32;
    private static final int SHARED_COUNT = 1 << 16;

    private final Map<String, String> shared = new HashMap<>();

    /** The object of a mapping node with a kind, or null when it has no name. */
    RawObject object(String file, String kind, String apiVersion, Node top) {
        RawNode root = node(file, top);
        RawNode meta = root.field("metadata").orElse(null);
        String name = meta == null ? null : meta.string("name").orElse(null);
        if (name == null || name.isEmpty()) {
            return null;
        }
        String namespace = CLUSTER_SCOPED.contains(kind) ? ""
                : meta.string("namespace").filter(s -> !s.isEmpty()).orElse("default");
        return new RawObject(share(kind), apiVersion == null ? null : share(apiVersion), namespace, name,
                root.source(), root);
    }

    private String share(String s) {
        if (s == null || s.length() > SHARED_LENGTH) {
            return s;
        }
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() < SHARED_COUNT) {
            shared.put(s, s);
        }
        return s;
    }

    private RawNode node(String file, Node n) {
        Source at = ObjectReader.sourceOf(file, n);
        return switch (n) {
            // as kubectl sends it: yes is true, 0755 is 493
            case ScalarNode s -> RawNode.scalar(ObjectReader.isNull(s) ? null : share(KubectlJson.value(s)), at);
            case SequenceNode s -> {
                List<RawNode> items = new ArrayList<>(s.getValue().size());
                for (Node item : s.getValue()) {
                    items.add(node(file, item));
                }
                yield RawNode.sequence(items, at);
            }
            case MappingNode m -> {
                Map<String, RawNode> fields = new LinkedHashMap<>();
                Map<String, Source> keys = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    String name = t.getKeyNode() instanceof ScalarNode k ? KubectlJson.key(k) : null;
                    if (name != null) {
                        String key = share(name);
                        fields.put(key, node(file, t.getValueNode()));
                        keys.put(key, ObjectReader.sourceOf(file, t.getKeyNode()));
                    }
                }
                yield RawNode.mapping(fields, keys, at);
            }
            default -> RawNode.scalar(null, at);
        };
    }
}
