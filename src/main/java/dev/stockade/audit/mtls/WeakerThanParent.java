package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * MTLS004: a PeerAuthentication that weakens the level above it. A namespace-wide policy weaker
 * than the mesh-wide one; a workload policy (with a selector) weaker than its namespace's
 * effective mode; a port of a workload policy weaker than that policy's effective mode. The
 * exception is reported at the weaker mode, naming what it overrides.
 */
public final class WeakerThanParent extends Rule {
    public WeakerThanParent() {
        super("MTLS004", "PeerAuthentication weaker than the policy it overrides", Severity.ERROR,
                List.of(Checklist.ENCRYPT),
                "A narrower PeerAuthentication overrides a stricter parent (mesh → namespace → workload → port):"
                        + " the workspace looks STRICT, but these pods or ports accept plain text.",
                "Remove the exception, or scope it to the single port that must accept plain text (a health port"
                        + " probed by the kubelet) and document why.", """
                spec:
                  selector:
                    matchLabels: {app: backend}
                  mtls:
                    mode: STRICT
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(Mesh.ROOT_NAMESPACE);
    }

    @Override
    public void check(AuditContext context, Report report) {
        String root = Mesh.first(context.option(this, "rootNamespace"), "istio-system");
        Mesh.Policies policies = Mesh.Policies.of(context, root);
        for (RawObject pa : policies.all()) {
            boolean selector = Mesh.hasSelector(pa);
            if (!selector && pa.namespace().equals(root)) {
                continue;
            }
            Mesh.Mode parent = selector ? policies.namespaceMode(pa.namespace()) : policies.meshMode();
            String parentName = selector ? "namespace " + pa.namespace() + "'s " + parent : "the mesh-wide " + parent;
            Mesh.Mode own = Mesh.mode(pa).orElse(parent);
            if (own.weakerThan(parent)) {
                report.add(context.finding(this, pa.ref(), Mesh.MODE, pa.source(),
                        own + " is weaker than " + parentName, ""));
            }
            if (!selector) {
                continue;
            }
            for (Mesh.PortMode p : Mesh.portModes(pa)) {
                if (p.mode().isPresent() && p.mode().get().weakerThan(own)) {
                    report.add(context.finding(this, pa.ref(), p.path(), pa.source(),
                            p.mode().get() + " on port " + p.port() + " is weaker than the policy's "
                                    + own + (own == parent && Mesh.mode(pa).isEmpty() ? " (from " + parentName + ")" : ""),
                            ""));
                }
            }
        }
    }
}
