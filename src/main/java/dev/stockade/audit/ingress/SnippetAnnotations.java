package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING004: an Ingress annotation that injects raw controller configuration (ingress-nginx
 * {@code *-snippet}, NGINX Inc {@code *-snippets}): whoever may write an Ingress can then read
 * the controller's secrets or bypass other Ingresses' settings (CVE-2021-25742, CVE-2025-1974
 * class). The keys are the option {@code annotations}; {@code modsecurity-snippet} is not in the
 * defaults, since it is how ModSecurity is switched to blocking (ING007).
 */
public final class SnippetAnnotations extends Rule {
    public SnippetAnnotations() {
        super("ING004", "Configuration snippet annotation on an Ingress", Severity.ERROR, List.of(Checklist.ENCRYPT),
                "Snippet annotations copy raw configuration into the shared ingress controller: a workspace that"
                        + " may write an Ingress can read the controller's credentials and every other workspace's"
                        + " TLS keys, or rewrite their routing.",
                "Remove the snippet and use the controller's dedicated annotations; keep snippets disabled on the"
                        + " controller (allow-snippet-annotations: false).", """
                metadata:
                  annotations:
                    nginx.ingress.kubernetes.io/ssl-redirect: "true"   # instead of a configuration-snippet
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("annotations", "Annotation keys that inject controller configuration.",
                List.of("nginx.ingress.kubernetes.io/configuration-snippet", "nginx.ingress.kubernetes.io/server-snippet",
                        "nginx.ingress.kubernetes.io/auth-snippet", "nginx.ingress.kubernetes.io/stream-snippet",
                        "nginx.org/server-snippets", "nginx.org/location-snippets")));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> keys = context.option(this, "annotations");
        for (RawObject ing : context.manifests("Ingress")) {
            for (String k : ing.annotations().keySet()) {
                if (keys.contains(k)) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(k), ing.source(),
                            k + " injects raw configuration into the shared ingress controller", ""));
                }
            }
        }
    }
}
