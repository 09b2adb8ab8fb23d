package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.engine.IngressController;
import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manifests to read and the semantic choices that apply to them. */
public final class InputOptions {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Manifest files or directories (.yaml, .yml, .json; recursive), or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--ipblock-matches-pods", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "Whether ipBlock peers also match pods whose IP they contain (default: ${DEFAULT-VALUE},"
                    + " as the upstream e2e suite expects; false treats ipBlocks as cluster-external only).")
    boolean ipBlockMatchesPods = true;

    @Option(names = HostNetworkFlag.NAME, paramLabel = HostNetworkFlag.LABEL, converter = HostNetworkFlag.class,
            description = HostNetworkFlag.DESCRIPTION)
    HostNetworkMode hostNetwork = HostNetworkMode.DEFAULT;

    /** The command this mixin belongs to, for usage errors. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--ingress-controller", paramLabel = "NS[:LABELS]", defaultValue = "ingress-nginx",
            description = "The ingress controller's pods, where traffic through Ingresses, Routes and Gateways comes"
                    + " from: namespace NS, pods with LABELS (key=value,...; default: every pod of NS). Without such"
                    + " pods in the input, one pod of NS with LABELS is assumed, with a warning (default: ${DEFAULT-VALUE}).")
    String ingressController = "ingress-nginx";

    @Option(names = {"-v", "--verbose"}, description = "Also list skipped kinds and input statistics.")
    boolean verbose;

    AnalysisOptions analysisOptions() {
        IngressController controller = IngressController.parse(ingressController).orElseThrow(
                () -> new picocli.CommandLine.ParameterException(mixee.commandLine(), "--ingress-controller: '"
                        + ingressController + "' is not NS or NS:key=value,... (expected e.g. ingress-nginx or"
                        + " ingress-nginx:app.kubernetes.io/name=ingress-nginx)"));
        return new AnalysisOptions(ipBlockMatchesPods, controller, hostNetwork);
    }

    /** Errors before warnings; within each, files in input order and positions in reading order. */
    static List<Diagnostic> ordered(List<Diagnostic> diagnostics) {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Diagnostic d : diagnostics) {
            fileOrder.putIfAbsent(d.source().file(), fileOrder.size());
        }
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparing((Diagnostic d) -> !d.isError())
                .thenComparing(d -> fileOrder.get(d.source().file()))
                .thenComparingInt(d -> d.source().line()).thenComparingInt(d -> d.source().column()));
        return out;
    }

    /** Loads the inputs and prints every diagnostic (errors first) to {@code err}. */
    LoadResult load(java.io.InputStream stdin, PrintWriter err) {
        return load(stdin, err, false);
    }

    /**
     * {@code , 2 admin policy(ies), 1 Node(s), 3 Service(s), 1 route(s), 1 Gateway(s)} for what the input
     * has, else nothing (older outputs unchanged).
     */
    static String tiers(dev.stockade.model.Cluster c) {
        dev.stockade.model.Entrances e = c.entrances();
        return (c.adminPolicies().isEmpty() ? "" : ", " + c.adminPolicies().size() + " admin policy(ies)")
                + (c.nodes().isEmpty() ? "" : ", " + c.nodes().size() + " Node(s)")
                + (e.services().isEmpty() ? "" : ", " + e.services().size() + " Service(s)")
                + (e.routes().isEmpty() ? "" : ", " + e.routes().size() + " route(s)")
                + (e.gateways().isEmpty() ? "" : ", " + e.gateways().size() + " Gateway(s)");
    }

    /** Loads the inputs, keeping the objects as written when {@code manifests}, and prints every diagnostic. */
    LoadResult load(java.io.InputStream stdin, PrintWriter err, boolean manifests) {
        return load(stdin, err, manifests ? dev.stockade.load.AsWritten.ALL : dev.stockade.load.AsWritten.NONE);
    }

    /** Loads the inputs, keeping the objects as written that {@code asWritten} names, and prints every diagnostic. */
    LoadResult load(java.io.InputStream stdin, PrintWriter err, dev.stockade.load.AsWritten asWritten) {
        LoadResult r = Loader.load(paths, stdin, asWritten);
        for (Diagnostic d : ordered(r.diagnostics())) {
            err.println(d);
        }
        if (verbose) {
            err.printf("stockade: read %d file(s), %d object(s): %d namespace(s), %d workload(s), %d NetworkPolicy(s)%s%n",
                    r.files(), r.objects(), r.cluster().namespaces().size(), r.cluster().workloads().size(),
                    r.cluster().policies().size(), tiers(r.cluster()));
            for (Map.Entry<String, Integer> e : r.skippedKinds().entrySet()) {
                err.printf("stockade: skipped %d %s%n", e.getValue(), e.getKey());
            }
        }
        err.flush();
        return r;
    }
}
