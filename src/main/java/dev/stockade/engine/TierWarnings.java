package dev.stockade.engine;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the analysis says about the admin tiers beyond connections: pairs of policies of one tier
 * with the same priority that could both match a connection with different actions (the API
 * leaves their order undefined; Stockade applies them by kind and name, see
 * {@link Cluster#EVALUATION_ORDER}), and peers the input cannot resolve (domain names; node
 * peers without any Node object), which match no address.
 */
final class TierWarnings {
    private TierWarnings() {}

    static List<String> of(Cluster cluster, SelectorIndex index) {
        List<String> out = new ArrayList<>();
        List<AdminPolicy> ps = cluster.adminPolicies();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size() && ps.get(j).tier() == ps.get(i).tier()
                    && ps.get(j).priority() == ps.get(i).priority(); j++) {
                String c = conflict(ps.get(i), ps.get(j), index);
                if (c != null) {
                    AdminPolicy a = ps.get(i);
                    AdminPolicy b = ps.get(j);
                    out.add(a.kind() + " " + a.name() + " (" + a.source().fileLine() + ") and " + b.kind() + " "
                            + b.name() + " (" + b.source().fileLine() + ") have the same priority " + a.priority()
                            + " and could both match a connection with different actions (" + c + "); the API leaves"
                            + " their order undefined: Stockade applies " + a.name() + " first (by kind and name)");
                }
            }
        }
        for (AdminPolicy p : ps) {
            for (PolicyType dir : PolicyType.values()) {
                List<AdminRule> rs = p.rules(dir);
                for (int ri = 0; ri < rs.size(); ri++) {
                    List<AdminPeer> peers = rs.get(ri).peers();
                    for (int k = 0; k < peers.size(); k++) {
                        String at = p.kind() + " " + p.name() + " (" + p.source().fileLine() + "): spec."
                                + dir.name().toLowerCase(Locale.ROOT) + "[" + ri + "]."
                                + (dir == PolicyType.Ingress ? "from" : "to") + "[" + k + "]: ";
                        if (peers.get(k) instanceof AdminPeer.DomainNames d) {
                            out.add(at + "domainNames " + String.join(", ", d.names()) + " cannot be resolved from"
                                    + " manifests; the peer matches no address here");
                        } else if (peers.get(k) instanceof AdminPeer.Nodes n && cluster.nodes().isEmpty()) {
                            out.add(at + "nodes peer " + n.nodes() + " matches no address: the input has no Node"
                                    + " objects (add them to resolve node addresses)");
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A description of two rules of a direction that could conflict, or null. */
    private static String conflict(AdminPolicy a, AdminPolicy b, SelectorIndex index) {
        if (!intersects(index.adminSubject(a.subject()), index.adminSubject(b.subject()))) {
            return null;
        }
        for (PolicyType dir : PolicyType.values()) {
            String d = dir.name().toLowerCase(Locale.ROOT);
            for (int i = 0; i < a.rules(dir).size(); i++) {
                AdminRule ra = a.rules(dir).get(i);
                for (int j = 0; j < b.rules(dir).size(); j++) {
                    AdminRule rb = b.rules(dir).get(j);
                    if (ra.action() != rb.action() && portsOverlap(ra, rb) && peersOverlap(ra, rb, index)) {
                        return d + " rule " + i + " " + a.actionName(ra.action()) + ", " + d + " rule " + j + " "
                                + b.actionName(rb.action());
                    }
                }
            }
        }
        return null;
    }

    private static boolean portsOverlap(AdminRule a, AdminRule b) {
        boolean named = a.ports().stream().anyMatch(p -> p instanceof AdminPort.Named)
                || b.ports().stream().anyMatch(p -> p instanceof AdminPort.Named);
        return named || !AdminPorts.numeric(a.ports()).intersect(AdminPorts.numeric(b.ports())).isEmpty();
    }

    private static boolean peersOverlap(AdminRule a, AdminRule b, SelectorIndex index) {
        for (AdminPeer pa : a.peers()) {
            for (AdminPeer pb : b.peers()) {
                if (overlap(pa, pb, index)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two peers could match one far end: selectors by their groups, networks by their CIDRs, else maybe. */
    private static boolean overlap(AdminPeer a, AdminPeer b, SelectorIndex index) {
        if (a instanceof AdminPeer.DomainNames || b instanceof AdminPeer.DomainNames) {
            return false;
        }
        boolean selA = a instanceof AdminPeer.Namespaces || a instanceof AdminPeer.Pods;
        boolean selB = b instanceof AdminPeer.Namespaces || b instanceof AdminPeer.Pods;
        if (selA && selB) {
            return intersects(index.adminPeer(a), index.adminPeer(b));
        }
        if (a instanceof AdminPeer.Networks na && b instanceof AdminPeer.Networks nb) {
            for (Cidr x : na.cidrs()) {
                for (Cidr y : nb.cidrs()) {
                    if (x.contains(y) || y.contains(x)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return true;
    }

    private static boolean intersects(int[] a, int[] b) {
        for (int x : a) {
            if (Arrays.binarySearch(b, x) >= 0) {
                return true;
            }
        }
        return false;
    }
}
