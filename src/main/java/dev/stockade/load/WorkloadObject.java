package dev.stockade.load;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;

/**
 * A Pod or a controller as read, before owners are resolved.
 *
 * @param owner the controlling owner reference (same namespace), or null
 * @param pod the Pod itself, or the pod made from the controller's template; null when the
 *     controller's template was unusable
 */
record WorkloadObject(ObjectRef ref, ObjectRef owner, Pod pod, Source source) {
    boolean isPod() {
        return ref.kind().equals("Pod");
    }
}
