package dev.stockade.load;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a Pod or a controller (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController) into a {@link WorkloadObject}: the Pod itself, or the controller's pod
 * template ({@code spec.template}; {@code spec.jobTemplate.spec.template} for a CronJob), and
 * the controlling owner.
 */
final class WorkloadReader {
    private final ObjectReader r;

    WorkloadReader(ObjectReader r) {
        this.r = r;
    }

    /**
     * The workload object with its controlling {@code owner} (see {@link OwnerReferences}), or null
     * when it is unusable (the problems are reported).
     */
    WorkloadObject read(ObjectRef ref, ObjectRef owner, String apiVersion, Fields top, Fields meta, Source source) {
        String kind = ref.kind();
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
}
