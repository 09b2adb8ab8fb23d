package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.Arrays;
import java.util.List;

/**
 * ING006: an Ingress without a web application firewall. Each entry of the option
 * {@code annotations} is one way to enable it: a key, or keys joined by {@code +} that must all
 * be set; a key counts when its value is not empty, {@code "false"}, {@code "off"} or
 * {@code "disabled"}. The defaults: seed 000's {@code hks.io/waf-policy}; ingress-nginx
 * ModSecurity with the OWASP core rules or with rules of its own ({@code modsecurity-snippet});
 * NGINX App Protect. How strict the enabled WAF is, is ING007's question.
 */
public final class MissingWaf extends Rule {
    public MissingWaf() {
        super("ING006", "Ingress without a WAF", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "Seed 000 enables the WAF on every Ingress (hks.io/waf-policy) against common web exploits such as"
                        + " SQL injection and XSS. This Ingress enables none.",
                "Enable the WAF with the platform's annotation (or the controller's ModSecurity with the OWASP"
                        + " core rules).", """
                metadata:
                  annotations:
                    hks.io/waf-policy: "level-2-standard"
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("annotations",
                "Ways to enable a WAF: an annotation key, or keys joined by + that must all be set.",
                List.of("hks.io/waf-policy",
                        "nginx.ingress.kubernetes.io/enable-modsecurity+nginx.ingress.kubernetes.io/enable-owasp-core-rules",
                        "nginx.ingress.kubernetes.io/enable-modsecurity+nginx.ingress.kubernetes.io/modsecurity-snippet",
                        "appprotect.f5.com/app-protect-enable")));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> ways = context.option(this, "annotations");
        for (RawObject ing : context.manifests("Ingress")) {
            if (ways.stream().noneMatch(w -> enabled(ing, w))) {
                report.add(context.finding(this, ing.ref(), Ingresses.ANNOTATIONS, ing.source(),
                        "no WAF enabled" + Ingresses.keys(ways), ""));
            }
        }
    }

    /** Whether every key of {@code way} ({@code a+b}) is set to a value that does not switch it off. */
    static boolean enabled(RawObject o, String way) {
        return Arrays.stream(way.split("\\+")).map(String::strip).allMatch(k -> Ingresses.value(o, k)
                .filter(v -> !v.isEmpty() && !List.of("false", "off", "disabled").contains(v)).isPresent());
    }
}
