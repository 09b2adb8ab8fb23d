package dev.stockade.load;

import dev.stockade.model.ObjectRef;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code metadata.ownerReferences} of an object, validated as the API server validates them on
 * every object: each reference has an {@code apiVersion} with a version, a {@code kind}, a
 * {@code name} and a {@code uid} ({@link ApiValidation#OWNER_REFERENCE_REQUIRED},
 * {@link ApiValidation#OWNER_REFERENCE_API_VERSION}), and at most one says
 * {@code controller: true} ({@link ApiValidation#OWNER_REFERENCE_CONTROLLER}). The owner that
 * matters to the model is the controlling one (else the first reference); Node owners (mirror
 * pods) are not modelled.
 */
final class OwnerReferences {
    private final ObjectReader r;

    OwnerReferences(ObjectReader r) {
        this.r = r;
    }

    /** The owner in {@code namespace} the object belongs to, or null (problems are reported). */
    ObjectRef owner(Fields meta, String namespace) {
        if (meta == null || !meta.has("ownerReferences")) {
            return null;
        }
        List<Node> refs = r.list(meta.get("ownerReferences"), meta.child("ownerReferences"));
        ObjectRef first = null;
        ObjectRef controlling = null;
        String controllerAt = null;
        for (int i = 0; i < refs.size(); i++) {
            Fields f = r.mapping(refs.get(i), meta.child("ownerReferences") + "[" + i + "]");
            if (f == null) {
                continue;
            }
            r.checkFields(f, KnownFields.OWNER_REFERENCE);
            String apiVersion = required(f, "apiVersion", "the owner's apiVersion, e.g. apps/v1");
            if (apiVersion != null && !hasVersion(apiVersion)) {
                r.error(f.get("apiVersion"), f.child("apiVersion"),
                        ApiValidation.OWNER_REFERENCE_API_VERSION.format("value", apiVersion));
            }
            String kind = required(f, "kind", "the owner's kind, e.g. ReplicaSet");
            String name = required(f, "name", "the owner's name");
            required(f, "uid", "the owner's metadata.uid");
            Boolean controller = r.bool(f.get("controller"), f.child("controller"));
            if (Boolean.TRUE.equals(controller)) {
                if (controllerAt != null) {
                    r.error(f.get("controller"), f.child("controller"),
                            ApiValidation.OWNER_REFERENCE_CONTROLLER.fill("first", controllerAt));
                } else {
                    controllerAt = f.path();
                }
            }
            if (kind == null || name == null || kind.equals("Node")) {
                continue;
            }
            ObjectRef ref = new ObjectRef(kind, namespace, name);
            if (Boolean.TRUE.equals(controller) && controlling == null) {
                controlling = ref;
            }
            if (first == null) {
                first = ref;
            }
        }
        return controlling != null ? controlling : first;
    }

    /**
     * The field's text; null when it is not a string (reported), and when it is absent or empty,
     * reported as {@link ApiValidation#OWNER_REFERENCE_REQUIRED}.
     */
    private String required(Fields f, String field, String expected) {
        Node n = f.get(field);
        String value = r.string(n, f.child(field));
        if (value == null && !ObjectReader.isNull(n)) {
            return null;
        }
        if (value == null || value.isEmpty()) {
            r.error(n == null ? f.node() : n, f.child(field), ApiValidation.OWNER_REFERENCE_REQUIRED.format("expected",
                    expected));
            return null;
        }
        return value;
    }

    /** An apiVersion the API server reads a version from: {@code v1}, {@code apps/v1} (at most one '/'). */
    static boolean hasVersion(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 || (slash == apiVersion.lastIndexOf('/') && slash < apiVersion.length() - 1);
    }
}
