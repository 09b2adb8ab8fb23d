package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ingress controller reaches: every {@link EntrancePaths.Path} decided by the engine
 * as a flow from each controller pod ({@link IngressController}) to the backend pod on the
 * route's port. A path is open when some controller pod's flow is allowed (its egress and the
 * backend's ingress, through every tier).
 */
public final class IngressReach {
    /** One path and the verdict of the first controller pod allowed on it (else of the first pod). */
    public record Entry(EntrancePaths.Path path, Verdict verdict) {
        public boolean open() {
            return verdict.allowed();
        }
    }

    /**
     * @param entries every path with its verdict, in input order
     * @param open per backend workload, the ports the controller may open
     * @param warnings what could not be followed, and the assumed controller
     */
    public record Result(List<Entry> entries, Map<Workload, PortSet> open, List<String> warnings,
                         EntrancePaths.Result paths) {
        public Result {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    private IngressReach() {}

    /** Routes resolved and judged; nothing when the input has no routes. */
    public static Result of(Cluster cluster, AnalysisOptions options) {
        return of(cluster, options, EntrancePaths.resolve(cluster));
    }

    /** The same, with the paths of {@code cluster} already resolved. */
    public static Result of(Cluster cluster, AnalysisOptions options, EntrancePaths.Result paths) {
        List<String> warnings = new ArrayList<>(paths.warnings());
        List<Entry> entries = new ArrayList<>();
        Map<Workload, PortSet> open = new LinkedHashMap<>();
        if (paths.paths().isEmpty()) {
            return new Result(entries, new LinkedHashMap<>(), warnings, paths);
        }
        IngressController.Pods controller = options.ingressController().resolve(cluster);
        if (controller.assumed()) {
            warnings.add(options.ingressController().assumedWarning());
        }
        Explainer explainer = new Explainer(cluster, options);
        for (EntrancePaths.Path p : paths.paths()) {
            Target.PodTarget backend = new Target.PodTarget(p.workload(), p.pod());
            Verdict first = null;
            for (Target.PodTarget c : controller.targets()) {
                Verdict v = explainer.explain(c, backend, p.protocol(), p.port());
                if (first == null || (v.allowed() && !first.allowed())) {
                    first = v;
                }
                if (v.allowed()) {
                    break;
                }
            }
            entries.add(new Entry(p, first));
            if (first.allowed()) {
                open.merge(p.workload(), PortSet.of(p.protocol(), p.port()), PortSet::union);
            }
        }
        return new Result(entries, open, warnings, paths);
    }
}
