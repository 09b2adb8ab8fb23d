package dev.stockade.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The Gateway API routes' CEL rules across {@code spec.parentRefs}: references to one parent (the same
 * group and kind, defaulted, namespace as written, an empty one as none, and name) set sectionName and
 * port alike, and no two of them have the same sectionName and port (an empty sectionName and port 0
 * count as not set).
 */
final class ParentRefRules {
    private final ObjectReader r;

    ParentRefRules(ObjectReader r) {
        this.r = r;
    }

    /** Reports every parentRef of {@code refs} (already read) that breaks one of the rules. */
    void check(List<Node> refs) {
        Map<String, Integer> firstOfParent = new HashMap<>();
        Map<String, String> setOfParent = new HashMap<>();
        Map<String, Integer> firstOfRef = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String path = "spec.parentRefs[" + i + "]";
            if (!(refs.get(i) instanceof MappingNode m)) {
                continue;
            }
            Map<String, String> p = texts(m);
            String parent = p.getOrDefault("group", GatewayApiReader.GROUP) + "/" + p.getOrDefault("kind", "Gateway")
                    + "/" + p.getOrDefault("namespace", "") + "/" + p.getOrDefault("name", "");
            String section = p.getOrDefault("sectionName", "");
            String port = p.getOrDefault("port", "0");
            String set = !section.isEmpty() && !port.equals("0") ? "sectionName and port" : !section.isEmpty()
                    ? "sectionName" : !port.equals("0") ? "port" : "neither sectionName nor port";
            Integer first = firstOfParent.putIfAbsent(parent, i);
            if (first != null && !setOfParent.get(parent).equals(set)) {
                r.error(refs.get(i), path, ApiValidation.GATEWAY_PARENT_REF_ALIKE.format("first",
                        "spec.parentRefs[" + first + "]", "set", setOfParent.get(parent)));
                continue;
            }
            setOfParent.putIfAbsent(parent, set);
            Integer same = firstOfRef.putIfAbsent(parent + "/" + section + "/" + port, i);
            if (same != null) {
                r.error(refs.get(i), path, ApiValidation.GATEWAY_PARENT_REF_UNIQUE.format("first",
                        "spec.parentRefs[" + same + "]"));
            }
        }
    }

    /** The scalar fields of a parentRef as written (the first of a repeated key; null values left out). */
    private static Map<String, String> texts(MappingNode m) {
        Map<String, String> out = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v
                    && !ObjectReader.isNull(v)) {
                out.putIfAbsent(k.getValue(), v.getValue());
            }
        }
        return out;
    }
}
