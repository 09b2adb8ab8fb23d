package dev.stockade.audit.resources;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Rule;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The pod spec of each workload as written, and its containers. */
final class PodSpecs {
    private PodSpecs() {}

    /** One workload's pod spec. */
    record Pod(Workload workload, RawObject raw, RawNode spec) {}

    /** One container: its list ({@code containers} or {@code initContainers}), index, name and node. */
    record Container(String list, int index, String name, RawNode node) {
        String path(String relative) {
            return list + "[" + index + "]" + (relative.isEmpty() ? "" : "." + relative);
        }

        /** An init container with {@code restartPolicy: Always}: a sidecar that runs as long as the pod. */
        boolean sidecar() {
            return list.equals("initContainers") && node.string("restartPolicy").filter("Always"::equals).isPresent();
        }

        String describe() {
            return (list.equals("containers") ? "container " : sidecar() ? "sidecar container " : "init container ")
                    + name;
        }
    }

    static void forEach(AuditContext context, Consumer<Pod> action) {
        for (Workload w : context.workloads()) {
            RawObject raw = context.raw(w.ref()).orElse(null);
            RawNode spec = raw == null ? null : raw.at(PodTemplates.spec(w.kind())).orElse(null);
            if (spec != null && spec.isMapping()) {
                action.accept(new Pod(w, raw, spec));
            }
        }
    }

    /** The containers of {@code lists} in that order. */
    static List<Container> containers(RawNode spec, List<String> lists) {
        List<Container> out = new ArrayList<>();
        for (String list : lists) {
            List<RawNode> items = spec.field(list).map(RawNode::items).orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                out.add(new Container(list, i, items.get(i).string("name").orElse(String.valueOf(i)), items.get(i)));
            }
        }
        return out;
    }

    static Optional<RawNode> at(RawNode node, String dotted) {
        Optional<RawNode> n = Optional.of(node);
        for (String step : dotted.split("\\.")) {
            n = n.flatMap(x -> x.field(step));
        }
        return n;
    }

    static void report(AuditContext context, Rule rule, Rule.Report report, Pod pod, String specRelative,
                       String message) {
        report.add(context.podFinding(rule, pod.workload(), specRelative, message));
    }
}
