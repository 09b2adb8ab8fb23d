package dev.stockade.audit.pss;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Finding;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.audit.WorkloadPod.Container;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule over each workload's pod spec as written (the pod itself, {@code spec.template} or a
 * CronJob's {@code spec.jobTemplate.spec.template}); subclasses see it through {@link Pod}.
 */
abstract class PodRule extends Rule {

    PodRule(String id, String title, Severity severity, List<String> checklist, String description,
            String remediation, String fix) {
        super(id, title, severity, checklist, description, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        for (WorkloadPod wp : WorkloadPod.all(context)) {
            check(new Pod(context, this, wp, report));
        }
    }

    /** Reports the findings about one pod spec. */
    abstract void check(Pod pod);

    static Optional<String> text(RawNode node, String dotted) {
        return WorkloadPod.at(node, dotted).flatMap(RawNode::text);
    }

    /** One pod spec of a workload, with the means to report on its fields. */
    static final class Pod {
        private final AuditContext context;
        private final Rule rule;
        private final WorkloadPod pod;
        private final Report report;

        Pod(AuditContext context, Rule rule, WorkloadPod pod, Report report) {
            this.context = context;
            this.rule = rule;
            this.pod = pod;
            this.report = report;
        }

        RawNode spec() {
            return pod.spec();
        }

        Optional<RawNode> at(String dotted) {
            return pod.at(dotted);
        }

        Optional<String> text(String dotted) {
            return pod.text(dotted);
        }

        /**
         * Whether the pod runs in its own user namespace ({@code hostUsers: false}): root in the
         * container is then an unprivileged user of the node, and the standard relaxes runAsNonRoot,
         * runAsUser and (at baseline) procMount for it.
         */
        boolean userNamespace() {
            return text("hostUsers").map(v -> v.matches("false|False|FALSE")).orElse(false);
        }

        /** Every container of the three lists, init containers first. */
        List<Container> containers() {
            return pod.containers();
        }

        /** The pod template's annotations. */
        Map<String, String> annotations() {
            Map<String, String> out = new LinkedHashMap<>();
            pod.object().at(PodTemplates.metadata(pod.workload().kind()).field("annotations"))
                    .ifPresent(a -> a.fields().forEach((k, v) -> out.put(k, v.text().orElse(""))));
            return out;
        }

        /** Reports a finding at a pod-spec-relative field (or its nearest written parent). */
        void report(String specRelative, String message) {
            report.add(pod.finding(context, rule, specRelative, message));
        }

        /** Reports a finding at an annotation of the pod template. */
        void reportAnnotation(String key, String message) {
            FieldPath path = PodTemplates.metadata(pod.workload().kind()).field("annotations").field(key);
            Finding f = context.finding(rule, pod.workload().ref(), path, pod.workload().source(), message,
                    pod.workload().toString());
            report.add(f);
        }
    }
}
