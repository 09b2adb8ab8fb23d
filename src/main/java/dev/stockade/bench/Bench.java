package dev.stockade.bench;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Severity;
import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Differ;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.Target;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import dev.stockade.report.AuditRenderer;
import dev.stockade.verify.Baseline;
import dev.stockade.verify.ExpectationResult;
import dev.stockade.verify.Verifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Runs one benchmark: generate, write, load, analyse, explain samples. */
public final class Bench {
    private static final int EXPLAIN_SAMPLES = 2000;
    private static final int VERIFY_EXPECTATIONS = 10_000;

    private Bench() {}

    /**
     * @param writeDir where to write the YAML (kept), or null for a temporary folder (removed)
     * @param progress receives one line per phase
     */
    public static BenchResult run(BenchSpec spec, Path writeDir, Consumer<String> progress) throws IOException {
        progress.accept("generating " + spec.workloads() + " workloads, " + spec.policies() + " policies, "
                + spec.namespaces() + " namespaces" + (spec.pods() > 0 ? ", " + spec.pods() + " pods" : ""));
        List<String> contents = new ClusterGenerator(spec).generate();
        Path dir = writeDir != null ? writeDir : Files.createTempDirectory("stockade-bench");
        try {
            List<Path> files = ClusterGenerator.write(contents, dir);
            contents = null;
            System.gc();
            resetPeaks();
            progress.accept("loading " + files.size() + " files from " + dir);
            long t0 = System.nanoTime();
            LoadResult loaded = Loader.load(files.stream().map(Path::toString).toList());
            long parseMillis = (System.nanoTime() - t0) / 1_000_000;
            if (loaded.hasErrors()) {
                throw new IllegalStateException("generated input did not load: " + loaded.diagnostics().get(0));
            }
            progress.accept("analysing");
            long t1 = System.nanoTime();
            Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
            long analysisMillis = (System.nanoTime() - t1) / 1_000_000;
            long peak = peakHeap();
            progress.accept("explaining " + EXPLAIN_SAMPLES + " sampled flows");
            long p99 = explainP99(loaded, spec.seed());
            progress.accept("diffing against a version with 1% of the policies changed");
            Cluster changed = PolicyChanges.change(loaded.cluster(), 1);
            long t2 = System.nanoTime();
            ConnectivityDiff diff = Differ.diff(loaded.cluster(), changed, AnalysisOptions.DEFAULT);
            long diffMillis = (System.nanoTime() - t2) / 1_000_000;
            progress.accept("verifying " + VERIFY_EXPECTATIONS + " expectations");
            List<ConnectivityExpectation> expectations = Baseline.sample(c, VERIFY_EXPECTATIONS);
            long t3 = System.nanoTime();
            Connectivity fresh = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
            List<ExpectationResult> verified = new Verifier(loaded.cluster(), fresh).check(expectations);
            long verifyMillis = (System.nanoTime() - t3) / 1_000_000;
            long failed = verified.stream().filter(x -> !x.passed()).count();
            if (failed > 0) {
                throw new IllegalStateException(failed + " baseline expectations failed on the cluster they describe");
            }
            int pods = loaded.cluster().workloads().stream().mapToInt(w -> w.pods().size()).sum();
            fresh = null;
            verified = null;
            progress.accept("auditing (objects as written, every rule, the text report)");
            long t4 = System.nanoTime();
            int findings = audit(files);
            long auditMillis = (System.nanoTime() - t4) / 1_000_000;
            progress.accept("analysing one policy of " + IpBlockFigure.PEERS + " overlapping ipBlocks");
            long ipBlockMillis = IpBlockFigure.millis();
            return new BenchResult(loaded.cluster().workloads().size(), pods, loaded.cluster().policies().size(),
                    loaded.cluster().namespaces().size(), c.connections().size(), parseMillis, analysisMillis, p99, peak,
                    diffMillis, diff.changes().size(), expectations.size(), verifyMillis, auditMillis, findings,
                    ipBlockMillis);
        } finally {
            if (writeDir == null) {
                try (var s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * {@code audit} of the files as the command does it, in this process: load keeping the objects
     * as written, run every rule, write the text report (to a sink that only counts); the findings.
     */
    private static int audit(List<Path> files) {
        LoadResult asWritten = Loader.load(files.stream().map(Path::toString).toList(), null,
                dev.stockade.load.AsWritten.modelKindsAnd(AuditContext.KINDS_READ));
        AuditContext context = new AuditContext(asWritten.cluster(), asWritten.manifests(), AnalysisOptions.DEFAULT);
        AuditReport report = Auditor.run(context);
        long[] chars = {0};
        AuditRenderer.text(report, Severity.ERROR, new Appendable() {
            @Override
            public Appendable append(CharSequence csq) {
                chars[0] += csq.length();
                return this;
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) {
                chars[0] += end - start;
                return this;
            }

            @Override
            public Appendable append(char c) {
                chars[0]++;
                return this;
            }
        });
        return report.findings().size();
    }

    private static long explainP99(LoadResult loaded, long seed) {
        List<Workload> ws = loaded.cluster().workloads();
        Explainer explainer = new Explainer(loaded.cluster(), AnalysisOptions.DEFAULT);
        Random r = new Random(seed + 1);
        long[] micros = new long[EXPLAIN_SAMPLES];
        int warmup = 500;
        for (int i = -warmup; i < EXPLAIN_SAMPLES; i++) {
            Workload a = ws.get(r.nextInt(ws.size()));
            Workload b = ws.get(r.nextInt(ws.size()));
            Pod pa = a.pods().get(0);
            Pod pb = b.pods().get(0);
            int port = pb.ports().isEmpty() ? 80 : pb.ports().get(r.nextInt(pb.ports().size())).port();
            long t = System.nanoTime();
            explainer.explain(new Target.PodTarget(a, pa), new Target.PodTarget(b, pb), Protocol.TCP, port);
            long d = System.nanoTime() - t;
            if (i >= 0) {
                micros[i] = d / 1000;
            }
        }
        Arrays.sort(micros);
        return micros[(int) Math.ceil(EXPLAIN_SAMPLES * 0.99) - 1];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
