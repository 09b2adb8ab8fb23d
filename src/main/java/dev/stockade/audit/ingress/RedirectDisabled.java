package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING002: an Ingress with TLS whose controller is told not to redirect HTTP to HTTPS. Each
 * controller redirects by default when the Ingress has TLS and turns it off with its
 * {@code ssl-redirect: "false"} — unless its forcing annotation is {@code "true"}:
 * ingress-nginx {@code nginx.ingress.kubernetes.io/ssl-redirect} (forced by
 * {@code force-ssl-redirect}), NGINX Inc {@code ingress.kubernetes.io/ssl-redirect} (forced by
 * {@code nginx.org/redirect-to-https}). Reported at the {@code ssl-redirect} annotation, and at
 * the forcing one when it is {@code "false"} too; a forcing annotation set to {@code "false"}
 * alone is the default and no finding.
 */
public final class RedirectDisabled extends Rule {
    /** Pairs of (switch, forcing annotation). */
    static final List<List<String>> PAIRS = List.of(
            List.of("nginx.ingress.kubernetes.io/ssl-redirect", "nginx.ingress.kubernetes.io/force-ssl-redirect"),
            List.of("ingress.kubernetes.io/ssl-redirect", "nginx.org/redirect-to-https"));

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
            if (ing.at("spec.tls").map(RawNode::items).orElse(List.of()).isEmpty()) {
                continue;
            }
            for (List<String> pair : PAIRS) {
                String sw = pair.get(0);
                String force = pair.get(1);
                if (!isFalse(ing, sw) || Ingresses.isTrue(ing, force)) {
                    continue;
                }
                report.add(context.finding(this, ing.ref(), Ingresses.annotation(sw), ing.source(),
                        "TLS is set but " + sw + " is \"false\": plain HTTP is not redirected to HTTPS", ""));
                if (isFalse(ing, force)) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(force), ing.source(),
                            "TLS is set, " + sw + " is \"false\" and " + force + " is \"false\" too: plain HTTP is"
                                    + " not redirected to HTTPS", ""));
                }
            }
        }
    }

    private static boolean isFalse(RawObject o, String key) {
        return Ingresses.value(o, key).filter("false"::equals).isPresent();
    }
}
