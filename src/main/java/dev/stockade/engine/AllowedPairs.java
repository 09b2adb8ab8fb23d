package dev.stockade.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every (source, destination) pair of nodes with the ports both ends allow: the source's egress
 * intersected with the destination's ingress, where not empty; never external to external.
 * Only candidate pairs are visited: a source whose egress grants only to listed nodes is tried
 * against those; any other source is tried against every destination whose ingress may allow
 * anyone, and against those whose ingress grants to it by peer.
 */
final class AllowedPairs {
    private final List<long[]> pairs = new ArrayList<>();
    private final List<PortSet> ports = new ArrayList<>();

    AllowedPairs(Grants grants) {
        int nodes = grants.nodes();
        int podClasses = grants.podClasses();
        // open destinations, pods and external apart: an external source is never tried against
        // the external ones (which would be quadratic in the address classes)
        List<Integer> openPods = new ArrayList<>();
        List<Integer> openExternal = new ArrayList<>();
        List<List<Integer>> transposed = new ArrayList<>(nodes);
        for (int n = 0; n < nodes; n++) {
            transposed.add(null);
        }
        for (int d = 0; d < nodes; d++) {
            if (grants.ingressFromAny(d)) {
                (d < podClasses ? openPods : openExternal).add(d);
            }
            for (int s : grants.ingressSources(d)) {
                List<Integer> t = transposed.get(s);
                if (t == null) {
                    t = new ArrayList<>();
                    transposed.set(s, t);
                }
                t.add(d);
            }
        }
        int[] seen = new int[nodes];
        int stamp = 0;
        for (int s = 0; s < nodes; s++) {
            stamp++;
            boolean external = s >= podClasses;
            if (grants.egressToAny(s)) {
                visit(grants, s, openPods, external, seen, stamp);
                if (!external) {
                    visit(grants, s, openExternal, false, seen, stamp);
                }
                List<Integer> t = transposed.get(s);
                if (t != null) {
                    visit(grants, s, t, external, seen, stamp);
                }
            } else {
                visit(grants, s, grants.egressDestinations(s), external, seen, stamp);
            }
        }
    }

    /** Tries source {@code s} against each candidate not yet tried for it (never external to external). */
    private void visit(Grants grants, int s, Iterable<Integer> candidates, boolean external, int[] seen, int stamp) {
        int podClasses = grants.podClasses();
        for (int d : candidates) {
            if (seen[d] == stamp || (external && d >= podClasses)) {
                continue;
            }
            seen[d] = stamp;
            PortSet eg = grants.egress(s, d);
            if (eg.isEmpty()) {
                continue;
            }
            PortSet allowed = eg.intersect(grants.ingress(d, s));
            if (!allowed.isEmpty()) {
                pairs.add(new long[] {s, d});
                ports.add(allowed);
            }
        }
    }

    /** The pairs, as {source node, destination node}, sources ascending. */
    List<long[]> pairs() {
        return pairs;
    }

    /** The allowed ports of each pair, by position. */
    List<PortSet> ports() {
        return ports;
    }
}
