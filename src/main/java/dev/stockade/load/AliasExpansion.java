package dev.stockade.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Guards the readers against YAML alias bombs ("billion laughs") and recursive aliases. The
 * composer shares an aliased node instead of copying it, so a few hundred bytes can describe a
 * tree of billions of nodes, and readers (a {@code List} of {@code List}s, above all) walk that
 * tree. Like the Kubernetes YAML decoder, which expands aliases and rejects excessive aliasing,
 * a document is refused when its aliases add more than {@link #MAX_EXTRA_NODES} nodes, or when
 * an alias occurs inside the node it refers to (the tree would never end).
 */
final class AliasExpansion {
    private AliasExpansion() {}

    /** Most nodes aliases may add to one document. */
    static final long MAX_EXTRA_NODES = 100_000;

    /** What is wrong with a document, and the node to point at. */
    record Problem(Node at, String message) {}

    /** Null when the document is a finite tree of reasonable size, else what is wrong. */
    static Problem problem(Node root) {
        Map<Node, Long> size = new IdentityHashMap<>();
        Map<Node, Boolean> open = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (size.containsKey(n)) {
                stack.pop();
                continue;
            }
            List<Node> children = children(n);
            if (open.put(n, Boolean.TRUE) == null) {
                for (Node c : children) {
                    if (open.containsKey(c) && !size.containsKey(c)) {
                        return recursive(c);
                    }
                    if (!size.containsKey(c)) {
                        stack.push(c);
                    }
                }
                continue;
            }
            long total = 1;
            for (Node c : children) {
                total = Math.min(Long.MAX_VALUE / 2, total + size.get(c));
            }
            size.put(n, total);
            stack.pop();
        }
        long written = size.size();
        long expanded = size.get(root);
        if (expanded - written > MAX_EXTRA_NODES) {
            return new Problem(root, "YAML aliases expand this document from " + written + " to " + expanded
                    + " nodes (expected at most " + MAX_EXTRA_NODES + " more; this looks like a \"billion laughs\" YAML bomb)");
        }
        return null;
    }

    private static Problem recursive(Node n) {
        String anchor = n.getAnchor().map(a -> "&" + a.getValue() + " ").orElse("");
        return new Problem(n, "YAML anchor " + anchor + "is used inside itself (expected a tree; a recursive alias"
                + " never ends)");
    }

    private static List<Node> children(Node n) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (n instanceof MappingNode m) {
            List<Node> out = new ArrayList<>(m.getValue().size() * 2);
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
            return out;
        }
        return List.of();
    }
}
