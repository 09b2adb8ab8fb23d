package dev.stockade.cli;

import dev.stockade.bench.Bench;
import dev.stockade.bench.BenchResult;
import dev.stockade.bench.BenchSpec;
import dev.stockade.bench.DataplaneBench;
import dev.stockade.bench.DataplaneResult;
import dev.stockade.lab.Lab;
import dev.stockade.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Measure Stockade on a generated cluster and report the figures.",
            "Generates a realistic seeded cluster, writes it as YAML, loads it through the real loader,",
            "analyses it and samples explain, then times one policy of 20,000 overlapping ipBlocks.",
            "Progress goes to standard error.",
            "With --dataplane (root, nft, ip, python3): the nftables data plane and the lab on this host's",
            "kernel instead, in network namespaces of the bench's own (stkbench-PID-*, removed afterwards):",
            "a whole load of the compiled table, single-policy changes as delta transactions, the cost of",
            "a new connection through the table of the whole cluster against a table of ~10 policies,",
            "and lab up + probe + down of the 9-pod e2e topology."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade bench",
            "  stockade bench --workloads 10000 --policies 5000 --namespaces 1000 -o json",
            "  stockade bench --workloads 10000 --pods 100000 --policies 5000 --namespaces 1000",
            "  stockade bench --workloads 200 --policies 100 --namespaces 10 --write /tmp/cluster",
            "  sudo stockade bench --dataplane -o json",
            "",
            "JSON fields: workloads, pods, policies, namespaces, connections, parseMillis, analysisMillis,",
            "explainP99Micros, peakHeapBytes, diffMillis, diffChanges, expectations, verifyMillis, auditMillis,",
            "auditFindings.",
            "With --dataplane: pods, policies, nftFullLoadMillis, nftChangeMillis, packetCostRatio, labE2eMillis.",
            "",
            "Exit codes: 0 ok, 2 bad usage (e.g. no workloads) or --dataplane without root or nft, 3 internal",
            "error."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workloads", defaultValue = "10000", description = "Deployments (default: ${DEFAULT-VALUE}).")
    int workloads;

    @Option(names = "--policies", defaultValue = "5000", description = "NetworkPolicies (default: ${DEFAULT-VALUE}).")
    int policies;

    @Option(names = "--namespaces", defaultValue = "1000", description = "Namespaces (default: ${DEFAULT-VALUE}).")
    int namespaces;

    @Option(names = "--pods", defaultValue = "0",
            description = "Pod objects (with IPs, owned through ReplicaSets); 0 = templates only (default),"
                    + " with --dataplane one pod per workload.")
    int pods;

    @Option(names = "--admin-policies", paramLabel = "N", defaultValue = "0",
            description = "AdminNetworkPolicies (priorities 0 to N-1), plus the BaselineAdminNetworkPolicy when N > 0"
                    + " (default: ${DEFAULT-VALUE}).")
    int adminPolicies;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", paramLabel = "DIR", description = "Keep the generated YAML in DIR.")
    Path write;

    @Mixin
    OutputOption output;

    @Option(names = "--dataplane", description = "Measure the nftables data plane and the lab instead (root).")
    boolean dataplane;

    @Override
    public Integer call() throws IOException {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        BenchSpec s;
        try {
            s = new BenchSpec(workloads, policies, namespaces, dataplane && pods == 0 ? workloads : pods, seed,
                    adminPolicies);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = spec.commandLine().getErr();
        if (dataplane) {
            return dataplane(s, format);
        }
        BenchResult r = Bench.run(s, write, line -> {
            err.println("bench: " + line);
            err.flush();
        });
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.printf("{\"workloads\": %d, \"pods\": %d, \"policies\": %d, \"namespaces\": %d, \"connections\": %d,"
                            + " \"parseMillis\": %d, \"analysisMillis\": %d, \"explainP99Micros\": %d, \"peakHeapBytes\": %d,"
                            + " \"diffMillis\": %d, \"diffChanges\": %d, \"expectations\": %d, \"verifyMillis\": %d,"
                            + " \"auditMillis\": %d, \"auditFindings\": %d, \"ipBlockMillis\": %d}%n",
                    r.workloads(), r.pods(), r.policies(), r.namespaces(), r.connections(), r.parseMillis(),
                    r.analysisMillis(), r.explainP99Micros(), r.peakHeapBytes(), r.diffMillis(), r.diffChanges(),
                    r.expectations(), r.verifyMillis(), r.auditMillis(), r.auditFindings(), r.ipBlockMillis());
        } else {
            out.printf("workloads         %d%npods              %d%npolicies          %d%nnamespaces        %d%n"
                            + "connections       %d%nparse             %d ms%nanalysis          %d ms%n"
                            + "explain p99       %d µs%npeak heap         %d MiB%n"
                            + "diff (1%% changed) %d ms, %d changed pairs%n"
                            + "verify            %d ms for %d expectations (analysis included)%n"
                            + "audit             %d ms, %d findings (load as written, every rule, text report)%n"
                            + "ipBlocks          %d ms (one policy of 20,000 overlapping ipBlocks, analysed)%n",
                    r.workloads(), r.pods(), r.policies(), r.namespaces(), r.connections(), r.parseMillis(),
                    r.analysisMillis(), r.explainP99Micros(), r.peakHeapBytes() >> 20, r.diffMillis(), r.diffChanges(),
                    r.verifyMillis(), r.expectations(), r.auditMillis(), r.auditFindings(), r.ipBlockMillis());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int dataplane(BenchSpec s, OutputFormat format) throws IOException {
        var err = spec.commandLine().getErr();
        if (write != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--write does not go with --dataplane");
        }
        String missing = DataplaneBench.missing();
        if (missing != null) {
            err.println("stockade: " + missing);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        DataplaneResult r;
        try {
            r = DataplaneBench.run(s, line -> {
                err.println("bench: " + line);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IllegalStateException | Lab.LabException e) {
            err.println("stockade: bench --dataplane failed: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
        var out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.printf(Locale.ROOT, "{\"pods\": %d, \"policies\": %d, \"nftFullLoadMillis\": %d,"
                            + " \"nftChangeMillis\": %d, \"packetCostRatio\": %.2f, \"labE2eMillis\": %d}%n",
                    r.pods(), r.policies(), r.nftFullLoadMillis(), r.nftChangeMillis(), r.packetCostRatio(),
                    r.labE2eMillis());
        } else {
            out.printf(Locale.ROOT, "pods              %d%npolicies          %d%n"
                            + "nft full load     %d ms%nnft change        %d ms (one policy, one transaction)%n"
                            + "packet cost       %.2f (%d policies / 10)%nlab e2e           %d ms (up, probe, down)%n",
                    r.pods(), r.policies(), r.nftFullLoadMillis(), r.nftChangeMillis(), r.packetCostRatio(),
                    r.policies(), r.labE2eMillis());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
