package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MTLS005: a DestinationRule ({@code networking.istio.io}) for an in-mesh host whose client TLS
 * mode is {@code DISABLE}: at {@code trafficPolicy.tls.mode}, at a
 * {@code trafficPolicy.portLevelSettings[i].tls.mode}, or the same under {@code subsets[j]}. A
 * host is in the mesh when it is a short name (no dot), {@code *}, or ends in {@code .svc} or in
 * a domain of the option {@code meshDomains} (default {@code cluster.local}); traffic to other
 * hosts (external services) may legitimately be plain.
 */
public final class DestinationTlsDisabled extends Rule {
    public DestinationTlsDisabled() {
        super("MTLS005", "DestinationRule disables TLS to an in-mesh host", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "Clients following this DestinationRule send plain text to a service of the mesh: under PERMISSIVE"
                        + " it travels unencrypted, under STRICT the requests fail.",
                "Use ISTIO_MUTUAL (or remove the tls setting: the mesh uses mutual TLS automatically).", """
                spec:
                  host: backend.production.svc.cluster.local
                  trafficPolicy:
                    tls:
                      mode: ISTIO_MUTUAL
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("meshDomains", "DNS domains of the mesh's services.", List.of("cluster.local")));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> domains = context.option(this, "meshDomains");
        for (RawObject dr : context.manifests("DestinationRule")) {
            Optional<String> host = dr.at("spec.host").flatMap(RawNode::text);
            if (!dr.apiVersion().startsWith("networking.istio.io/") || host.isEmpty() || !inMesh(host.get(), domains)) {
                continue;
            }
            check(context, dr, host.get(), FieldPath.parse("spec.trafficPolicy"), report);
            List<RawNode> subsets = dr.at("spec.subsets").map(RawNode::items).orElse(List.of());
            for (int j = 0; j < subsets.size(); j++) {
                check(context, dr, host.get(), FieldPath.parse("spec.subsets[" + j + "].trafficPolicy"), report);
            }
        }
    }

    private void check(AuditContext context, RawObject dr, String host, FieldPath policy, Report report) {
        report(context, dr, host, policy.then("tls.mode"), "", report);
        List<RawNode> ports = dr.at(policy.field("portLevelSettings")).map(RawNode::items).orElse(List.of());
        for (int i = 0; i < ports.size(); i++) {
            String port = ports.get(i).field("port").flatMap(p -> p.string("number")).map(n -> " on port " + n).orElse("");
            report(context, dr, host, policy.field("portLevelSettings").index(i).then("tls.mode"), port, report);
        }
    }

    private void report(AuditContext context, RawObject dr, String host, FieldPath mode, String port, Report report) {
        if (dr.at(mode).flatMap(RawNode::text).filter(m -> m.strip().equalsIgnoreCase("DISABLE")).isPresent()) {
            report.add(context.finding(this, dr.ref(), mode, dr.source(),
                    "TLS disabled to in-mesh host " + host + port, ""));
        }
    }

    /** Whether a DestinationRule host names a service of the mesh. */
    static boolean inMesh(String host, List<String> domains) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("*") || !h.contains(".") || h.endsWith(".svc")) {
            return true;
        }
        for (String d : domains) {
            String dom = d.strip().toLowerCase(Locale.ROOT);
            if (h.equals(dom) || h.endsWith("." + dom)) {
                return true;
            }
        }
        return false;
    }
}
