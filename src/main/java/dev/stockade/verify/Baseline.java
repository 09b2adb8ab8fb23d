package dev.stockade.verify;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Cidr;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectation.Expect;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Namespace;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The expectations that describe an analysis as it is, to freeze a reviewed baseline
 * ({@code verify --generate}). Grouped by source workload, namespace by namespace:
 * <ol>
 *   <li>{@code Allow} for every allowed connection to another workload, one per port: a single
 *       port as itself, a port range by its first port (the description names the range), a whole
 *       protocol as {@code protocol} without {@code port}, everything as neither;</li>
 *   <li>{@code Allow} to and from external addresses the same way, per CIDR block of the ranges
 *       with identical connections (adjacent ranges merged first);</li>
 *   <li>{@code Deny} (any port) to every workload of the same namespace it cannot reach, and to
 *       every workload it cannot reach in a namespace it reaches some workload of;</li>
 *   <li>{@code Deny} to and from the external addresses it has no connection with
 *       ({@code {cidr: 0.0.0.0/0, except: […]}}, per address family);</li>
 * </ol>
 * and per namespace one {@code Deny} from the namespace to every namespace none of its workloads
 * reaches ({@code namespaceSelector} with {@code kubernetes.io/metadata.name NotIn […]}). Every
 * expectation holds on the analysis it was made from.
 */
public final class Baseline {
    private final List<Endpoint.WorkloadEndpoint> workloads = new ArrayList<>();
    private final Map<Endpoint, Map<Endpoint, PortSet>> out = new IdentityHashMap<>();
    private final Map<Endpoint, Map<Endpoint, PortSet>> in = new IdentityHashMap<>();
    private final Map<Endpoint, Integer> position = new IdentityHashMap<>();
    private final Map<String, List<Endpoint.WorkloadEndpoint>> byNamespace = new TreeMap<>();
    private final List<ConnectivityExpectation> result = new ArrayList<>();

    private Baseline(Connectivity c) {
        for (Endpoint e : c.endpoints()) {
            position.put(e, position.size());
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                workloads.add(w);
            }
        }
        for (Connection k : c.connections()) {
            out.computeIfAbsent(k.src(), x -> new IdentityHashMap<>()).put(k.dst(), k.allowed());
            in.computeIfAbsent(k.dst(), x -> new IdentityHashMap<>()).put(k.src(), k.allowed());
        }
    }

    /** The baseline of one analysis, in review order. */
    public static List<ConnectivityExpectation> describe(Connectivity connectivity) {
        Baseline b = new Baseline(connectivity);
        b.build();
        return List.copyOf(b.result);
    }

    /**
     * {@code count} expectations of the baseline, spread evenly over it (every k-th, so every
     * kind of expectation is represented), repeating it when it is shorter: what {@code bench}
     * verifies to time {@link Verifier#check(List)}.
     */
    public static List<ConnectivityExpectation> sample(Connectivity connectivity, int count) {
        List<ConnectivityExpectation> all = describe(connectivity);
        List<ConnectivityExpectation> out = new ArrayList<>(count);
        if (all.isEmpty()) {
            return out;
        }
        double step = Math.max(1.0, (double) all.size() / count);
        for (int i = 0; out.size() < count; i++) {
            out.add(all.get((int) (i * step) % all.size()));
        }
        return out;
    }

    private void build() {
        for (Endpoint.WorkloadEndpoint w : workloads) {
            byNamespace.computeIfAbsent(w.workload().namespace(), k -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<String, List<Endpoint.WorkloadEndpoint>> ns : byNamespace.entrySet()) {
            TreeSet<String> reached = new TreeSet<>();
            for (Endpoint.WorkloadEndpoint w : ns.getValue()) {
                for (Endpoint d : outOf(w).keySet()) {
                    if (d instanceof Endpoint.WorkloadEndpoint dw && !dw.workload().namespace().equals(ns.getKey())) {
                        reached.add(dw.workload().namespace());
                    }
                }
            }
            for (Endpoint.WorkloadEndpoint w : ns.getValue()) {
                workload(w, reached);
            }
            TreeSet<String> known = new TreeSet<>(reached);
            known.add(ns.getKey());
            boolean othersExist = byNamespace.keySet().stream().anyMatch(n -> !known.contains(n));
            if (othersExist) {
                LabelSelector others = new LabelSelector(new TreeMap<>(), List.of(new LabelSelector.Requirement(
                        Namespace.NAME_LABEL, LabelSelector.Operator.NotIn, List.copyOf(known))));
                add(new EndpointSelector.SelectorForm(Optional.of(ns.getKey()), Optional.empty(), Optional.empty()),
                        new EndpointSelector.SelectorForm(Optional.empty(), Optional.of(others), Optional.empty()),
                        Optional.empty(), Expect.Deny, "no workload of " + ns.getKey() + " reaches any workload of the"
                                + " other namespaces");
            }
        }
    }

    /** The external ranges {@code w} has a connection with (to them when {@code outgoing}), in address order. */
    private List<Endpoint.ExternalEndpoint> externalsOf(Endpoint w, boolean outgoing) {
        List<Endpoint.ExternalEndpoint> out = new ArrayList<>();
        for (Endpoint e : (outgoing ? outOf(w) : into(w)).keySet()) {
            if (e instanceof Endpoint.ExternalEndpoint x) {
                out.add(x);
            }
        }
        out.sort(Comparator.comparing(position::get));
        return out;
    }

    private Map<Endpoint, PortSet> outOf(Endpoint e) {
        return out.getOrDefault(e, Map.of());
    }

    private Map<Endpoint, PortSet> into(Endpoint e) {
        return in.getOrDefault(e, Map.of());
    }

    private void workload(Endpoint.WorkloadEndpoint w, TreeSet<String> reachedNamespaces) {
        EndpointSelector self = ref(w);
        Map<Endpoint, PortSet> egress = outOf(w);
        List<Endpoint> destinations = new ArrayList<>(egress.keySet());
        destinations.sort(Comparator.comparing(position::get));
        for (Endpoint d : destinations) {
            if (d instanceof Endpoint.WorkloadEndpoint dw) {
                allow(self, ref(dw), egress.get(d));
            }
        }
        for (Map.Entry<IpBlock, PortSet> e : externalGroups(w, true).entrySet()) {
            allow(self, new EndpointSelector.CidrForm(e.getKey()), e.getValue());
        }
        for (Map.Entry<IpBlock, PortSet> e : externalGroups(w, false).entrySet()) {
            allow(new EndpointSelector.CidrForm(e.getKey()), self, e.getValue());
        }
        TreeSet<String> related = new TreeSet<>(reachedNamespaces);
        related.add(w.workload().namespace());
        for (String ns : related) {
            for (Endpoint.WorkloadEndpoint d : byNamespace.get(ns)) {
                if (d != w && !egress.containsKey(d)) {
                    add(self, ref(d), Optional.empty(), Expect.Deny, "");
                }
            }
        }
        for (boolean v6 : new boolean[] {false, true}) {
            for (IpBlock b : unreached(w, true, v6)) {
                add(self, new EndpointSelector.CidrForm(b), Optional.empty(), Expect.Deny, "");
            }
        }
        for (boolean v6 : new boolean[] {false, true}) {
            for (IpBlock b : unreached(w, false, v6)) {
                add(new EndpointSelector.CidrForm(b), self, Optional.empty(), Expect.Deny, "");
            }
        }
    }

    /**
     * The external addresses {@code w} has a connection with (to them when {@code outgoing}, from
     * them otherwise), grouped by identical ports, per address family, each group written as
     * compactly as exactness allows: its CIDR blocks, or the smallest block enclosing it minus the
     * blocks of the gaps when that is shorter ({@code 10.244.0.0/16 except 10.244.3.0/24}).
     */
    private Map<IpBlock, PortSet> externalGroups(Endpoint w, boolean outgoing) {
        Map<IpBlock, PortSet> groups = new LinkedHashMap<>();
        for (boolean v6 : new boolean[] {false, true}) {
            Map<PortSet, List<IpRange>> byPorts = new LinkedHashMap<>();
            for (Endpoint.ExternalEndpoint x : externalsOf(w, outgoing)) {
                PortSet p = outgoing ? outOf(w).get(x) : into(w).get(x);
                if (x.range().start().v6() != v6) {
                    continue;
                }
                List<IpRange> l = byPorts.computeIfAbsent(p, k -> new ArrayList<>());
                IpRange last = l.isEmpty() ? null : l.get(l.size() - 1);
                if (last != null && !last.end().isFamilyMax() && last.end().next().equals(x.range().start())) {
                    l.set(l.size() - 1, new IpRange(last.start(), x.range().end()));
                } else {
                    l.add(x.range());
                }
            }
            for (Map.Entry<PortSet, List<IpRange>> e : byPorts.entrySet()) {
                for (IpBlock b : Cidrs.compact(e.getValue())) {
                    groups.put(b, e.getKey());
                }
            }
        }
        return groups;
    }

    /**
     * The addresses of one family {@code w} has no connection with, as ipBlocks whose union is
     * exactly that set: the family minus the reached blocks ({@code 0.0.0.0/0 except …}), or, when
     * shorter, the family minus the block enclosing what is reached plus the gaps inside it. Empty
     * when every range of the family is reached.
     */
    private List<IpBlock> unreached(Endpoint w, boolean outgoing, boolean v6) {
        List<IpRange> reached = new ArrayList<>();
        for (Endpoint.ExternalEndpoint x : externalsOf(w, outgoing)) {
            if (x.range().start().v6() != v6) {
                continue;
            }
            IpRange last = reached.isEmpty() ? null : reached.get(reached.size() - 1);
            if (last != null && last.end().next().equals(x.range().start())) {
                reached.set(reached.size() - 1, new IpRange(last.start(), x.range().end()));
            } else {
                reached.add(x.range());
            }
        }
        Cidr family = Cidrs.family(v6);
        if (reached.isEmpty()) {
            return List.of(new IpBlock(family, List.of()));
        }
        IpRange first = reached.get(0);
        if (reached.size() == 1 && first.start().equals(family.first()) && first.end().equals(family.last())) {
            return List.of();
        }
        List<Cidr> blocks = new ArrayList<>();
        for (IpRange r : reached) {
            blocks.addAll(Cidrs.cover(r));
        }
        List<IpBlock> compact = Cidrs.compact(reached);
        if (compact.size() == 1 && !compact.get(0).except().isEmpty()
                && 2 + compact.get(0).except().size() < 1 + blocks.size()) {
            IpBlock enclosing = compact.get(0);
            List<IpBlock> out = new ArrayList<>();
            if (!enclosing.cidr().equals(family)) {
                out.add(new IpBlock(family, List.of(enclosing.cidr())));
            }
            for (Cidr gap : enclosing.except()) {
                out.add(new IpBlock(gap, List.of()));
            }
            return out;
        }
        return List.of(new IpBlock(family, blocks));
    }

    private void allow(EndpointSelector from, EndpointSelector to, PortSet ports) {
        if (ports.isAll()) {
            add(from, to, Optional.empty(), Expect.Allow, "allows everything");
            return;
        }
        for (Protocol p : Protocol.values()) {
            int[] r = ports.intervals(p);
            if (r.length == 2 && r[0] == PolicyPort.MIN && r[1] == PolicyPort.MAX) {
                add(from, to, Optional.of(new PolicyPort.AllPorts(p)), Expect.Allow, "allows every " + p + " port");
                continue;
            }
            for (int i = 0; i < r.length; i += 2) {
                String note = r[i] == r[i + 1] ? "" : "allows " + p + " " + r[i] + "-" + r[i + 1] + "; checks its first port";
                add(from, to, Optional.of(PolicyPort.PortRange.of(p, r[i])), Expect.Allow, note);
            }
        }
    }

    private void add(EndpointSelector from, EndpointSelector to, Optional<PolicyPort> port, Expect expect,
                     String description) {
        result.add(new ConnectivityExpectation(from, to, port, expect, description, Source.UNKNOWN));
    }

    /** {@code ns/name}, with the kind when the analysis had to qualify the id ({@code ns/name[Kind]}). */
    private static EndpointSelector ref(Endpoint.WorkloadEndpoint w) {
        Workload wl = w.workload();
        return new EndpointSelector.WorkloadRef(wl.namespace(), wl.name(), w.id().endsWith("]") ? wl.kind() : "");
    }
}
