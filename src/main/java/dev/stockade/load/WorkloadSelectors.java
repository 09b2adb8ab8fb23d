package dev.stockade.load;

import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A controller's {@code spec.selector} as the API server checks it on create: it must select the
 * pods the controller's template makes ({@link ApiValidation#SELECTOR_MATCHES_TEMPLATE}).
 * <ul>
 *   <li>Deployment, ReplicaSet, StatefulSet, DaemonSet: the selector is required and not empty
 *       (extensions/v1beta1 and apps/v1beta1 defaulted an absent one to the template's labels).
 *   <li>ReplicationController: a map; absent or empty, it defaults to the template's labels.
 *   <li>Job with {@code manualSelector: true}: the selector is required.
 *   <li>Job without it: the API server adds {@code job-name} and {@code controller-uid} labels
 *       (and their {@code batch.kubernetes.io/} forms) to the template and selects them; a written
 *       selector must select those generated labels only, and written generated labels must carry
 *       the generated values. The pods are modelled with the {@code job-name} labels added, as the
 *       API server adds them (and the {@code controller-uid} ones when {@code metadata.uid} is written).
 *   <li>CronJob: its job template may set neither a selector nor {@code manualSelector: true}.
 * </ul>
 */
final class WorkloadSelectors {
    static final List<String> JOB_NAME_LABELS = List.of("job-name", "batch.kubernetes.io/job-name");
    static final List<String> CONTROLLER_UID_LABELS = List.of("controller-uid", "batch.kubernetes.io/controller-uid");
    /** Stands for a UID not written: no label value equals it. */
    private static final String UNKNOWN_UID = "\u0000uid";

    private final ObjectReader r;

    WorkloadSelectors(ObjectReader r) {
        this.r = r;
    }

    /**
     * Checks the selector of {@code kind} in {@code spec} against the pod made from the template at
     * {@code template}; returns the pod as the API server would make it (a Job's with its generated
     * labels).
     */
    Pod check(String kind, String apiVersion, Fields spec, Node template, Pod pod, String name, String uid) {
        return switch (kind) {
            case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet" -> {
                apps(apiVersion, spec, template, pod.labels());
                yield pod;
            }
            case "ReplicationController" -> {
                replicationController(spec, template, pod.labels());
                yield pod;
            }
            case "Job" -> job(spec, template, pod, name, uid);
            default -> pod;
        };
    }

    /** A CronJob's job template spec: neither {@code selector} nor {@code manualSelector: true}. */
    void cronJob(Fields jobSpec) {
        if (jobSpec == null) {
            return;
        }
        if (!ObjectReader.isNull(jobSpec.get("selector"))) {
            r.error(jobSpec.get("selector"), jobSpec.child("selector"), ApiValidation.CRONJOB_JOB_SELECTOR.fill());
        }
        if (Boolean.TRUE.equals(r.bool(jobSpec.get("manualSelector"), jobSpec.child("manualSelector")))) {
            r.error(jobSpec.get("manualSelector"), jobSpec.child("manualSelector"),
                    ApiValidation.CRONJOB_JOB_SELECTOR.fill());
        }
    }

    private void apps(String apiVersion, Fields spec, Node template, Labels labels) {
        Node n = spec.get("selector");
        if (ObjectReader.isNull(n)) {
            // the beta versions that defaulted the selector to the template's labels
            if (!"extensions/v1beta1".equals(apiVersion) && !"apps/v1beta1".equals(apiVersion)) {
                r.error(n == null ? spec.node() : n, spec.child("selector"),
                        ApiValidation.WORKLOAD_SELECTOR_REQUIRED.fill());
            }
            return;
        }
        Optional<LabelSelector> selector = SelectorReader.read(r, n, spec.child("selector"));
        if (selector.isEmpty()) {
            return;
        }
        if (selector.get().selectsAll()) {
            r.error(n, spec.child("selector"), ApiValidation.WORKLOAD_SELECTOR_EMPTY.fill());
            return;
        }
        matchesTemplate(selector.get(), selector.get().toString(), template, labels);
    }

    private void replicationController(Fields spec, Node template, Labels labels) {
        Node n = spec.get("selector");
        Labels selector = Labels.of(r.labelMap(n, spec.child("selector")));
        if (selector.map().isEmpty()) {
            // defaulted to the template's labels, so it matches them, unless there are none
            if (labels.map().isEmpty() && !r.broken()) {
                r.error(n == null ? spec.node() : n, spec.child("selector"), ApiValidation.RC_SELECTOR_REQUIRED.fill());
            }
            return;
        }
        matchesTemplate(LabelSelector.matchLabels(selector.map()), selector.toString(), template, labels);
    }

    private Pod job(Fields spec, Node template, Pod pod, String name, String uid) {
        Node n = spec.get("selector");
        boolean manual = Boolean.TRUE.equals(r.bool(spec.get("manualSelector"), spec.child("manualSelector")));
        if (manual) {
            if (ObjectReader.isNull(n)) {
                r.error(n == null ? spec.node() : n, spec.child("selector"),
                        ApiValidation.WORKLOAD_SELECTOR_REQUIRED.fill());
                return pod;
            }
            SelectorReader.read(r, n, spec.child("selector"))
                    .ifPresent(s -> matchesTemplate(s, s.toString(), template, pod.labels()));
            return pod;
        }
        Labels labels = pod.labels();
        Labels generated = Labels.EMPTY;
        for (String key : JOB_NAME_LABELS) {
            generatedLabel(template, labels, key, name, Quote.of(name));
            generated = generated.with(key, name);
            labels = labels.has(key) ? labels : labels.with(key, name);
        }
        for (String key : CONTROLLER_UID_LABELS) {
            generatedLabel(template, labels, key, uid == null ? UNKNOWN_UID : uid,
                    uid == null ? "the UID the API server assigns" : Quote.of(uid) + " (metadata.uid)");
            generated = generated.with(key, uid == null ? UNKNOWN_UID : uid);
            if (uid != null && !labels.has(key)) {
                labels = labels.with(key, uid);
            }
        }
        if (!ObjectReader.isNull(n)) {
            Optional<LabelSelector> selector = SelectorReader.read(r, n, spec.child("selector"));
            if (selector.isPresent() && !r.broken() && !selector.get().matches(generated)) {
                r.error(n, spec.child("selector"), ApiValidation.JOB_SELECTOR_GENERATED.fill("selector",
                        selector.get().toString()));
            } else if (selector.isPresent()) {
                Labels made = labels;
                for (String key : CONTROLLER_UID_LABELS) {
                    made = made.has(key) ? made : made.with(key, UNKNOWN_UID);
                }
                matchesTemplate(selector.get(), selector.get().toString(), template, made);
            }
        }
        return new Pod(pod.namespace(), pod.name(), labels, pod.ports(), pod.ips(), pod.hostNetwork(), pod.source());
    }

    /** Reports a generated label written with another value than the API server gives it. */
    private void generatedLabel(Node template, Labels labels, String key, String value, String expected) {
        Optional<String> written = labels.get(key);
        if (written.isPresent() && !written.get().equals(value)) {
            Node labelsNode = Fields.valueOf(Fields.valueOf(template, "metadata"), "labels");
            Node at = Fields.valueOf(labelsNode, key);
            r.error(at, "spec.template.metadata.labels." + Quote.pathStep(key), ApiValidation.JOB_GENERATED_LABEL
                    .fill("value", Quote.of(written.get()), "expected", expected));
        }
    }

    /**
     * Reports, at the template's labels, a selector that does not select them, unless the selector
     * or the template's metadata had errors (then what was read is not what was meant); other
     * errors of the object do not hide it, so every problem is reported at once.
     */
    private void matchesTemplate(LabelSelector selector, String shown, Node template, Labels labels) {
        if (r.brokenAt("spec.selector") || r.brokenAt("spec.template.metadata") || selector.matches(labels)) {
            return;
        }
        Node metadata = Fields.valueOf(template, "metadata");
        Node labelsNode = Fields.valueOf(metadata, "labels");
        Node at = labelsNode != null ? labelsNode : metadata != null ? metadata : template;
        r.error(at, "spec.template.metadata.labels", ApiValidation.SELECTOR_MATCHES_TEMPLATE.fill("labels",
                labels.map().isEmpty() ? "{}" : labels.toString(), "selector", shown));
    }

}
