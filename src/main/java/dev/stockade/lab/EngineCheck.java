package dev.stockade.lab;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's probes against the engine's verdicts ({@link Explainer}) on the same cluster: every
 * probe whose outcome is not the engine's decision for its source pod, destination pod, protocol
 * and port, with the verdict that explains the engine's side.
 */
public final class EngineCheck {
    private EngineCheck() {}

    /** A probe the engine decided otherwise. */
    public record Disagreement(Lab.Probe probe, Verdict verdict) {
        /** {@code x/a -> x/b (10.0.0.2) TCP/80: engine allows, kernel drops}. */
        public String line() {
            Lab.Probe p = probe;
            return p.src().id() + " -> " + p.dst().id() + " (" + p.address() + ") " + p.protocol() + "/" + p.port()
                    + ": engine " + (verdict.allowed() ? "allows" : "blocks") + ", kernel "
                    + (p.connected() ? "connects" : "drops");
        }
    }

    /** Every probe of {@code probes} on which the kernel and the engine disagree, in probe order. */
    public static List<Disagreement> disagreements(Cluster cluster, AnalysisOptions options, List<Lab.Probe> probes) {
        Map<String, Target.PodTarget> targets = new HashMap<>();
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                targets.put(p.toString(), new Target.PodTarget(w, p));
            }
        }
        Explainer engine = new Explainer(cluster, options);
        Map<String, Verdict> decided = new HashMap<>();
        List<Disagreement> out = new ArrayList<>();
        for (Lab.Probe p : probes) {
            Target.PodTarget src = targets.get(p.src().id());
            Target.PodTarget dst = targets.get(p.dst().id());
            if (src == null || dst == null) {
                throw new IllegalArgumentException("a probe between pods the cluster does not have: " + p);
            }
            Verdict v = decided.computeIfAbsent(key(p.src().id(), p.dst().id(), p.protocol(), p.port()),
                    k -> engine.explain(src, dst, p.protocol(), p.port()));
            if (v.allowed() != p.connected()) {
                out.add(new Disagreement(p, v));
            }
        }
        return out;
    }

    private static String key(String src, String dst, Protocol protocol, int port) {
        return src + " " + dst + " " + protocol + " " + port;
    }
}
