package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who the ingress controller is, for the policies of the workloads behind routes: the pods of
 * {@code namespace} that {@code pods} selects. Traffic through an Ingress, OpenShift Route or
 * Gateway comes from those pods, so the backends' ingress policies (and the controller's own
 * egress policies) judge it as coming from them.
 *
 * <p>When the input has no such pod, the controller is taken as one pod of {@code namespace}
 * labelled with the selector's {@code matchLabels} — and a warning says so, for the verdicts
 * then rest on that assumption.
 */
public record IngressController(String namespace, LabelSelector pods) {
    /** The id and kind of the controller's pseudo-endpoint. */
    public static final String ID = "{ingress-controller}";
    public static final String KIND = "IngressController";

    public static final IngressController DEFAULT = new IngressController("ingress-nginx", LabelSelector.all());

    /** {@code NS} or {@code NS:key=value,key=value}, as {@code --ingress-controller} spells it. */
    public static Optional<IngressController> parse(String text) {
        int colon = text.indexOf(':');
        String ns = colon < 0 ? text : text.substring(0, colon);
        if (!ns.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            return Optional.empty();
        }
        if (colon < 0) {
            return Optional.of(new IngressController(ns, LabelSelector.all()));
        }
        Map<String, String> labels = new TreeMap<>();
        for (String pair : text.substring(colon + 1).split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                return Optional.empty();
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return Optional.of(new IngressController(ns, LabelSelector.matchLabels(labels)));
    }

    /** The controller's pods and whether they were assumed (absent from the input). */
    public record Pods(List<Target.PodTarget> targets, boolean assumed) {
        public Pods {
            targets = List.copyOf(targets);
        }
    }

    /** The controller's pods in {@code cluster}, or the one assumed pod. */
    public Pods resolve(Cluster cluster) {
        List<Target.PodTarget> out = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            if (!w.namespace().equals(namespace)) {
                continue;
            }
            for (Pod p : w.pods()) {
                if (Selectors.matches(pods, p.labels())) {
                    out.add(new Target.PodTarget(w, p));
                }
            }
        }
        if (!out.isEmpty()) {
            return new Pods(out, false);
        }
        Labels labels = Labels.of(pods.matchLabels());
        Pod pod = new Pod(namespace, ID, labels, List.of(), List.of(), false, Source.UNKNOWN);
        Workload w = new Workload(KIND, namespace, ID, List.of(pod), Source.UNKNOWN);
        return new Pods(List.of(new Target.PodTarget(w, pod)), true);
    }

    /** The warning for an assumed controller. */
    public String assumedWarning() {
        return "the ingress controller's pods are not in the input: routes are judged as coming from one pod of"
                + " namespace " + namespace + (pods.matchLabels().isEmpty() ? " without labels"
                : " labelled " + Labels.of(pods.matchLabels())) + " (--ingress-controller NS:LABELS says which"
                + " pods they are)";
    }

    @Override
    public String toString() {
        return namespace + (pods.matchLabels().isEmpty() && pods.matchExpressions().isEmpty() ? ""
                : ":" + Labels.of(pods.matchLabels()));
    }
}
