package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyType;
import java.util.List;

/**
 * NET010: an egress rule with no {@code to} list (every destination), or with an ipBlock of
 * prefix length 0: the selected pods may reach the whole Internet. Only policies that isolate
 * for Egress count.
 */
public final class EgressToEverywhere extends Rule {
    public EgressToEverywhere() {
        super("NET010", "Egress to everywhere", Severity.WARNING, List.of(Checklist.EGRESS),
                "An egress rule admits every destination (no 'to' list, or an ipBlock of prefix length 0):"
                        + " outbound traffic is not allowlisted.",
                "Allow only the destinations the workload needs: pods by selector, external services by"
                        + " their address ranges (or through an egress gateway).", """
                egress:
                - to:
                  - ipBlock:
                      cidr: 192.168.100.10/32   # the external database only
                  ports: [{protocol: TCP, port: 5432}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        EnforcedRules.forEach(context.cluster(), PolicyType.Egress, (p, i, r) -> {
            if (r.allPeers()) {
                report.add(context.finding(this, p.ref(), PolicyPaths.rule(PolicyType.Egress, i), r.source(),
                        "egress rule " + i + " has no 'to' list: every destination is allowed"
                                + (r.allPorts() ? " on every port" : ""), ""));
                return;
            }
            for (int k = 0; k < r.peers().size(); k++) {
                if (r.peers().get(k) instanceof Peer.IpBlockPeer b && b.block().cidr().prefix() == 0) {
                    report.add(context.finding(this, p.ref(),
                            PolicyPaths.peer(PolicyType.Egress, i, k).then("ipBlock.cidr"), b.source(),
                            "egress rule " + i + " allows every address: ipBlock " + b.block(), ""));
                }
            }
        });
    }
}
