package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.manifest.FieldPath;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Service;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * REACH002, decided by the engine: a NodePort or LoadBalancer Service (or one with external
 * IPs) exposes a workload outside the cluster, and the workload's ingress policies let an
 * arbitrary Internet address ({@value #OUTSIDE}) in on the Service's target port — no policy
 * narrows who may use the exposure. The paths are the engine's ({@link EntrancePaths}): the
 * Service's selector picks the pods of its namespace, the target port is {@code targetPort} (a
 * number, or the pod's container port of that name) or else {@code port}. Traffic through a node port may reach the pod with the node's address instead
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
        if (context.cluster().entrances().services().isEmpty()) {
            return;
        }
        Target outside = new Target.AddressTarget(IpAddress.parse(OUTSIDE).orElseThrow());
        // the engine's paths, as query exposure lists them; one finding per Service port and workload
        Set<String> reported = new HashSet<>();
        for (EntrancePaths.ExternalPath x : context.entrancePaths().external()) {
            Service s = x.service();
            int i = s.ports().indexOf(x.servicePort());
            String key = s + "\u0000" + i + "\u0000" + x.workload();
            if (!context.options().selectable(x.pod()) || reported.contains(key)) {
                continue;
            }
            Verdict v = context.explainer().explain(outside, new Target.PodTarget(x.workload(), x.pod()), x.protocol(),
                    x.port());
            if (!v.ingress().allowed()) {
                continue;
            }
            reported.add(key);
            String how = s.type().equals(Service.NODE_PORT) || s.type().equals(Service.LOAD_BALANCER)
                    ? "type " + s.type() + " exposes" : "externalIPs " + s.externalIPs() + " expose";
            report.add(context.finding(this, s.ref(), FieldPath.parse("spec.ports[" + i + "]"), s.source(),
                    how + " " + x.workload() + " on " + x.protocol() + " " + x.port()
                            + ", and its ingress policies admit every address ("
                            + (v.ingress().status() == Verdict.Status.UNSELECTED
                            ? "no policy selects it for Ingress" : "a policy admits " + OUTSIDE) + ")",
                    x.workload().toString()));
        }
    }
}
