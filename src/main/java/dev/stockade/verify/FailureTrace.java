package dev.stockade.verify;

import dev.stockade.engine.Explainer;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectation.Expect;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains the first violation of a failed expectation with the {@link Explainer}, pod by pod:
 * an external end becomes an address of its range inside the expectation's block.
 */
final class FailureTrace {
    private final Explainer explainer;
    private final EndpointIndex index;

    FailureTrace(Explainer explainer, EndpointIndex index) {
        this.explainer = explainer;
        this.index = index;
    }

    /**
     * The verdict explaining a violation: for a broken Deny, a pod pair that the analysis allows,
     * on the first allowed port; for a broken Allow, the first pod pair on the port asked about
     * (a port name resolved on that pod; with every port asked, the destination's first declared
     * container port).
     */
    List<Verdict> of(ConnectivityExpectation e, ExpectationResult.Violation v, int s, int d,
                     PolicyPort.NamedPort name, PortSet asked) {
        List<Target> sources = targets(s, e.from());
        List<Target> destinations = targets(d, e.to());
        Verdict first = null;
        for (Target src : sources) {
            for (Target dst : destinations) {
                int[] flow = flow(e, v, name, asked, dst);
                if (flow == null) {
                    continue;
                }
                Verdict verdict = explainer.explain(src, dst, Protocol.values()[flow[0]], flow[1]);
                if (first == null) {
                    first = verdict;
                }
                if (e.expect() == Expect.Allow || verdict.allowed()) {
                    return List.of(verdict);
                }
            }
        }
        return first == null ? List.of() : List.of(first);
    }

    /** {protocol ordinal, port} to explain towards {@code dst}, or null when that pod lacks the named port. */
    private int[] flow(ConnectivityExpectation e, ExpectationResult.Violation v, PolicyPort.NamedPort name,
                       PortSet asked, Target dst) {
        Pod pod = dst instanceof Target.PodTarget pt ? pt.pod() : null;
        if (e.expect() == Expect.Deny) {
            return firstOf(v.allowed());
        }
        if (name != null) {
            if (pod != null) {
                for (ContainerPort c : pod.ports()) {
                    if (c.name().equals(name.name()) && c.protocol() == name.protocol()) {
                        return new int[] {c.protocol().ordinal(), c.port()};
                    }
                }
            }
            return null;
        }
        if (pod != null) {
            for (ContainerPort c : pod.ports()) {
                if (asked.contains(c.protocol(), c.port())) {
                    return new int[] {c.protocol().ordinal(), c.port()};
                }
            }
        }
        return firstOf(asked);
    }

    private static int[] firstOf(PortSet ports) {
        for (Protocol p : Protocol.values()) {
            int[] r = ports.intervals(p);
            if (r.length > 0) {
                return new int[] {p.ordinal(), r[0]};
            }
        }
        return null;
    }

    /** The pods of a workload endpoint, or the representative address of an external one. */
    private List<Target> targets(int i, EndpointSelector side) {
        if (!index.isWorkload(i)) {
            return List.of(new Target.AddressTarget(index.representative(i, side)));
        }
        Workload w = index.workload(i);
        List<Target> out = new ArrayList<>(w.pods().size());
        for (Pod p : w.pods()) {
            out.add(new Target.PodTarget(w, p));
        }
        return out;
    }
}
