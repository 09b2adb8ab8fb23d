package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyType;
import java.util.List;

/**
 * NET008: an ingress peer {@code ipBlock} whose CIDR has prefix length 0 ({@code 0.0.0.0/0},
 * {@code ::/0}): every address of the family may connect (exceptions only carve holes). Only
 * policies that isolate for Ingress count: rules of other directions admit nothing.
 */
public final class AnyAddressIngress extends Rule {
    public AnyAddressIngress() {
        super("NET008", "Ingress from any address", Severity.ERROR, List.of(Checklist.MICRO_SEGMENT),
                "An ingress rule admits an ipBlock of prefix length 0: the whole Internet (and, when ipBlocks"
                        + " match pod IPs, every pod) may connect on the rule's ports.",
                "Admit only the address ranges that must connect (a load balancer's or a partner's), or the"
                        + " ingress controller's pods by selector.", """
                ingress:
                - from:
                  - ipBlock:
                      cidr: 203.0.113.0/24   # the partner's range, not 0.0.0.0/0
                  ports: [{protocol: TCP, port: 443}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        EnforcedRules.forEach(context.cluster(), PolicyType.Ingress, (p, i, r) -> {
            List<Peer> peers = r.peers();
            for (int k = 0; k < peers.size(); k++) {
                if (peers.get(k) instanceof Peer.IpBlockPeer b && b.block().cidr().prefix() == 0) {
                    report.add(context.finding(this, p.ref(),
                            PolicyPaths.peer(PolicyType.Ingress, i, k).then("ipBlock.cidr"), b.source(),
                            "ingress rule " + i + " admits every address: ipBlock " + b.block(), ""));
                }
            }
        });
    }
}
