package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Namespace;
import dev.stockade.model.Workload;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MTLS003: a workspace — a namespace with workloads, outside the option
 * {@code excludedNamespaces} — whose pods do not get STRICT mutual TLS: neither its selector-less
 * PeerAuthentication nor, when it has none (or its mode is unset), the mesh-wide one of the
 * option {@code rootNamespace} says STRICT. Reported at the Namespace.
 */
public final class WorkspaceNotStrict extends Rule {
    public WorkspaceNotStrict() {
        super("MTLS003", "Workspace without STRICT mutual TLS", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The checklist asks for STRICT mTLS for all internal service-to-service traffic (seed 000:"
                        + " \"hb mesh mtls enable --workspace production\"). Without a STRICT PeerAuthentication"
                        + " for the namespace or the whole mesh, Istio's default PERMISSIVE accepts plain text.",
                "Apply a STRICT PeerAuthentication to the workspace (stockade generate mtls --workspace NS writes"
                        + " it), or a mesh-wide one in the root namespace.", """
                apiVersion: security.istio.io/v1beta1
                kind: PeerAuthentication
                metadata: {name: default, namespace: production}
                spec:
                  mtls:
                    mode: STRICT
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
        TreeSet<String> workspaces = new TreeSet<>();
        for (Workload w : context.workloads()) {
            if (!excluded.contains(w.namespace())) {
                workspaces.add(w.namespace());
            }
        }
        for (String ns : workspaces) {
            Mesh.Mode mode = policies.namespaceMode(ns);
            if (mode == Mesh.Mode.STRICT) {
                continue;
            }
            Optional<RawObject> own = policies.namespacePolicy(ns).filter(p -> Mesh.mode(p).isPresent());
            String why = own.map(p -> Mesh.name(p) + " sets " + mode)
                    .orElseGet(() -> policies.namespacePolicy(root).filter(p -> Mesh.mode(p).isPresent())
                            .map(p -> "the mesh-wide " + Mesh.name(p) + " sets " + mode)
                            .orElse("no PeerAuthentication covers it, so Istio's default PERMISSIVE applies"));
            Namespace n = context.cluster().namespaces().stream().filter(x -> x.name().equals(ns)).findFirst()
                    .orElse(Namespace.implicit(ns));
            report.add(context.namespaceFinding(this, n, "workspace " + ns + " is not under STRICT mutual TLS: " + why));
        }
    }
}
