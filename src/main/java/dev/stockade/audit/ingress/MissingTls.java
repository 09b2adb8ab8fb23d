package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ING001: an Ingress without {@code spec.tls}, or a {@code spec.rules[].host} that no
 * {@code spec.tls[].hosts} entry covers. A TLS host {@code *.example.com} covers exactly one
 * label in its place ({@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}).
 * A rule without a host is served by the controller's default server, which any TLS entry
 * configures; a TLS entry without hosts configures only that default server, so it covers no
 * named host (ingress-nginx serves such hosts without their certificate and without redirect).
 */
public final class MissingTls extends Rule {
    public MissingTls() {
        super("ING001", "Ingress host served without TLS", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The checklist asks to terminate TLS at the Ingress for all external traffic. An Ingress without"
                        + " a tls section, or a host its tls hosts do not cover, is served in plain HTTP.",
                "Add a tls entry whose hosts cover every rule's host, with the certificate's Secret.", """
                spec:
                  tls:
                  - hosts: [shop.example.com]
                    secretName: shop-tls
                  rules:
                  - host: shop.example.com
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject ing : context.manifests("Ingress")) {
            List<RawNode> tls = ing.at("spec.tls").map(RawNode::items).orElse(List.of());
            if (tls.isEmpty()) {
                report.add(context.finding(this, ing.ref(), FieldPath.parse("spec.tls"), ing.source(),
                        "no tls: every host is served in plain HTTP",
                        ""));
                continue;
            }
            List<String> tlsHosts = new ArrayList<>();
            for (RawNode t : tls) {
                t.field("hosts").ifPresent(h -> h.items().forEach(i -> i.text().ifPresent(tlsHosts::add)));
            }
            List<RawNode> rules = ing.at("spec.rules").map(RawNode::items).orElse(List.of());
            for (int i = 0; i < rules.size(); i++) {
                String host = rules.get(i).string("host").orElse("");
                if (!host.isEmpty() && tlsHosts.stream().noneMatch(t -> covers(t, host))) {
                    report.add(context.finding(this, ing.ref(), FieldPath.parse("spec.rules[" + i + "].host"),
                            ing.source(), "host " + host + " is in no tls hosts: it is served in plain HTTP", ""));
                }
            }
        }
    }

    /** Whether TLS host {@code tls} (possibly {@code *.domain}) covers rule host {@code host} (possibly a wildcard too). */
    static boolean covers(String tls, String host) {
        String t = tls.strip().toLowerCase(Locale.ROOT);
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (t.equals(h)) {
            return true;
        }
        if (t.startsWith("*.") && !h.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(t.substring(1));
        }
        return false;
    }
}
