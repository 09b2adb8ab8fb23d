package dev.stockade.verify;

import dev.stockade.bench.BenchSpec;
import dev.stockade.bench.ClusterGenerator;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A micro check of the verify performance target (10,000 expectations in at most a second after
 * loading and analysis), on the bench's 10k-workload cluster: 9,000 expectations sampled from the
 * baseline plus 1,000 namespace-to-label-selector ones across the cluster. Not a test (timings on
 * a shared machine make flaky tests); run it by hand, with the JDK {@code scripts/lib.sh} finds:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.stockade.verify.VerifyMicroBench [workloads policies namespaces]
 * </pre>
 * The {@code bench} verb times the same calls: {@link Baseline#sample} then {@link Verifier#check(List)}.
 */
public final class VerifyMicroBench {
    private VerifyMicroBench() {}

    public static void main(String[] args) throws Exception {
        int workloads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int policies = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int namespaces = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = Files.createTempDirectory("stockade-verify-bench");
        ClusterGenerator.write(new ClusterGenerator(new BenchSpec(workloads, policies, namespaces, 0, 1)).generate(), dir);
        long t0 = System.nanoTime();
        LoadResult loaded = Loader.load(List.of(dir.toString()));
        Connectivity c = new Analyzer(AnalysisOptions.DEFAULT).analyze(loaded.cluster());
        long t1 = System.nanoTime();
        System.out.printf("load+analyze %d ms: %d workloads, %d connections%n", (t1 - t0) / 1_000_000,
                loaded.cluster().workloads().size(), c.connections().size());

        long g0 = System.nanoTime();
        List<ConnectivityExpectation> sample = new ArrayList<>(Baseline.sample(c, 9_000));
        long g1 = System.nanoTime();
        // a thousand selector forms too: whole namespaces and label selectors across the cluster
        for (int i = 0; i < 1_000; i++) {
            String ns = loaded.cluster().workloads().get(i * 7 % loaded.cluster().workloads().size()).namespace();
            sample.add(ConnectivityExpectation.of(
                    new EndpointSelector.SelectorForm(Optional.of(ns), Optional.empty(), Optional.empty()),
                    new EndpointSelector.SelectorForm(Optional.empty(), Optional.empty(),
                            Optional.of(LabelSelector.matchLabels("tier", i % 2 == 0 ? "db" : "backend"))),
                    Optional.of(PolicyPort.PortRange.of(Protocol.TCP, 5432)),
                    i % 2 == 0 ? ConnectivityExpectation.Expect.Deny : ConnectivityExpectation.Expect.Allow));
        }
        System.out.printf("sample of %d expectations in %d ms%n", sample.size(), (g1 - g0) / 1_000_000);

        for (int round = 0; round < 5; round++) {
            long v0 = System.nanoTime();
            Verifier verifier = new Verifier(loaded.cluster(), c);
            long vi = System.nanoTime();
            List<ExpectationResult> results = verifier.check(sample);
            long v1 = System.nanoTime();
            long failed = results.stream().filter(r -> !r.passed()).count();
            long pairs = results.stream().mapToLong(ExpectationResult::pairs).sum();
            System.out.printf("round %d: verified %d expectations (%d pairs) in %d ms (index %d ms; %d failed)%n",
                    round, results.size(), pairs, (v1 - v0) / 1_000_000, (vi - v0) / 1_000_000, failed);
        }
    }
}
