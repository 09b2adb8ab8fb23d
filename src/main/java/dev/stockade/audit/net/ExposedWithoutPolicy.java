package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Selectors;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REACH002, decided by the engine: a NodePort or LoadBalancer Service exposes a workload outside
 * the cluster, and the workload's ingress policies let an arbitrary Internet address
 * ({@value #OUTSIDE}) in on the Service's target port — no policy narrows who may use the
 * exposure. The Service's selector picks the workloads of its namespace whose pod labels match;
 * the target port is {@code targetPort} (a number, or a named container port) or else
 * {@code port}. Traffic through a node port may reach the pod with the node's address instead
 * (SNAT); the client address is what a policy meant to restrict the exposure must admit.
 */
public final class ExposedWithoutPolicy extends Rule {
    static final String OUTSIDE = "203.0.113.77";

    public ExposedWithoutPolicy() {
        super("REACH002", "Exposed outside the cluster and open to every address", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT, Checklist.DEFAULT_DENY),
                "A NodePort or LoadBalancer Service exposes the workload outside the cluster, and no ingress"
                        + " policy restricts who may connect: any Internet address reaches its pods on the"
                        + " Service's target port.",
                "Select the workload with an ingress policy that admits only the load balancer's or the"
                        + " clients' ranges (or expose it through the Ingress instead).", """
                ingress:
                - from:
                  - ipBlock: {cidr: 203.0.113.0/24}   # the clients or the load balancer
                  ports: [{protocol: TCP, port: 8080}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        Target outside = new Target.AddressTarget(IpAddress.parse(OUTSIDE).orElseThrow());
        for (RawObject s : context.manifests("Service")) {
            String type = s.at("spec.type").flatMap(RawNode::text).orElse("ClusterIP");
            Map<String, String> selector = new LinkedHashMap<>();
            s.at("spec.selector").ifPresent(n -> n.fields().forEach((k, v) -> v.text().ifPresent(t -> selector.put(k, t))));
            if (!(type.equals("NodePort") || type.equals("LoadBalancer")) || selector.isEmpty()) {
                continue;
            }
            List<RawNode> ports = s.at("spec.ports").map(RawNode::items).orElse(List.of());
            for (Workload w : context.workloads()) {
                if (!w.namespace().equals(s.namespace())) {
                    continue;
                }
                for (Pod p : w.pods()) {
                    if (p.hostNetwork() || !Selectors.matches(LabelSelector.matchLabels(selector), p.labels())) {
                        continue;
                    }
                    for (int i = 0; i < ports.size(); i++) {
                        Protocol protocol = ports.get(i).string("protocol").flatMap(Protocol::parse).orElse(Protocol.TCP);
                        Optional<Integer> port = targetPort(ports.get(i), p, protocol);
                        if (port.isEmpty()) {
                            continue;
                        }
                        Verdict v = context.explainer().explain(outside, new Target.PodTarget(w, p), protocol, port.get());
                        if (v.ingress().allowed()) {
                            report.add(context.finding(this, s.ref(), FieldPath.parse("spec.ports[" + i + "]"),
                                    s.source(), "type " + type + " exposes " + w + " on " + protocol + " " + port.get()
                                            + ", and its ingress policies admit every address ("
                                            + (v.ingress().status() == Verdict.Status.UNSELECTED
                                            ? "no policy selects it for Ingress" : "a policy admits " + OUTSIDE) + ")",
                                    w.toString()));
                        }
                    }
                    break;
                }
            }
        }
    }

    /** The pod port a Service port forwards to: targetPort (number or container port name), else port. */
    private static Optional<Integer> targetPort(RawNode servicePort, Pod pod, Protocol protocol) {
        Optional<String> target = servicePort.string("targetPort").or(() -> servicePort.string("port"));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String t = target.get();
        if (t.matches("[0-9]{1,5}")) {
            return Optional.of(Integer.parseInt(t)).filter(n -> n >= 1 && n <= 65535);
        }
        return pod.ports().stream().filter(c -> c.name() != null && c.name().equals(t) && c.protocol() == protocol)
                .map(ContainerPort::port).findFirst();
    }
}
