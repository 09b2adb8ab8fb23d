package dev.stockade.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The fields of one YAML mapping, by name, with the key nodes (for positions) and the
 * mapping's own path.
 */
final class Fields {
    private final Node node;
    private final String path;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    Fields(Node node, String path) {
        this.node = node;
        this.path = path;
    }

    void put(String name, Node key, Node value) {
        values.put(name, value);
        keys.put(name, key);
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    /** The value node of a field, or null when absent. */
    Node get(String name) {
        return values.get(name);
    }

    /**
     * The value node of the key {@code name} in {@code n} when it is a mapping, else null: for
     * checks that look into a part of an object its reader has not turned into {@link Fields}.
     */
    static Node valueOf(Node n, String name) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Node key(String name) {
        return keys.get(name);
    }

    Set<String> names() {
        return values.keySet();
    }

    /** The path of a child field: {@code spec.ingress} (a key that is not plain text escaped, see {@link Quote#pathStep}). */
    String child(String name) {
        String step = Quote.pathStep(name);
        return path.isEmpty() ? step : path + "." + step;
    }
}
