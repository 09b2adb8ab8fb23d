package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MTLS007: a workspace under STRICT mutual TLS (its own or the mesh-wide PeerAuthentication)
 * whose pods get no Istio proxy: the Namespace (as written in the input) has neither
 * {@code istio-injection: enabled} nor an {@code istio.io/rev} revision label (nor
 * {@code istio.io/dataplane-mode: ambient}), or has {@code istio-injection: disabled}, and some
 * workload's pods are not labelled {@code sidecar.istio.io/inject: "true"}. Pods without a proxy
 * cannot present a mesh certificate, so STRICT peers refuse them. Namespaces not in the input
 * are not judged (their labels are unknown).
 */
public final class StrictWithoutSidecar extends Rule {
    public StrictWithoutSidecar() {
        super("MTLS007", "STRICT mutual TLS without sidecar injection", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The workspace is under STRICT mTLS but its namespace does not inject the Istio sidecar: its pods"
                        + " send and expect plain text, so the mesh refuses their connections and they cannot"
                        + " reach mTLS-only services.",
                "Label the namespace for injection (or a revision), then restart its workloads.", """
                metadata:
                  labels:
                    istio-injection: enabled
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(Mesh.ROOT_NAMESPACE, Mesh.EXCLUDED);
    }

    @Override
    public void check(AuditContext context, Report report) {
        String root = Mesh.first(context.option(this, "rootNamespace"), "istio-system");
        List<String> excluded = context.option(this, "excludedNamespaces");
        Mesh.Policies policies = Mesh.Policies.of(context, root);
        Map<String, List<Workload>> byNamespace = new HashMap<>();
        for (Workload w : context.workloads()) {
            byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
        }
        for (Namespace ns : context.cluster().namespaces()) {
            if (!ns.declared() || excluded.contains(ns.name()) || injected(ns.labels())
                    || policies.namespaceMode(ns.name()) != Mesh.Mode.STRICT) {
                continue;
            }
            List<String> without = new ArrayList<>();
            for (Workload w : byNamespace.getOrDefault(ns.name(), List.of())) {
                if (!w.pods().stream().allMatch(StrictWithoutSidecar::podInjected)) {
                    without.add(w.name());
                }
            }
            if (!without.isEmpty()) {
                Optional<String> label = ns.labels().get("istio-injection");
                report.add(context.finding(this, new ObjectRef("Namespace", "", ns.name()),
                        FieldPath.parse("metadata.labels"), ns.source(), "namespace " + ns.name()
                                + " is under STRICT mutual TLS but " + (label.isPresent()
                                ? "has istio-injection: " + label.get() : "has no sidecar injection label")
                                + ": " + String.join(", ", without) + " would run without a proxy", ""));
            }
        }
    }

    /** Whether a namespace's labels make Istio inject its pods (or run them in ambient mode). */
    static boolean injected(Labels labels) {
        Optional<String> injection = labels.get("istio-injection");
        if (injection.filter("disabled"::equals).isPresent()) {
            return false;
        }
        return injection.filter("enabled"::equals).isPresent() || labels.has("istio.io/rev")
                || labels.get("istio.io/dataplane-mode").filter("ambient"::equals).isPresent();
    }

    private static boolean podInjected(Pod p) {
        return p.labels().get("sidecar.istio.io/inject").filter("true"::equals).isPresent();
    }
}
