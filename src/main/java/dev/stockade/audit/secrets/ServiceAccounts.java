package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.manifest.RawObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service account a pod runs as, and the ServiceAccount objects of the input. A pod's
 * account is {@code spec.serviceAccountName}, else the deprecated {@code spec.serviceAccount},
 * else (absent or empty) {@code default}, which the ServiceAccount controller creates in every
 * namespace.
 */
final class ServiceAccounts {
    static final String DEFAULT = "default";

    private final Map<String, RawObject> byName = new HashMap<>();
    private final Map<String, Integer> perNamespace = new HashMap<>();

    ServiceAccounts(AuditContext context) {
        for (RawObject sa : context.manifests("ServiceAccount")) {
            byName.putIfAbsent(sa.namespace() + "/" + sa.name(), sa);
            perNamespace.merge(sa.namespace(), 1, Integer::sum);
        }
    }

    /** The field that names the pod's account, when one is written and not empty. */
    static Optional<String> field(WorkloadPod pod) {
        for (String f : new String[] {"serviceAccountName", "serviceAccount"}) {
            if (pod.text(f).filter(s -> !s.isEmpty()).isPresent()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The pod's service account name. */
    static String name(WorkloadPod pod) {
        return field(pod).flatMap(pod::text).orElse(DEFAULT);
    }

    /** The ServiceAccount object the pod runs as, when the input has it. */
    Optional<RawObject> of(WorkloadPod pod) {
        return Optional.ofNullable(byName.get(pod.workload().namespace() + "/" + name(pod)));
    }

    /** How many ServiceAccounts the input defines in {@code namespace}. */
    int count(String namespace) {
        return perNamespace.getOrDefault(namespace, 0);
    }
}
