package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Map;

/**
 * ING008: an Ingress backend that leads nowhere: its Service is not in the input (in the
 * Ingress's namespace), the Service has no port of the backend's number or name, or the
 * Service's selector matches no workload's pods. Services without a selector (endpoints managed
 * by hand, {@code ExternalName}) are not judged on workloads.
 */
public final class DanglingBackend extends Rule {
    public DanglingBackend() {
        super("ING008", "Ingress backend Service missing or selecting no workload", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT),
                "The Ingress routes to a Service that does not exist, lacks the port, or selects no pods: the"
                        + " route answers 503, and whoever later creates a Service of that name (or pods with"
                        + " those labels) receives the Ingress's traffic.",
                "Point the backend at the Service that selects the workload, by a port the Service defines.", """
                backend:
                  service:
                    name: frontend        # a Service in the Ingress's namespace
                    port: {number: 8080}  # one of its spec.ports[].port
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        Map<String, RawObject> services = Ingresses.services(context);
        for (RawObject ing : context.manifests("Ingress")) {
            for (Ingresses.Backend b : Ingresses.backends(ing)) {
                RawObject s = services.get(ing.namespace() + "/" + b.service());
                if (s == null) {
                    report.add(context.finding(this, ing.ref(), b.name(), ing.source(),
                            "routes to Service " + ing.namespace() + "/" + b.service()
                                    + ", which is not in the input", ""));
                } else if (b.port().isPresent() && Ingresses.servicePort(s, b.port().get()).isEmpty()) {
                    report.add(context.finding(this, ing.ref(), b.portPath(), ing.source(),
                            "routes to port " + b.port().get() + " of Service " + s.namespace() + "/"
                                    + s.name() + ", which has no such port", ""));
                } else if (!Ingresses.selector(s).isEmpty() && Ingresses.selected(context, s).isEmpty()) {
                    report.add(context.finding(this, ing.ref(), b.name(), ing.source(),
                            "routes to Service " + s.namespace() + "/" + s.name() + ", whose selector "
                                    + Ingresses.selector(s) + " matches no workload", ""));
                }
            }
        }
    }
}
