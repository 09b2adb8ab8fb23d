package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * ING005: an Ingress with none of the rate-limit annotations of the option {@code annotations}
 * (seed 000's {@code hks.io/rate-limit}, ingress-nginx {@code limit-rps}/{@code limit-rpm}/
 * {@code limit-connections}, NGINX Inc {@code limit-req-rate}) set to a value that limits
 * ({@link #limits}; the seed writes {@code "100-per-minute"}).
 */
public final class MissingRateLimit extends Rule {
    public MissingRateLimit() {
        super("ING005", "Ingress without a rate limit", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "Seed 000 puts a rate limit on every Ingress (hks.io/rate-limit). Without one, a single client can"
                        + " exhaust the workload behind it or brute-force its login.",
                "Set a rate limit annotation the controller understands.", """
                metadata:
                  annotations:
                    hks.io/rate-limit: "100-per-minute"
                    nginx.ingress.kubernetes.io/limit-rpm: "100"
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("annotations", "Annotation keys that set a rate limit; any one suffices.",
                List.of("hks.io/rate-limit", "nginx.ingress.kubernetes.io/limit-rps",
                        "nginx.ingress.kubernetes.io/limit-rpm", "nginx.ingress.kubernetes.io/limit-connections",
                        "nginx.org/limit-req-rate")));
    }

    /**
     * Whether a rate-limit value (lower case) sets a limit: not empty, not a word that switches it
     * off ({@code false}, {@code off}, {@code none}, {@code disabled}, {@code unlimited}) and not a
     * zero rate ({@code 0}, {@code 0-per-minute}).
     */
    static boolean limits(String value) {
        return !value.isEmpty() && !List.of("false", "off", "none", "disabled", "unlimited").contains(value)
                && !value.matches("0+([-_ /].*)?");
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> keys = context.option(this, "annotations");
        for (RawObject ing : context.manifests("Ingress")) {
            boolean limited = keys.stream().anyMatch(k -> Ingresses.value(ing, k).filter(MissingRateLimit::limits)
                    .isPresent());
            if (!limited) {
                report.add(context.finding(this, ing.ref(), Ingresses.ANNOTATIONS, ing.source(),
                        "no rate limit" + Ingresses.keys(keys), ""));
            }
        }
    }
}
