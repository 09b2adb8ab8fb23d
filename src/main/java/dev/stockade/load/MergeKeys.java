package dev.stockade.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML 1.1 merge keys, applied to a composed document as kubectl applies them (go-yaml v2, under
 * sigs.k8s.io/yaml). A plain key {@code <<} (a quoted one is an ordinary key) takes a mapping, or
 * a list of mappings, usually aliases ({@code <<: *defaults}, {@code <<: [*a, *b]}), and its
 * fields are written into the mapping that holds it. The entries of a mapping are applied in the
 * order written and a later write wins: a key written after {@code <<} overrides the merged one,
 * a key written before it is overridden by it (said in a warning, as that is rarely meant), and of
 * a list of mappings the earlier ones win. Merged fields keep the positions of the mapping they
 * come from. Runs after {@link AliasExpansion} has bounded the tree: merging only moves existing
 * nodes up a level, so the tree neither grows nor deepens.
 */
final class MergeKeys {
    private final String file;
    private final Diagnostics problems;
    private final Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());

    MergeKeys(String file, Diagnostics problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Whether {@code key} is a merge key: the plain scalar {@code <<}. */
    static boolean isMerge(Node key) {
        return key instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && s.getValue().equals("<<");
    }

    /** Applies every merge key of a document; false (with an error) when one cannot be applied. */
    boolean apply(Node root) {
        done.clear();
        return flatten(root);
    }

    private boolean flatten(Node n) {
        if (!done.add(n)) {
            return true;
        }
        if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (!flatten(item)) {
                    return false;
                }
            }
            return true;
        }
        if (!(n instanceof MappingNode m)) {
            return true;
        }
        boolean merges = false;
        for (NodeTuple t : m.getValue()) {
            if (!flatten(t.getKeyNode()) || !flatten(t.getValueNode())) {
                return false;
            }
            merges |= isMerge(t.getKeyNode());
        }
        return !merges || merge(m);
    }

    /** The entries of a mapping with merge keys, written in order, a later write replacing an earlier one. */
    private boolean merge(MappingNode m) {
        List<NodeTuple> out = new ArrayList<>(m.getValue().size());
        Map<String, Integer> at = new HashMap<>();
        Map<String, Boolean> written = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!isMerge(t.getKeyNode())) {
                write(out, at, written, t, null);
                continue;
            }
            List<MappingNode> sources = sources(t.getValueNode());
            if (sources == null) {
                return false;
            }
            for (MappingNode source : sources) {
                for (NodeTuple field : source.getValue()) {
                    write(out, at, written, field, t.getKeyNode());
                }
            }
        }
        m.setValue(out);
        return true;
    }

    /** Writes one entry; {@code merge} is the merge key it comes from, null for an entry written in place. */
    private void write(List<NodeTuple> out, Map<String, Integer> at, Map<String, Boolean> written, NodeTuple t,
            Node merge) {
        String key = t.getKeyNode() instanceof ScalarNode k ? String.valueOf(KubectlJson.key(k)) : null;
        Integer i = key == null ? null : at.get(key);
        if (i == null || (merge == null && written.get(key))) {
            // a new key, or a key written twice in place (reported as a duplicate when read)
            if (key != null) {
                at.put(key, out.size());
                written.put(key, merge == null);
            }
            out.add(t);
            return;
        }
        if (merge != null && written.get(key)) {
            Node k = out.get(i).getKeyNode();
            problems.warning(ObjectReader.sourceOf(file, k), "", "", "key " + Quote.of(((ScalarNode) k).getValue())
                    + " is overridden by the merge key << at line " + ObjectReader.sourceOf(file, merge).line()
                    + " (kubectl applies a merge key where it is written; write the key after <<, or leave it out)");
        }
        out.set(i, t);
        written.put(key, merge == null);
    }

    /** The mappings a merge key's value holds, the one to win last; null (reported) when it holds anything else. */
    private List<MappingNode> sources(Node value) {
        if (value instanceof MappingNode m) {
            return List.of(m);
        }
        if (value instanceof SequenceNode s) {
            List<MappingNode> out = new ArrayList<>(s.getValue().size());
            for (Node item : s.getValue()) {
                if (!(item instanceof MappingNode m)) {
                    return wrong(item);
                }
                out.add(m);
            }
            // of a list, the earlier mappings win: they are written last
            Collections.reverse(out);
            return out;
        }
        return wrong(value);
    }

    private List<MappingNode> wrong(Node n) {
        problems.error(ObjectReader.sourceOf(file, n), "", "", "the merge key << takes a mapping or a list of"
                + " mappings (an alias such as *defaults), found " + ObjectReader.describe(n)
                + "; the document is skipped");
        return null;
    }
}
