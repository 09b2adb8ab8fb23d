package dev.stockade.audit;

import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workload's pod spec as written ({@link PodTemplates#spec}), with its containers of the three
 * lists, for rules that read fields the model does not keep (env, image, service account).
 */
public record WorkloadPod(Workload workload, RawObject object, RawNode spec) {
    /** The container lists of a pod spec, in the order the kubelet starts them. */
    public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    /** The pod spec of every workload the input writes out, in {@link AuditContext#workloads()} order. */
    public static List<WorkloadPod> all(AuditContext context) {
        List<WorkloadPod> out = new ArrayList<>();
        for (Workload w : context.workloads()) {
            context.raw(w.ref()).ifPresent(raw -> raw.at(PodTemplates.spec(w.kind()))
                    .filter(RawNode::isMapping)
                    .ifPresent(spec -> out.add(new WorkloadPod(w, raw, spec))));
        }
        return out;
    }

    /** The text of a scalar field of the pod spec (field names only, dotted). */
    public Optional<String> text(String dotted) {
        return at(spec, dotted).flatMap(RawNode::text);
    }

    /** Every container of the three lists, init containers first. */
    public List<Container> containers() {
        List<Container> out = new ArrayList<>();
        for (String list : CONTAINER_LISTS) {
            List<RawNode> items = spec.field(list).map(RawNode::items).orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                out.add(new Container(list, i, items.get(i).string("name").orElse(String.valueOf(i)), items.get(i)));
            }
        }
        return out;
    }

    /** A finding about a pod-spec-relative field ({@code containers[0].image}), at it or its nearest written parent. */
    public Finding finding(AuditContext context, Rule rule, String specRelative, String message) {
        return context.podFinding(rule, workload, specRelative, message);
    }

    static Optional<RawNode> at(RawNode node, String dotted) {
        Optional<RawNode> n = Optional.of(node);
        for (String step : dotted.isEmpty() ? new String[0] : dotted.split("\\.")) {
            n = n.flatMap(x -> x.field(step));
        }
        return n;
    }

    /** One container: its list, index, name and node. */
    public record Container(String list, int index, String name, RawNode node) {
        /** The pod-spec-relative path of a field of this container ({@code containers[0].env[2].value}). */
        public String path(String relative) {
            return list + "[" + index + "]" + (relative.isEmpty() ? "" : "." + relative);
        }

        /** The text of a scalar field (dotted field names). */
        public Optional<String> text(String dotted) {
            return at(node, dotted).flatMap(RawNode::text);
        }

        /** The items of a list field ({@code env}, {@code ports}); empty when absent. */
        public List<RawNode> items(String field) {
            return node.field(field).map(RawNode::items).orElse(List.of());
        }

        /** {@code container web}, {@code init container setup} or {@code ephemeral container debug}. */
        public String describe() {
            return switch (list) {
                case "initContainers" -> "init container ";
                case "ephemeralContainers" -> "ephemeral container ";
                default -> "container ";
            } + name;
        }
    }
}
