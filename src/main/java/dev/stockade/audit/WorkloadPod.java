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
public record WorkloadPod(Workload workload, RawObject object, RawNode spec, List<Container> containers) {
    /** The container lists of a pod spec, in the order the kubelet starts them. */
    public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    /** The containers of the three lists, read once: each of the many pod-spec rules asks for them. */
    public WorkloadPod(Workload workload, RawObject object, RawNode spec) {
        this(workload, object, spec, read(spec));
    }

    public WorkloadPod {
        containers = List.copyOf(containers);
    }

    /**
     * The pod spec of every workload the input writes out, in {@link AuditContext#workloads()}
     * order; made once per audit and shared by the rules.
     */
    public static List<WorkloadPod> all(AuditContext context) {
        return context.pods();
    }

    /** Reads the pod specs; {@link AuditContext#pods()} keeps the result. */
    static List<WorkloadPod> read(AuditContext context) {
        List<WorkloadPod> out = new ArrayList<>();
        for (Workload w : context.workloads()) {
            context.raw(w.ref()).ifPresent(raw -> raw.at(PodTemplates.spec(w.kind()))
                    .filter(RawNode::isMapping)
                    .ifPresent(spec -> out.add(new WorkloadPod(w, raw, spec))));
        }
        return List.copyOf(out);
    }

    /** The text of a scalar field of the pod spec (field names only, dotted). */
    public Optional<String> text(String dotted) {
        return at(spec, dotted).flatMap(RawNode::text);
    }

    /** Every container of the three lists, init containers first. */
    @Override
    public List<Container> containers() {
        return containers;
    }

    /** The containers of {@code lists}, in that order. */
    public List<Container> containers(List<String> lists) {
        List<Container> out = new ArrayList<>();
        for (String list : lists) {
            for (Container c : containers) {
                if (c.list().equals(list)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static List<Container> read(RawNode spec) {
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
        return context.podFinding(rule, workload, object, specRelative, message);
    }

    /** The node at a dotted path (field names only) of the pod spec. */
    public Optional<RawNode> at(String dotted) {
        return at(spec, dotted);
    }

    /** The node at a dotted path (field names only) under {@code node}; {@code node} itself for "". */
    public static Optional<RawNode> at(RawNode node, String dotted) {
        RawNode n = node;
        int from = 0;
        while (n != null && from < dotted.length()) {
            int dot = dotted.indexOf('.', from);
            int end = dot < 0 ? dotted.length() : dot;
            n = n.fields().get(dotted.substring(from, end));
            from = end + 1;
        }
        return Optional.ofNullable(n);
    }

    /** One container: its list, index, name and node. */
    public record Container(String list, int index, String name, RawNode node) {
        /** The pod-spec-relative path of a field of this container ({@code containers[0].env[2].value}). */
        public String path(String relative) {
            return list + "[" + index + "]" + (relative.isEmpty() ? "" : "." + relative);
        }

        /** The node at a dotted path (field names only) of the container. */
        public Optional<RawNode> at(String dotted) {
            return WorkloadPod.at(node, dotted);
        }

        /** An init container with {@code restartPolicy: Always}: a sidecar that runs as long as the pod. */
        public boolean sidecar() {
            return list.equals("initContainers") && node.string("restartPolicy").filter("Always"::equals).isPresent();
        }

        /** The text of a scalar field (dotted field names). */
        public Optional<String> text(String dotted) {
            return WorkloadPod.at(node, dotted).flatMap(RawNode::text);
        }

        /** The items of a list field ({@code env}, {@code ports}); empty when absent. */
        public List<RawNode> items(String field) {
            return node.field(field).map(RawNode::items).orElse(List.of());
        }

        /** {@code container web}, {@code init container setup}, {@code sidecar container proxy} or {@code ephemeral container debug}. */
        public String describe() {
            return switch (list) {
                case "initContainers" -> sidecar() ? "sidecar container " : "init container ";
                case "ephemeralContainers" -> "ephemeral container ";
                default -> "container ";
            } + name;
        }
    }
}
