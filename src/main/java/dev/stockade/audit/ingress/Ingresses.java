package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.engine.Selectors;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading Ingresses and the Services behind them as written (the cluster model keeps neither).
 * A backend is {@code spec.defaultBackend} or {@code spec.rules[i].http.paths[j].backend}
 * ({@code networking.k8s.io/v1}: {@code service.name}, {@code service.port.number|name}; the
 * older {@code serviceName}/{@code servicePort} spelling is read too); resource backends are
 * not Services and are skipped.
 */
final class Ingresses {
    static final FieldPath ANNOTATIONS = FieldPath.parse("metadata.annotations");

    private Ingresses() {}

    /** One backend of an Ingress: where it is written (its {@code service}), the Service's name and port. */
    record Backend(RawObject ingress, FieldPath path, String service, Optional<String> port) {
        FieldPath name() {
            return path.field(path.steps().getLast().equals("service") ? "name" : "serviceName");
        }

        FieldPath portPath() {
            return path.steps().getLast().equals("service") ? path.field("port") : path.field("servicePort");
        }
    }

    /** The path of annotation {@code key}. */
    static FieldPath annotation(String key) {
        return ANNOTATIONS.field(key);
    }

    /** An annotation's value, lower-cased and trimmed. */
    static Optional<String> value(RawObject o, String key) {
        return Optional.ofNullable(o.annotations().get(key)).map(v -> v.strip().toLowerCase(Locale.ROOT));
    }

    /** How a message names an option's annotation keys: the first, and how many others count. */
    static String keys(List<String> keys) {
        return keys.isEmpty() ? " (the option annotations lists no key)"
                : keys.size() == 1 ? " (" + keys.getFirst() + ")"
                : " (" + keys.getFirst() + ", or one of the " + (keys.size() - 1)
                        + " other entries of the option annotations)";
    }

    static boolean isTrue(RawObject o, String key) {
        return value(o, key).filter(v -> v.equals("true")).isPresent();
    }

    /** Every Service backend of an Ingress, default backend first, then rules and paths in order. */
    static List<Backend> backends(RawObject ingress) {
        List<Backend> out = new ArrayList<>();
        for (String d : List.of("spec.defaultBackend", "spec.backend")) {
            ingress.at(d).flatMap(b -> backend(ingress, FieldPath.parse(d), b)).ifPresent(out::add);
        }
        List<RawNode> rules = ingress.at("spec.rules").map(RawNode::items).orElse(List.of());
        for (int i = 0; i < rules.size(); i++) {
            List<RawNode> paths = rules.get(i).field("http").flatMap(h -> h.field("paths")).map(RawNode::items)
                    .orElse(List.of());
            for (int j = 0; j < paths.size(); j++) {
                FieldPath at = FieldPath.parse("spec.rules[" + i + "].http.paths[" + j + "].backend");
                paths.get(j).field("backend").flatMap(b -> backend(ingress, at, b)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Backend> backend(RawObject ingress, FieldPath at, RawNode b) {
        Optional<RawNode> service = b.field("service");
        if (service.isPresent()) {
            Optional<String> name = service.get().string("name");
            Optional<String> port = service.get().field("port")
                    .flatMap(p -> p.string("number").or(() -> p.string("name")));
            return name.map(n -> new Backend(ingress, at.field("service"), n, port));
        }
        return b.string("serviceName").map(n -> new Backend(ingress, at, n, b.string("servicePort")));
    }

    /** The Services of the input by {@code namespace/name}. */
    static Map<String, RawObject> services(AuditContext context) {
        Map<String, RawObject> out = new LinkedHashMap<>();
        for (RawObject s : context.manifests("Service")) {
            out.putIfAbsent(s.namespace() + "/" + s.name(), s);
        }
        return out;
    }

    /** {@code spec.selector} of a Service (empty: it selects no pods itself). */
    static Map<String, String> selector(RawObject service) {
        Map<String, String> out = new LinkedHashMap<>();
        service.at("spec.selector").ifPresent(n -> n.fields().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t))));
        return out;
    }

    /** The workloads of the Service's namespace with a pod its selector matches. */
    static List<Workload> selected(AuditContext context, RawObject service) {
        Map<String, String> selector = selector(service);
        if (selector.isEmpty()) {
            return List.of();
        }
        LabelSelector s = LabelSelector.matchLabels(selector);
        return context.workloads().stream().filter(w -> w.namespace().equals(service.namespace()))
                .filter(w -> w.pods().stream().anyMatch(p -> Selectors.matches(s, p.labels()))).toList();
    }

    /** The Service port an Ingress backend names (a number matches {@code port}, a name matches {@code name}). */
    static Optional<RawNode> servicePort(RawObject service, String port) {
        for (RawNode p : service.at("spec.ports").map(RawNode::items).orElse(List.of())) {
            if (port.matches("[0-9]+") ? p.string("port").filter(port::equals).isPresent()
                    : p.string("name").filter(port::equals).isPresent()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
