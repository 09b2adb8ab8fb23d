package dev.stockade.audit.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decisions behind the Ingress rules, as truth tables, and their options. */
class IngressRulesTest {
    static List<Finding> run(Rule rule, String yaml, AuditConfig config) {
        LoadResult r = Loader.loadString("m.yaml", yaml, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true), config);
        return Auditor.run(ctx, List.of(rule), AuditBaseline.EMPTY).findings();
    }

    @ParameterizedTest(name = "tls {0} covers {1}: {2}")
    @CsvSource({
            "shop.example.com, shop.example.com, true",
            "Shop.Example.com, shop.example.COM, true",
            "shop.example.com, www.example.com, false",
            "*.example.com, www.example.com, true",
            "*.example.com, example.com, false",
            "*.example.com, a.b.example.com, false",
            "*.example.com, *.example.com, true",
            "*.example.com, *.a.example.com, false",
            "www.example.com, *.example.com, false",
    })
    void covers_wildcardsCoverOneLabel(String tls, String host, boolean covered) {
        assertThat(MissingTls.covers(tls, host)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = ';', value = {
            "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305; ''",
            "HIGH:!aNULL:!MD5:-RC4:!3DES; ''",
            "RC4-SHA:AES128-SHA; RC4-SHA",
            "DES-CBC3-SHA; DES-CBC3-SHA",
            "EDH-RSA-DES-CBC-SHA; EDH-RSA-DES-CBC-SHA",
            "ALL:eNULL; eNULL",
            "HIGH:LOW; LOW",
            "EXP-RC4-MD5 AES256-SHA; EXP-RC4-MD5",
            "ADH-AES128-SHA,AECDH-AES256-SHA; ADH-AES128-SHA|AECDH-AES256-SHA",
            "+NULL-MD5; +NULL-MD5",
            "DHE-RSA-AES256-GCM-SHA384; ''",
    })
    void weakCiphers_listsEnabledWeakEntries(String list, String weak) {
        assertThat(WeakCiphers.weak(list)).isEqualTo(weak.isEmpty() ? List.of() : List.of(weak.split("\\|")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "level-2-standard, ''",
            "level-3-strict, ''",
            "LEVEL-2-STANDARD, ''",
            "level2, ''",
            "level-1-basic, level 1 is below the required level 2",
            "level-0, level 0 is below the required level 2",
            "detection-only, a mode that does not block (detection)",
            "DetectionOnly, a mode that does not block (detectiononly)",
            "level-3-monitor, a mode that does not block (monitor)",
            "off, a mode that does not block (off)",
            "disabled, a mode that does not block (disabled)",
            "log_only, a mode that does not block (log)",
            "blocking, ''",
            "shop-policy, ''",
            "levelled-up, ''",
    })
    void wafLevel_weakWhenWatchOnlyOrBelowMinimum(String value, String why) {
        assertThat(WeakWaf.weakness(value, List.of(), 2)).isEqualTo(why.isEmpty() ? Optional.empty() : Optional.of(why));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "100-per-minute, true",
            "10, true",
            "1000/s, true",
            "'', false",
            "0, false",
            "0-per-minute, false",
            "00, false",
            "unlimited, false",
            "off, false",
            "none, false",
            "false, false",
    })
    void rateLimit_valuesThatLimit(String value, boolean limits) {
        assertThat(MissingRateLimit.limits(value)).isEqualTo(limits);
    }

    @Test
    void wafLevel_acceptedLevelsReplaceTheDefaults() {
        assertThat(WeakWaf.weakness("Level-3-Strict", List.of("level-3-strict"), 2)).isEmpty();
        assertThat(WeakWaf.weakness("level-2-standard", List.of("level-3-strict"), 2))
                .contains("not one of the accepted levels level-3-strict");
    }

    @Test
    void modsecurityEngine_lastDirectiveWins() {
        assertThat(WeakWaf.engine("SecRuleEngine On\nSecRuleEngine DetectionOnly\n")).contains("DetectionOnly");
        assertThat(WeakWaf.engine("Include /etc/crs.conf\n  secruleengine   On")).contains("On");
        assertThat(WeakWaf.engine("# SecRuleEngine On\nSecAuditEngine On")).isEmpty();
        assertThat(WeakWaf.engine("")).isEmpty();
    }

    private static final String MODSEC = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              namespace: shop
              annotations:
                nginx.ingress.kubernetes.io/enable-modsecurity: "true"
                nginx.ingress.kubernetes.io/enable-owasp-core-rules: "true"
                hks.io/waf-policy: level-2-standard
            spec: {}
            """;

    @Test
    void weakWaf_controllerDefaultEngineIsAnOption() {
        assertThat(run(new WeakWaf(), MODSEC, AuditConfig.DEFAULT)).extracting(Finding::message)
                .containsExactly("ModSecurity runs with SecRuleEngine DetectionOnly (the controller's default): attacks"
                        + " are logged, not blocked");
        AuditConfig on = new AuditConfig(Set.of(), Map.of(),
                Map.of("ING007", Map.of("modsecurityDefaultEngine", List.of("On"))));
        assertThat(run(new WeakWaf(), MODSEC, on)).isEmpty();
        AuditConfig strict = new AuditConfig(Set.of(), Map.of(),
                Map.of("ING007", Map.of("modsecurityDefaultEngine", List.of("On"), "minimumLevel", List.of("3"))));
        assertThat(run(new WeakWaf(), MODSEC, strict)).extracting(Finding::message)
                .containsExactly("hks.io/waf-policy is \"level-2-standard\": level 2 is below the required level 3");
    }

    @Test
    void missingWaf_aWayNeedsEveryKeyOn() {
        LoadResult r = Loader.loadString("m.yaml", MODSEC, true);
        var ing = r.manifests().getFirst();
        assertThat(MissingWaf.enabled(ing, "nginx.ingress.kubernetes.io/enable-modsecurity"
                + "+nginx.ingress.kubernetes.io/enable-owasp-core-rules")).isTrue();
        assertThat(MissingWaf.enabled(ing, "nginx.ingress.kubernetes.io/enable-modsecurity"
                + "+nginx.ingress.kubernetes.io/modsecurity-snippet")).isFalse();
        AuditConfig custom = new AuditConfig(Set.of(), Map.of(),
                Map.of("ING006", Map.of("annotations", List.of("example.com/waf"))));
        assertThat(run(new MissingWaf(), MODSEC, AuditConfig.DEFAULT)).isEmpty();
        assertThat(run(new MissingWaf(), MODSEC, custom)).extracting(Finding::message)
                .containsExactly("no WAF enabled (example.com/waf)");
    }

    private static final String ROUTED = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              defaultBackend: {service: {name: web, port: {number: 80}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              ingress:
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                ports: [{port: 8080}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              containers: [{name: web, image: web:1.0}]
            """;

    @Test
    void blockedIngressPath_controllerNamespacesOption() {
        assertThat(run(new BlockedIngressPath(), ROUTED, AuditConfig.DEFAULT)).isEmpty();
        AuditConfig traefik = new AuditConfig(Set.of(), Map.of(),
                Map.of("REACH003", Map.of("controllerNamespaces", List.of("traefik"))));
        assertThat(run(new BlockedIngressPath(), ROUTED, traefik)).extracting(Finding::message, Finding::workload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("routes to shop/web on TCP 8080, but its ingress"
                        + " policies (shop/web) admit no ingress controller pod of namespace traefik", "shop/web"));
        AuditConfig either = new AuditConfig(Set.of(), Map.of(),
                Map.of("REACH003", Map.of("controllerNamespaces", List.of("traefik", "ingress-nginx"))));
        assertThat(run(new BlockedIngressPath(), ROUTED, either)).as("admitting one controller suffices").isEmpty();
    }

    @Test
    void blockedIngressPath_hostNetworkControllerIsNotJudged() {
        String yaml = ROUTED.replace("ports: [{port: 8080}]", "ports: [{port: 8443}]") + """
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: controller, namespace: ingress-nginx}
                spec:
                  selector: {matchLabels: {app: controller}}
                  template:
                    metadata: {labels: {app: controller}}
                    spec:
                      hostNetwork: true
                      containers: [{name: controller, image: controller:1.0}]
                """;
        assertThat(run(new BlockedIngressPath(), yaml, AuditConfig.DEFAULT)).isEmpty();
    }

    @Test
    void blockedIngressPath_wrongPortForTheController() {
        String yaml = ROUTED.replace("ports: [{port: 8080}]", "ports: [{port: 8443}]");
        assertThat(run(new BlockedIngressPath(), yaml, AuditConfig.DEFAULT)).hasSize(1);
        assertThat(run(new DanglingBackend(), yaml, AuditConfig.DEFAULT)).isEmpty();
    }
}
