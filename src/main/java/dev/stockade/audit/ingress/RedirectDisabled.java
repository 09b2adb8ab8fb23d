package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING002: an Ingress with TLS whose controller is told not to redirect HTTP to HTTPS: an
 * annotation of {@link #KEYS} set to {@code "false"} while none of them is {@code "true"}
 * (ingress-nginx redirects by default when TLS is set, {@code ssl-redirect: "false"} turns it
 * off; NGINX Inc's controller redirects only with {@code redirect-to-https} or its
 * {@code ssl-redirect}). Reported at each annotation set to false.
 */
public final class RedirectDisabled extends Rule {
    static final List<String> KEYS = List.of("nginx.ingress.kubernetes.io/ssl-redirect",
            "nginx.ingress.kubernetes.io/force-ssl-redirect", "nginx.org/redirect-to-https",
            "ingress.kubernetes.io/ssl-redirect");

    public RedirectDisabled() {
        super("ING002", "HTTPS redirect disabled on an Ingress with TLS", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The Ingress has a certificate, but its annotations switch the HTTP to HTTPS redirect off: clients"
                        + " that start in plain HTTP stay in plain HTTP.",
                "Remove the annotation (the redirect is the default with TLS) or set it to \"true\".", """
                metadata:
                  annotations:
                    nginx.ingress.kubernetes.io/ssl-redirect: "true"
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject ing : context.manifests("Ingress")) {
            if (ing.at("spec.tls").map(RawNode::items).orElse(List.of()).isEmpty()
                    || KEYS.stream().anyMatch(k -> Ingresses.isTrue(ing, k))) {
                continue;
            }
            for (String k : KEYS) {
                if (Ingresses.value(ing, k).filter("false"::equals).isPresent()) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(k), ing.source(),
                            "TLS is set but " + k + " is \"false\": plain HTTP is not redirected to HTTPS", ""));
                }
            }
        }
    }
}
