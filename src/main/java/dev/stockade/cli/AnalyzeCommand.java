package dev.stockade.cli;

import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import dev.stockade.load.LoadResult;
import dev.stockade.report.ConnectivityRenderer;
import dev.stockade.report.ConnectivityView;
import dev.stockade.report.OutputFormat;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"List every allowed connection between workloads and external address ranges.",
            "Self pairs are omitted; pairs with nothing allowed are absent."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade analyze examples/hexabase",
            "  stockade analyze -o json manifests/ > connectivity.json",
            "  stockade analyze -n alt-las-prod --focus api-gateway examples/alt-las",
            "  kubectl get netpol,deploy,ns -A -o yaml | stockade analyze -o dot - | dot -Tsvg > graph.svg",
            "",
            "Exit codes: 0 ok, 2 some input was unusable (the rest is analysed), 3 internal error."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOption output;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Show only connections from or to workloads in this namespace.")
    String namespace;

    @Option(names = "--focus", paramLabel = "WORKLOAD",
            description = "Show only connections from or to this workload (ns/name, or name with -n), or the external range holding an IP address.")
    String focus;

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.values());
        LoadResult loaded = input.load(StockadeCommand.stdin(parent), spec.commandLine().getErr());
        Connectivity c = new Analyzer(input.analysisOptions()).analyze(loaded.cluster());
        if (input.verbose) {
            for (String w : c.warnings()) {
                spec.commandLine().getErr().println("warning: " + w);
            }
        } else if (!c.warnings().isEmpty()) {
            spec.commandLine().getErr().println("stockade: " + c.warnings().size()
                    + " analysis warning(s); see them with -v");
        }
        ConnectivityView view = ConnectivityView.all(c);
        Predicate<Endpoint> filter = filter(c);
        if (filter != null) {
            view = ConnectivityView.filtered(c, filter);
        }
        spec.commandLine().getOut().print(ConnectivityRenderer.render(view, format));
        spec.commandLine().getOut().flush();
        return loaded.hasErrors() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private Predicate<Endpoint> filter(Connectivity c) {
        if (focus == null && namespace == null) {
            return null;
        }
        if (focus != null) {
            String f = focus.contains("/") || namespace == null || dev.stockade.model.IpAddress.parse(focus).isPresent()
                    ? focus : namespace + "/" + focus;
            boolean known = c.endpoints().stream().anyMatch(e -> matchesFocus(e, f));
            if (!known) {
                throw new ParameterException(spec.commandLine(), "--focus: no workload " + f + " in the input");
            }
            return e -> matchesFocus(e, f);
        }
        return e -> e instanceof Endpoint.WorkloadEndpoint w && w.workload().namespace().equals(namespace);
    }

    /** A workload by id or ns/name, or the external range by id or by an address inside it. */
    private static boolean matchesFocus(Endpoint e, String f) {
        if (e.id().equals(f)) {
            return true;
        }
        return switch (e) {
            case Endpoint.WorkloadEndpoint w -> w.workload().toString().equals(f);
            case Endpoint.ExternalEndpoint x -> dev.stockade.model.IpAddress.parse(f).map(x.range()::contains).orElse(false);
            case Endpoint.ControllerEndpoint c -> false;
        };
    }
}
