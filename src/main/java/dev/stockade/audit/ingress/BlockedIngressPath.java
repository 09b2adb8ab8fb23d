package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.IngressController;
import dev.stockade.engine.IngressReach;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.manifest.FieldPath;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REACH003, decided by the engine: a route (Ingress, OpenShift Route, Gateway API route) that the
 * backend workload's ingress policies block for the ingress controller — a broken route, not a
 * hole. The path is the engine's ({@link EntrancePaths}, as {@code analyze} and {@code explain}
 * follow it): route → Gateway → Service port → the pods its selector picks → their target port.
 * The controller is any pod of the namespaces of the option
 * {@code controllerNamespaces} (default {@code ingress-nginx}, matched by its name label); the
 * route is blocked when no such namespace's controller pods are admitted by the workload's
 * ingress side. When the input has no workload in a controller namespace, the controller is a
 * pod of that namespace whose labels are unknown: a peer selecting its namespace admits it
 * whatever its pod selector says. A controller whose pods all use the host network connects
 * from the nodes' addresses, which the input does not give: such a namespace is not judged.
 */
public final class BlockedIngressPath extends Rule {
    public BlockedIngressPath() {
        super("REACH003", "Ingress path blocked by the backend's policies", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT),
                "The Ingress routes to a workload whose ingress policies do not admit the ingress controller on"
                        + " the Service's target port: the route answers 502/504. Usually a policy forgot the"
                        + " controller's namespace or names the container port wrongly.",
                "Allow the controller's namespace to the workload on the Service's target port.", """
                ingress:
                - from:
                  - namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
                  ports: [{protocol: TCP, port: 8080}]
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("controllerNamespaces",
                "Namespaces (by name) where the ingress controller runs; admitting any one of them suffices.",
                List.of("ingress-nginx")));
    }

    /** One route backend reaching one workload on one port. */
    private record PathKey(dev.stockade.model.Route route, String path, Source source, Workload workload,
                           Protocol protocol, int port) {}

    @Override
    public void check(AuditContext context, Report report) {
        if (context.cluster().entrances().routes().isEmpty()) {
            return;
        }
        List<String> controllers = context.option(this, "controllerNamespaces");
        if (controllers.stream().anyMatch(ns -> hostNetworkOnly(context, ns))) {
            // as node traffic, the controller connects from the nodes' addresses, which the input does not give
            return;
        }
        Map<PathKey, List<Verdict>> blocked = new LinkedHashMap<>();
        Set<PathKey> admitted = new HashSet<>();
        for (String ns : controllers) {
            IngressController controller = new IngressController(ns, LabelSelector.all());
            boolean unknown = controller.resolve(context.cluster()).assumed();
            AnalysisOptions options = context.options().withIngressController(controller);
            IngressReach.Result reach = IngressReach.of(context.cluster(), options, context.entrancePaths());
            for (IngressReach.Entry e : reach.entries()) {
                EntrancePaths.Path p = e.path();
                PathKey key = new PathKey(p.route(), p.backend().path(), p.backend().source(), p.workload(),
                        p.protocol(), p.port());
                Verdict v = e.verdict();
                if (v.ingress().allowed() || unknown && admitsNamespace(context.explainer(), v, v.source())) {
                    admitted.add(key);
                } else {
                    blocked.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                }
            }
        }
        for (Map.Entry<PathKey, List<Verdict>> b : blocked.entrySet()) {
            PathKey k = b.getKey();
            if (admitted.contains(k)) {
                continue;
            }
            List<String> policies = b.getValue().getFirst().ingress().policies().stream()
                    .map(t -> t.policy().namespace() + "/" + t.policy().name()).toList();
            report.add(context.finding(this, k.route().ref(), FieldPath.parse(k.path()).field("name"), k.source(),
                    "routes to " + k.workload() + " on " + k.protocol() + " " + k.port() + ", but its ingress policies ("
                            + String.join(", ", policies) + ") admit no ingress controller pod of namespace "
                            + String.join(" or ", controllers), k.workload().toString()));
        }
    }

    /**
     * Whether namespace {@code ns} has workloads in the input and all their pods use the host
     * network, as node traffic (with {@code --host-network=pod} they are policed as pods).
     */
    private static boolean hostNetworkOnly(AuditContext context, String ns) {
        List<Pod> pods = context.workloads().stream().filter(w -> w.namespace().equals(ns))
                .flatMap(w -> w.pods().stream()).toList();
        return !pods.isEmpty() && pods.stream().noneMatch(context.options()::selectable);
    }

    /**
     * For a controller whose pods are not in the input: whether a rule matching the port has a
     * peer selecting the controller's namespace together with a pod selector (its labels are
     * unknown, so the peer is taken to match).
     */
    private static boolean admitsNamespace(Explainer explainer, Verdict v, Target src) {
        for (Verdict.PolicyTrace t : v.ingress().policies()) {
            for (Verdict.RuleTrace r : t.rules()) {
                if (r.port() == Verdict.RuleTrace.NO_PORT) {
                    continue;
                }
                for (Peer peer : r.rule().peers()) {
                    if (peer instanceof Peer.NamespacePodSelectorPeer np && explainer.peerMatches(
                            new Peer.NamespaceSelectorPeer(np.namespaces(), np.source()), t.policy().namespace(), src)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
