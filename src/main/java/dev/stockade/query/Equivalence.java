package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.IpRange;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.Cluster;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code query equivalent}: whether two inputs give the same connectivity — what {@code analyze}
 * prints, pair by pair — and if not, every difference and one witness flow with the explanation
 * of both sides. The two analyses may split the external address space differently; they are
 * compared on the common refinement of their ranges, so a difference is reported for exactly
 * the addresses where the two sides disagree.
 */
public final class Equivalence {
    private Equivalence() {}

    /** A pair whose allowed connections differ; {@code left}/{@code right} may be empty. */
    public record Difference(Endpoint src, Endpoint dst, PortSet left, PortSet right) {}

    /**
     * One flow allowed on one side and not on the other, with the verdicts of both sides (every
     * pod pair when a workload has several pods).
     */
    public record Witness(Endpoint src, Endpoint dst, Protocol protocol, int port, boolean allowedByLeft,
                          List<Verdict> left, List<Verdict> right) {
        public Witness {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /**
     * @param onlyLeft workloads only the left input has (likewise {@code onlyRight})
     * @param workloads how many workloads both have (after the namespace filter)
     * @param witness the first difference as a flow, or null when there is none
     */
    public record Result(List<Endpoint.WorkloadEndpoint> onlyLeft, List<Endpoint.WorkloadEndpoint> onlyRight,
                         List<Difference> differences, Witness witness, int workloads, AnalysisOptions options) {
        public Result {
            onlyLeft = List.copyOf(onlyLeft);
            onlyRight = List.copyOf(onlyRight);
            differences = List.copyOf(differences);
        }

        public boolean equivalent() {
            return onlyLeft.isEmpty() && onlyRight.isEmpty() && differences.isEmpty();
        }
    }

    /** Compares the two clusters' connectivity for pairs with an end in a namespace {@code namespaces} accepts. */
    public static Result run(Cluster left, Cluster right, AnalysisOptions options, Predicate<String> namespaces) {
        Connectivity l = new Analyzer(options).analyze(left);
        Connectivity r = new Analyzer(options).analyze(right);
        Map<ObjectRef, Endpoint.WorkloadEndpoint> lw = workloads(l);
        Map<ObjectRef, Endpoint.WorkloadEndpoint> rw = workloads(r);
        List<Endpoint.WorkloadEndpoint> onlyLeft = new ArrayList<>();
        List<Endpoint.WorkloadEndpoint> onlyRight = new ArrayList<>();
        Map<ObjectRef, Integer> order = new HashMap<>();
        for (Map.Entry<ObjectRef, Endpoint.WorkloadEndpoint> e : lw.entrySet()) {
            if (!namespaces.test(e.getKey().namespace())) {
                continue;
            }
            if (rw.containsKey(e.getKey())) {
                order.put(e.getKey(), order.size());
            } else {
                onlyLeft.add(e.getValue());
            }
        }
        for (Map.Entry<ObjectRef, Endpoint.WorkloadEndpoint> e : rw.entrySet()) {
            if (namespaces.test(e.getKey().namespace()) && !lw.containsKey(e.getKey())) {
                onlyRight.add(e.getValue());
            }
        }
        Map<ObjectRef, Endpoint.WorkloadEndpoint> common = new LinkedHashMap<>();
        for (Map.Entry<ObjectRef, Endpoint.WorkloadEndpoint> e : lw.entrySet()) {
            if (rw.containsKey(e.getKey())) {
                common.put(e.getKey(), e.getValue());
            }
        }
        List<Difference> differences = new ArrayList<>(workloadPairs(l, r, common, namespaces));
        differences.addAll(new ExternalComparison(l, r, common, namespaces).differences());
        differences.addAll(controllerPairs(l, r, common, namespaces));
        Witness witness = differences.isEmpty() ? null : witness(differences.get(0), left, right, options);
        return new Result(onlyLeft, onlyRight, differences, witness, order.size(), options);
    }

    private static Map<ObjectRef, Endpoint.WorkloadEndpoint> workloads(Connectivity c) {
        Map<ObjectRef, Endpoint.WorkloadEndpoint> out = new LinkedHashMap<>();
        for (Endpoint e : c.endpoints()) {
            if (e instanceof Endpoint.WorkloadEndpoint w) {
                out.put(w.workload().ref(), w);
            }
        }
        return out;
    }

    private record Pair(ObjectRef src, ObjectRef dst) {}

    /** Differences between workloads of both sides, ordered like analyze's output. */
    private static List<Difference> workloadPairs(Connectivity l, Connectivity r,
                                                  Map<ObjectRef, Endpoint.WorkloadEndpoint> common,
                                                  Predicate<String> namespaces) {
        Map<Pair, PortSet> left = pairs(l, common);
        Map<Pair, PortSet> right = pairs(r, common);
        Map<Pair, PortSet> all = new HashMap<>(left);
        right.forEach(all::putIfAbsent);
        Map<ObjectRef, Integer> rank = new HashMap<>();
        common.keySet().forEach(k -> rank.put(k, rank.size()));
        List<Pair> keys = new ArrayList<>(all.keySet());
        keys.sort(Comparator.<Pair>comparingInt(p -> rank.get(p.src())).thenComparingInt(p -> rank.get(p.dst())));
        List<Difference> out = new ArrayList<>();
        for (Pair p : keys) {
            PortSet a = left.getOrDefault(p, PortSet.EMPTY);
            PortSet b = right.getOrDefault(p, PortSet.EMPTY);
            if (!a.equals(b) && (namespaces.test(p.src().namespace()) || namespaces.test(p.dst().namespace()))) {
                out.add(new Difference(common.get(p.src()), common.get(p.dst()), a, b));
            }
        }
        return out;
    }

    /**
     * The ingress controller's differences, after all others: what the routes (the same on both
     * sides, with PATH…) reach under each policy set.
     */
    private static List<Difference> controllerPairs(Connectivity l, Connectivity r,
                                                    Map<ObjectRef, Endpoint.WorkloadEndpoint> common,
                                                    Predicate<String> namespaces) {
        Map<ObjectRef, PortSet> left = controller(l);
        Map<ObjectRef, PortSet> right = controller(r);
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<ObjectRef, Endpoint.WorkloadEndpoint> e : common.entrySet()) {
            PortSet a = left.getOrDefault(e.getKey(), PortSet.EMPTY);
            PortSet b = right.getOrDefault(e.getKey(), PortSet.EMPTY);
            if (!a.equals(b) && namespaces.test(e.getKey().namespace())) {
                out.add(new Difference(new Endpoint.ControllerEndpoint(), e.getValue(), a, b));
            }
        }
        return out;
    }

    private static Map<ObjectRef, PortSet> controller(Connectivity c) {
        Map<ObjectRef, PortSet> out = new HashMap<>();
        for (Connection x : c.connections()) {
            if (x.src() instanceof Endpoint.ControllerEndpoint && x.dst() instanceof Endpoint.WorkloadEndpoint d) {
                out.put(d.workload().ref(), x.allowed());
            }
        }
        return out;
    }

    private static Map<Pair, PortSet> pairs(Connectivity c, Map<ObjectRef, Endpoint.WorkloadEndpoint> common) {
        Map<Pair, PortSet> out = new HashMap<>();
        for (Connection x : c.connections()) {
            if (x.src() instanceof Endpoint.WorkloadEndpoint s && x.dst() instanceof Endpoint.WorkloadEndpoint d
                    && common.containsKey(s.workload().ref()) && common.containsKey(d.workload().ref())) {
                out.put(new Pair(s.workload().ref(), d.workload().ref()), x.allowed());
            }
        }
        return out;
    }

    /** The first port of the difference, with the verdicts of both sides. */
    private static Witness witness(Difference d, Cluster left, Cluster right, AnalysisOptions options) {
        PortSet onlyLeft = d.left().subtract(d.right());
        PortSet diff = onlyLeft.isEmpty() ? d.right().subtract(d.left()) : onlyLeft;
        Protocol protocol = null;
        int port = 0;
        for (Protocol p : Protocol.values()) {
            int[] iv = diff.intervals(p);
            if (iv.length > 0) {
                protocol = p;
                port = iv[0];
                break;
            }
        }
        return new Witness(d.src(), d.dst(), protocol, port, !onlyLeft.isEmpty(),
                verdicts(left, options, d, protocol, port), verdicts(right, options, d, protocol, port));
    }

    private static List<Verdict> verdicts(Cluster c, AnalysisOptions options, Difference d, Protocol protocol,
                                          int port) {
        Explainer explainer = new Explainer(c, options);
        List<Verdict> out = new ArrayList<>();
        for (Target s : targets(c, d.src(), options)) {
            for (Target t : targets(c, d.dst(), options)) {
                out.add(explainer.explain(s, t, protocol, port));
            }
        }
        return out;
    }

    private static List<Target> targets(Cluster c, Endpoint e, AnalysisOptions options) {
        return switch (e) {
            case Endpoint.ExternalEndpoint x -> List.of(new Target.AddressTarget(x.range().start()));
            // the controller's pods, judged by policies alone (the routes are the same on both sides)
            case Endpoint.ControllerEndpoint ce -> List.copyOf(options.ingressController().resolve(c).targets());
            case Endpoint.WorkloadEndpoint w -> {
                List<Target> out = new ArrayList<>();
                for (Workload wl : c.workloads()) {
                    if (wl.ref().equals(w.workload().ref())) {
                        for (Pod p : wl.pods()) {
                            out.add(new Target.PodTarget(wl, p));
                        }
                    }
                }
                yield out;
            }
        };
    }

    /** Names a piece of the common refinement of the two sides' external ranges. */
    static Endpoint.ExternalEndpoint range(IpRange r) {
        return new Endpoint.ExternalEndpoint(r.toString(), r);
    }
}
