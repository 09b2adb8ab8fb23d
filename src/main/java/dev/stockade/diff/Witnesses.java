package dev.stockade.diff;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Explains changes with the engine's {@link Explainer}: for a pair, one flow the change opened
 * and one it closed (the lowest protocol and port of each part of the symmetric difference),
 * decided in both versions. An external range is represented by its first address, a workload
 * by each of its pods: a flow is allowed when some pod pair allows it (the reasons are that
 * pair's), blocked when none does (the reasons are every blocking policy of every pod pair).
 */
final class Witnesses {
    private final Comparison comparison;
    private final Explainer before;
    private final Explainer after;

    private final dev.stockade.engine.IngressController.Pods controllerBefore;
    private final dev.stockade.engine.IngressController.Pods controllerAfter;

    private final EntrancePaths.Result pathsBefore;
    private final EntrancePaths.Result pathsAfter;

    Witnesses(Comparison comparison, Cluster before, Cluster after, AnalysisOptions options) {
        this.comparison = comparison;
        this.pathsBefore = EntrancePaths.resolve(before);
        this.pathsAfter = EntrancePaths.resolve(after);
        this.controllerBefore = options.ingressController().resolve(before);
        this.controllerAfter = options.ingressController().resolve(after);
        this.before = new Explainer(before, options);
        this.after = new Explainer(after, options);
    }

    List<Witness> of(Comparison.Change c) {
        List<Witness> out = new ArrayList<>(2);
        for (PortSet part : List.of(c.after().subtract(c.before()), c.before().subtract(c.after()))) {
            if (part.isEmpty()) {
                continue;
            }
            Protocol protocol = null;
            int port = 0;
            for (Protocol p : Protocol.values()) {
                int[] r = part.intervals(p);
                if (r.length > 0) {
                    protocol = p;
                    port = r[0];
                    break;
                }
            }
            out.add(new Witness(protocol, port, decide(before, comparison.before, c, protocol, port),
                    decide(after, comparison.after, c, protocol, port)));
        }
        return out;
    }

    private Decision decide(Explainer explainer, List<Workload> side, Comparison.Change c, Protocol protocol, int port) {
        Endpoint src = comparison.endpoints.get(c.src());
        Endpoint dst = comparison.endpoints.get(c.dst());
        List<Target> sources = targets(src, c.src(), side);
        List<Target> destinations = targets(dst, c.dst(), side);
        if (sources.isEmpty() || destinations.isEmpty()) {
            List<Reason> absent = new ArrayList<>();
            if (sources.isEmpty()) {
                absent.add(new Reason.Absent(src.id()));
            }
            if (destinations.isEmpty()) {
                absent.add(new Reason.Absent(dst.id()));
            }
            return new Decision(false, absent);
        }
        List<EntrancePaths.Path> routes = null;
        if (src instanceof Endpoint.ControllerEndpoint) {
            // from the controller only where a route of this version leads, on this port
            routes = (side == comparison.before ? pathsBefore : pathsAfter).leadingTo(destinations, protocol, port);
            if (routes.isEmpty()) {
                return new Decision(false, List.of(new Reason.NoRoute(dst.id())));
            }
        }
        Set<Reason> blocking = new LinkedHashSet<>();
        for (Target s : sources) {
            for (Target d : destinations) {
                EntrancePaths.Path route = routes == null ? null
                        : routes.stream().filter(p -> p.reaches(d)).findFirst().orElse(null);
                if (routes != null && route == null) {
                    continue;
                }
                Verdict v = explainer.explain(s, d, protocol, port);
                if (v.allowed()) {
                    List<Reason> admitting = new ArrayList<>();
                    if (route != null) {
                        admitting.add(new Reason.Routed(dst.id(), route.route().toString(), route.backend().path(),
                                route.backend().source().fileLine()));
                    }
                    admitting(v.egress(), src.id(), admitting);
                    admitting(v.ingress(), dst.id(), admitting);
                    return new Decision(true, admitting);
                }
                blocking(v.egress(), src.id(), blocking);
                blocking(v.ingress(), dst.id(), blocking);
            }
        }
        return new Decision(false, List.copyOf(blocking));
    }

    /** A workload's pods in this version (none when absent), or an external range's first address. */
    private List<Target> targets(Endpoint e, int index, List<Workload> side) {
        if (e instanceof Endpoint.ExternalEndpoint x) {
            return List.of(new Target.AddressTarget(x.range().start()));
        }
        if (e instanceof Endpoint.ControllerEndpoint) {
            // the controller's pods as policies judge them (a route added or removed shows in the ports)
            return List.copyOf((side == comparison.before ? controllerBefore : controllerAfter).targets());
        }
        Workload w = side.get(index);
        if (w == null) {
            return List.of();
        }
        List<Target> out = new ArrayList<>(w.pods().size());
        for (Pod p : w.pods()) {
            out.add(new Target.PodTarget(w, p));
        }
        return out;
    }

    private static void admitting(Verdict.Side side, String subject, List<Reason> out) {
        if (adminRule(side, subject, out)) {
            return;
        }
        switch (side.status()) {
            case EXTERNAL -> { }
            case HOST_NETWORK -> out.add(new Reason.HostNetwork(side.direction(), subject));
            case UNSELECTED -> out.add(new Reason.Unrestricted(side.direction(), subject));
            case ISOLATED -> {
                for (Verdict.PolicyTrace p : side.policies()) {
                    for (Verdict.RuleTrace r : p.rules()) {
                        if (r.admits()) {
                            out.add(new Reason.Admits(side.direction(), subject, p.policy(), r.index(), r.rule()));
                            break;
                        }
                    }
                }
            }
        }
    }

    /** The admin or baseline rule that decided a side, when one did; whether one did. */
    private static boolean adminRule(Verdict.Side side, String subject, Collection<Reason> out) {
        Verdict.Walk w = side.walk();
        Verdict.Step step = w.stage() == Verdict.Stage.ADMIN ? w.admin() : w.stage() == Verdict.Stage.BASELINE
                ? w.baseline() : null;
        if (step == null) {
            return false;
        }
        out.add(new Reason.AdminRuleDecides(side.direction(), subject, step.policy().policy(), step.rule().index(),
                step.rule().rule()));
        return true;
    }

    private static void blocking(Verdict.Side side, String subject, Set<Reason> out) {
        if (side.allowed() || adminRule(side, subject, out)) {
            return;
        }
        for (Verdict.PolicyTrace p : side.policies()) {
            out.add(new Reason.AdmitsNothing(side.direction(), subject, p.policy()));
        }
    }
}
