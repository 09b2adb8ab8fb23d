package dev.stockade.audit.pss;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Finding;
import dev.stockade.audit.PodTemplates;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule over each workload's pod spec as written (the pod itself, {@code spec.template} or a
 * CronJob's {@code spec.jobTemplate.spec.template}); subclasses see it through {@link Pod}.
 */
abstract class PodRule extends Rule {
    static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    PodRule(String id, String title, Severity severity, List<String> checklist, String description,
            String remediation, String fix) {
        super(id, title, severity, checklist, description, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        for (Workload w : context.workloads()) {
            RawObject raw = context.raw(w.ref()).orElse(null);
            if (raw == null) {
                continue;
            }
            RawNode spec = raw.at(PodTemplates.spec(w.kind())).orElse(null);
            if (spec == null) {
                continue;
            }
            check(new Pod(context, this, w, raw, spec, report));
        }
    }

    /** Reports the findings about one pod spec. */
    abstract void check(Pod pod);

    /** The node at a dotted path (field names only) under {@code node}. */
    static Optional<RawNode> at(RawNode node, String dotted) {
        Optional<RawNode> n = Optional.of(node);
        if (dotted.isEmpty()) {
            return n;
        }
        for (String step : dotted.split("\\.")) {
            n = n.flatMap(x -> x.field(step));
        }
        return n;
    }

    static Optional<String> text(RawNode node, String dotted) {
        return at(node, dotted).flatMap(RawNode::text);
    }

    /** One container of a pod spec: its list, index, name and node. */
    record Container(String list, int index, String name, RawNode node) {
        /** The pod-spec-relative path of a field of this container ({@code containers[0].securityContext}). */
        String path(String relative) {
            return list + "[" + index + "]" + (relative.isEmpty() ? "" : "." + relative);
        }

        Optional<RawNode> at(String dotted) {
            return PodRule.at(node, dotted);
        }

        Optional<String> text(String dotted) {
            return PodRule.text(node, dotted);
        }

        String describe() {
            return (list.equals("containers") ? "container " : list.equals("initContainers") ? "init container "
                    : "ephemeral container ") + name;
        }
    }

    /** One pod spec of a workload, with the means to report on its fields. */
    static final class Pod {
        private final AuditContext context;
        private final Rule rule;
        private final Workload workload;
        private final RawObject raw;
        private final RawNode spec;
        private final Report report;

        Pod(AuditContext context, Rule rule, Workload workload, RawObject raw, RawNode spec, Report report) {
            this.context = context;
            this.rule = rule;
            this.workload = workload;
            this.raw = raw;
            this.spec = spec;
            this.report = report;
        }

        RawNode spec() {
            return spec;
        }

        Optional<RawNode> at(String dotted) {
            return PodRule.at(spec, dotted);
        }

        Optional<String> text(String dotted) {
            return PodRule.text(spec, dotted);
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
            List<Container> out = new ArrayList<>();
            for (String list : CONTAINER_LISTS) {
                List<RawNode> items = spec.field(list).map(RawNode::items).orElse(List.of());
                for (int i = 0; i < items.size(); i++) {
                    out.add(new Container(list, i, items.get(i).string("name").orElse(String.valueOf(i)),
                            items.get(i)));
                }
            }
            return out;
        }

        /** The pod template's annotations. */
        java.util.Map<String, String> annotations() {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            raw.at(PodTemplates.metadata(workload.kind()).field("annotations"))
                    .ifPresent(a -> a.fields().forEach((k, v) -> out.put(k, v.text().orElse(""))));
            return out;
        }

        /** Reports a finding at a pod-spec-relative field (or its nearest written parent). */
        void report(String specRelative, String message) {
            report.add(context.podFinding(rule, workload, specRelative, message));
        }

        /** Reports a finding at an annotation of the pod template. */
        void reportAnnotation(String key, String message) {
            FieldPath path = PodTemplates.metadata(workload.kind()).field("annotations").field(key);
            Finding f = context.finding(rule, workload.ref(), path, workload.source(), message, workload.toString());
            report.add(f);
        }
    }
}
