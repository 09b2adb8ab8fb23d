package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ING007: a WAF that is enabled but does not block.
 * <ul>
 * <li>A WAF policy annotation (option {@code levelAnnotations}, default seed 000's
 * {@code hks.io/waf-policy}, whose example value is {@code level-2-standard}): with the option
 * {@code acceptedLevels} set, any other value is weak; otherwise a value is weak when one of its
 * words ({@code -}, {@code _} or space separated) says it only watches ({@code off},
 * {@code disabled}, {@code none}, {@code false}, {@code detection}, {@code detect},
 * {@code monitor}, {@code log}, {@code passive}, {@code audit}, {@code dryrun}) or when its level
 * ({@code level-N…} or {@code levelN…}) is below the option {@code minimumLevel} (default 2, the
 * seed's level). Values of another form are accepted.</li>
 * <li>ingress-nginx ModSecurity ({@code enable-modsecurity: "true"}): its engine is the last
 * {@code SecRuleEngine} of {@code modsecurity-snippet}, else the controller's default (option
 * {@code modsecurityDefaultEngine}, default {@code DetectionOnly}, the mode of the controller's
 * shipped modsecurity.conf); anything but {@code On} only logs attacks.</li>
 * </ul>
 */
public final class WeakWaf extends Rule {
    private static final Set<String> WATCH_ONLY = Set.of("off", "disabled", "disable", "none", "false", "detection",
            "detect", "detectiononly", "monitor", "monitoring", "log", "passive", "audit", "dry", "dryrun");
    private static final Pattern LEVEL = Pattern.compile("(?:^|[-_ ])level[-_ ]?([0-9]+)(?:$|[-_ ])");
    private static final Pattern ENGINE = Pattern.compile("(?im)^\\s*SecRuleEngine\\s+(\\S+)");
    static final String MODSECURITY = "nginx.ingress.kubernetes.io/enable-modsecurity";
    static final String SNIPPET = "nginx.ingress.kubernetes.io/modsecurity-snippet";

    public WeakWaf() {
        super("ING007", "WAF in detection-only or below the required level", Severity.WARNING,
                List.of(Checklist.ENCRYPT),
                "The Ingress enables its WAF in a mode that only logs (detection-only, monitor, off) or at a level"
                        + " below the one required: attacks reach the workload.",
                "Use a blocking policy of at least the required level; for ingress-nginx ModSecurity switch the"
                        + " engine on.", """
                metadata:
                  annotations:
                    hks.io/waf-policy: "level-2-standard"
                    nginx.ingress.kubernetes.io/modsecurity-snippet: |
                      SecRuleEngine On
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(
                new RuleOption("levelAnnotations", "Annotation keys whose value names the WAF policy level.",
                        List.of("hks.io/waf-policy")),
                new RuleOption("acceptedLevels", "When set, the only WAF policy values accepted (exact, case-insensitive).",
                        List.of()),
                new RuleOption("minimumLevel", "The lowest level N accepted in a level-N value.", List.of("2")),
                new RuleOption("modsecurityDefaultEngine",
                        "The SecRuleEngine of the controller's ModSecurity configuration when the Ingress sets none.",
                        List.of("DetectionOnly")));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> accepted = context.option(this, "acceptedLevels").stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int minimum = context.option(this, "minimumLevel").stream().findFirst().map(String::strip)
                .filter(s -> s.matches("[0-9]+")).map(Integer::parseInt).orElse(0);
        for (RawObject ing : context.manifests("Ingress")) {
            for (String k : context.option(this, "levelAnnotations")) {
                Optional<String> why = Ingresses.value(ing, k).flatMap(v -> weakness(v, accepted, minimum));
                if (why.isPresent()) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(k), ing.source(),
                            k + " is \"" + ing.annotations().get(k).strip() + "\": " + why.get(), ""));
                }
            }
            if (Ingresses.isTrue(ing, MODSECURITY)) {
                Optional<String> own = engine(ing.annotations().getOrDefault(SNIPPET, ""));
                String engine = own.or(() -> context.option(this, "modsecurityDefaultEngine").stream().findFirst())
                        .orElse("DetectionOnly");
                if (!engine.equalsIgnoreCase("On")) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(own.isPresent() ? SNIPPET : MODSECURITY),
                            ing.source(), "ModSecurity runs with SecRuleEngine " + engine
                                    + (own.isPresent() ? "" : " (the controller's default)")
                                    + (engine.equalsIgnoreCase("Off") ? ": nothing is inspected" : ": attacks are logged, not blocked"), ""));
                }
            }
        }
    }

    /** Why a WAF policy value is weak (see the class comment), or empty when it is not. */
    static Optional<String> weakness(String value, List<String> accepted, int minimum) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!accepted.isEmpty()) {
            return accepted.contains(v) ? Optional.empty()
                    : Optional.of("not one of the accepted levels " + String.join(", ", accepted));
        }
        for (String word : v.split("[-_ ]+")) {
            if (WATCH_ONLY.contains(word)) {
                return Optional.of("a mode that does not block (" + word + ")");
            }
        }
        Matcher m = LEVEL.matcher(v);
        if (m.find() && m.group(1).length() < 6 && Integer.parseInt(m.group(1)) < minimum) {
            return Optional.of("level " + Integer.parseInt(m.group(1)) + " is below the required level " + minimum);
        }
        return Optional.empty();
    }

    /** The last {@code SecRuleEngine} value of a ModSecurity snippet. */
    static Optional<String> engine(String snippet) {
        Matcher m = ENGINE.matcher(snippet);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
