package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Selectors;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REACH003, decided by the engine: an Ingress path that the backend workload's ingress policies
 * block for the ingress controller — a broken route, not a hole. The path is followed as the
 * controller does: Ingress backend → Service of the Ingress's namespace (port by number or
 * name) → the workloads its selector picks → the Service's {@code targetPort} (a number or a
 * container port name) on their pods. The controller is any pod of the namespaces of the option
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

    @Override
    public void check(AuditContext context, Report report) {
        Map<String, RawObject> services = Ingresses.services(context);
        List<String> controllers = context.option(this, "controllerNamespaces");
        for (RawObject ing : context.manifests("Ingress")) {
            for (Ingresses.Backend b : Ingresses.backends(ing)) {
                RawObject s = services.get(ing.namespace() + "/" + b.service());
                Optional<RawNode> port = s == null || b.port().isEmpty() ? Optional.empty()
                        : Ingresses.servicePort(s, b.port().get());
                if (port.isEmpty()) {
                    continue;
                }
                Protocol protocol = port.get().string("protocol").flatMap(Protocol::parse).orElse(Protocol.TCP);
                LabelSelector selector = LabelSelector.matchLabels(Ingresses.selector(s));
                for (Workload w : Ingresses.selected(context, s)) {
                    Optional<Pod> pod = w.pods().stream()
                            .filter(p -> !p.hostNetwork() && Selectors.matches(selector, p.labels())).findFirst();
                    Optional<Integer> target = pod.flatMap(p -> Ingresses.targetPort(port.get(), p));
                    if (target.isEmpty()) {
                        continue;
                    }
                    Target dst = new Target.PodTarget(w, pod.get());
                    List<Verdict> blocked = new ArrayList<>();
                    boolean admitted = false;
                    for (String ns : controllers) {
                        if (hostNetworkOnly(context, ns)) {
                            admitted = true;   // connects from the nodes' addresses: not judged
                            continue;
                        }
                        List<Target> pods = controllerPods(context, ns);
                        boolean unknown = pods.isEmpty();
                        if (unknown) {
                            Pod p = new Pod(ns, "ingress-controller", Labels.EMPTY, List.of(), List.of(), false,
                                    Source.UNKNOWN);
                            pods = List.of(new Target.PodTarget(
                                    new Workload("Deployment", ns, "ingress-controller", List.of(p), Source.UNKNOWN), p));
                        }
                        for (Target src : pods) {
                            Verdict v = context.explainer().explain(src, dst, protocol, target.get());
                            if (v.ingress().allowed() || unknown && admitsNamespace(context.explainer(), v, src)) {
                                admitted = true;
                            } else {
                                blocked.add(v);
                            }
                        }
                    }
                    if (!admitted && !blocked.isEmpty()) {
                        List<String> policies = blocked.getFirst().ingress().policies().stream()
                                .map(t -> t.policy().namespace() + "/" + t.policy().name()).toList();
                        report.add(context.finding(this, ing.ref(), b.name(), ing.source(),
                                "routes to " + w + " on " + protocol
                                        + " " + target.get() + ", but its ingress policies (" + String.join(", ", policies)
                                        + ") admit no ingress controller pod of namespace " + String.join(" or ", controllers),
                                w.toString()));
                    }
                }
            }
        }
    }

    /** Whether namespace {@code ns} has workloads in the input and all their pods use the host network. */
    private static boolean hostNetworkOnly(AuditContext context, String ns) {
        List<Pod> pods = context.workloads().stream().filter(w -> w.namespace().equals(ns))
                .flatMap(w -> w.pods().stream()).toList();
        return !pods.isEmpty() && pods.stream().allMatch(Pod::hostNetwork);
    }

    /** The controller's pods in namespace {@code ns}: the pods of its workloads in the input (host-network pods aside). */
    private static List<Target> controllerPods(AuditContext context, String ns) {
        List<Target> out = new ArrayList<>();
        for (Workload w : context.workloads()) {
            if (w.namespace().equals(ns)) {
                w.pods().stream().filter(p -> !p.hostNetwork()).forEach(p -> out.add(new Target.PodTarget(w, p)));
            }
        }
        return out;
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
