package dev.stockade.load;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a Pod or a controller (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController) into a {@link WorkloadObject}: the Pod itself, or the controller's pod
 * template ({@code spec.template}; {@code spec.jobTemplate.spec.template} for a CronJob), and
 * the controlling owner reference.
 */
final class WorkloadReader {
    private final ObjectReader r;

    WorkloadReader(ObjectReader r) {
        this.r = r;
    }

    /** The workload object, or null when it is unusable (the problems are reported). */
    WorkloadObject read(ObjectRef ref, String apiVersion, Fields top, Fields meta, Source source) {
        String kind = ref.kind();
        ObjectRef owner = owner(meta, ref.namespace());
        PodReader pr = new PodReader(r);
        Pod pod;
        if (kind.equals("Pod")) {
            pod = pr.pod(top, meta, ref.namespace(), ref.name(), source);
        } else {
            Fields spec = r.mapping(top.get("spec"), "spec");
            if (spec == null) {
                if (!r.broken()) {
                    r.error(top.node(), "spec", "is required (expected a spec with a pod template)");
                }
                return null;
            }
            r.checkFields(spec, KnownFields.workloadSpec(kind));
            Node template;
            Node parent = spec.node();
            String path;
            if (kind.equals("CronJob")) {
                Fields jt = r.mapping(spec.get("jobTemplate"), "spec.jobTemplate");
                r.checkFields(jt, KnownFields.JOB_TEMPLATE);
                Fields js = jt == null ? null : r.mapping(jt.get("spec"), "spec.jobTemplate.spec");
                r.checkFields(js, KnownFields.JOB_SPEC);
                boolean wrongType = (jt == null && !ObjectReader.isNull(spec.get("jobTemplate")))
                        || (jt != null && js == null && !ObjectReader.isNull(jt.get("spec")));
                if (wrongType) {
                    return null;
                }
                new WorkloadSelectors(r).cronJob(js);
                template = js == null ? null : js.get("template");
                parent = js != null ? js.node() : jt != null ? jt.node() : spec.node();
                path = "spec.jobTemplate.spec.template";
            } else {
                template = spec.get("template");
                path = "spec.template";
            }
            pod = pr.template(template, parent, path, ref.namespace(), ref.name(), source).orElse(null);
            if (pod != null) {
                String uid = meta == null ? null : r.string(meta.get("uid"), "metadata.uid");
                pod = new WorkloadSelectors(r).check(kind, apiVersion, spec, template, pod, ref.name(), uid);
            }
        }
        if (r.broken() || pod == null) {
            return null;
        }
        return new WorkloadObject(ref, owner, pod, source);
    }

    /** The controlling owner (controller: true, else the first reference), ignoring Node owners. */
    private ObjectRef owner(Fields meta, String namespace) {
        if (meta == null || !meta.has("ownerReferences")) {
            return null;
        }
        List<Node> refs = r.list(meta.get("ownerReferences"), "metadata.ownerReferences");
        ObjectRef first = null;
        for (int i = 0; i < refs.size(); i++) {
            String p = "metadata.ownerReferences[" + i + "]";
            Fields f = r.mapping(refs.get(i), p);
            if (f == null) {
                continue;
            }
            r.checkFields(f, KnownFields.OWNER_REFERENCE);
            String kind = r.string(f.get("kind"), p + ".kind");
            String name = r.string(f.get("name"), p + ".name");
            Boolean controller = r.bool(f.get("controller"), p + ".controller");
            if (kind == null || name == null) {
                r.warning(f.node(), p, "owner reference without kind or name is ignored");
                continue;
            }
            if (kind.equals("Node")) {
                continue;
            }
            ObjectRef ref = new ObjectRef(kind, namespace, name);
            if (Boolean.TRUE.equals(controller)) {
                return ref;
            }
            if (first == null) {
                first = ref;
            }
        }
        return first;
    }
}
