package dev.stockade.manifest;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One object of the input as written, of any kind: its identity and its whole YAML tree with
 * positions. Namespaced objects without a namespace are in {@code default}; cluster-scoped
 * kinds the loader knows (Namespace, ClusterRole, …) have an empty namespace.
 */
public record RawObject(String kind, String apiVersion, String namespace, String name, Source source, RawNode root) {
    public RawObject {
        apiVersion = apiVersion == null ? "" : apiVersion;
        namespace = namespace == null ? "" : namespace;
    }

    public ObjectRef ref() {
        return new ObjectRef(kind, namespace, name);
    }

    /** The node at {@code path}, when every step of it exists. */
    public Optional<RawNode> at(FieldPath path) {
        RawNode n = root;
        for (Object step : path.steps()) {
            if (step instanceof Integer i) {
                if (!n.isSequence() || i >= n.items().size()) {
                    return Optional.empty();
                }
                n = n.items().get(i);
            } else {
                Optional<RawNode> f = n.field((String) step);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                n = f.get();
            }
        }
        return Optional.of(n);
    }

    public Optional<RawNode> at(String path) {
        return at(FieldPath.parse(path));
    }

    /**
     * Where {@code path} is written: the key of its last field when it exists (so a finding
     * about {@code privileged: true} points at {@code privileged}), else the nearest existing
     * parent — a finding about a missing field points at where it belongs.
     */
    public Source locate(FieldPath path) {
        RawNode n = root;
        Source best = root.source();
        for (Object step : path.steps()) {
            if (step instanceof Integer i) {
                if (!n.isSequence() || i >= n.items().size()) {
                    return best;
                }
                n = n.items().get(i);
                best = n.source();
            } else {
                String name = (String) step;
                Optional<RawNode> f = n.field(name);
                if (f.isEmpty()) {
                    return best;
                }
                best = n.keySource(name).orElse(f.get().source());
                n = f.get();
            }
        }
        return best;
    }

    /** {@code metadata.annotations}, by key (scalar values only). */
    public Map<String, String> annotations() {
        Map<String, String> out = new LinkedHashMap<>();
        at("metadata.annotations").ifPresent(a -> a.fields().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t))));
        return out;
    }
}
