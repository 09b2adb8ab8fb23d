package dev.stockade.audit.resources;

import dev.stockade.audit.AuditContext;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container defaults the LimitRanges of the input give each namespace. The LimitRanger
 * admission plugin sets a container's missing limit from the {@code Container} item's
 * {@code default}, and its missing request from {@code defaultRequest}; the API defaults those
 * fields first ({@code SetDefaults_LimitRangeItem}): {@code default} from {@code max},
 * {@code defaultRequest} from {@code default}, else from {@code min}. So a limit default exists
 * when {@code default} or {@code max} names the resource, a request default when any of
 * {@code defaultRequest}, {@code default}, {@code max} or {@code min} does.
 */
final class LimitRanges {
    private final Map<String, Set<String>> defaults = new HashMap<>();

    LimitRanges(AuditContext context) {
        for (RawObject lr : context.manifests("LimitRange")) {
            for (RawNode item : lr.at("spec.limits").map(RawNode::items).orElse(List.of())) {
                if (!item.string("type").filter("Container"::equals).isPresent()) {
                    continue;
                }
                Set<String> set = defaults.computeIfAbsent(lr.namespace(), k -> new HashSet<>());
                for (String resource : List.of("cpu", "memory")) {
                    boolean limit = has(item, "default", resource) || has(item, "max", resource);
                    if (limit) {
                        set.add("limits." + resource);
                    }
                    if (limit || has(item, "defaultRequest", resource) || has(item, "min", resource)) {
                        set.add("requests." + resource);
                    }
                }
            }
        }
    }

    private static boolean has(RawNode item, String field, String resource) {
        return item.field(field).flatMap(f -> f.field(resource)).isPresent();
    }

    /** Whether a LimitRange of {@code namespace} defaults {@code field} ({@code requests.memory}, …). */
    boolean defaults(String namespace, String field) {
        return defaults.getOrDefault(namespace, Set.of()).contains(field);
    }
}
