package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.PolicyType;
import java.util.List;
import java.util.Locale;

/**
 * NET011: a peer {@code namespaceSelector: {}} without a podSelector or with {@code podSelector: {}}:
 * every pod of every namespace, present and future, in either direction.
 */
public final class AllNamespacesPeer extends Rule {
    public AllNamespacesPeer() {
        super("NET011", "Cross-namespace allow-all peer", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT, Checklist.DEFAULT_DENY),
                "A peer 'namespaceSelector: {}' (alone or with 'podSelector: {}') matches every pod of every"
                        + " namespace: workspaces are no longer isolated from each other on this rule's ports.",
                "Select the namespaces that must connect by label (kubernetes.io/metadata.name is always set),"
                        + " and the pods within them.", """
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
                  podSelector:
                    matchLabels: {app.kubernetes.io/name: ingress-nginx}
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (NetworkPolicy p : context.cluster().policies()) {
            for (PolicyType d : PolicyType.values()) {
                if (!p.affects(d)) {
                    continue;
                }
                for (int i = 0; i < p.rules(d).size(); i++) {
                    List<Peer> peers = p.rules(d).get(i).peers();
                    for (int k = 0; k < peers.size(); k++) {
                        boolean all = switch (peers.get(k)) {
                            case Peer.NamespaceSelectorPeer n -> n.namespaces().selectsAll();
                            case Peer.NamespacePodSelectorPeer n -> n.namespaces().selectsAll() && n.pods().selectsAll();
                            default -> false;
                        };
                        if (all) {
                            report.add(context.finding(this, p.ref(), PolicyPaths.peer(d, i, k), peers.get(k).source(),
                                    d.toString().toLowerCase(Locale.ROOT) + " rule " + i + " peer " + k
                                            + " (" + peers.get(k) + ") matches every pod of every namespace", ""));
                        }
                    }
                }
            }
        }
    }
}
