package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.Namespace;
import dev.stockade.query.Equivalence;
import dev.stockade.query.Exposure;
import dev.stockade.query.Redundancy;
import dev.stockade.query.SelectsNothing;
import dev.stockade.query.Unprotected;
import dev.stockade.report.OutputFormat;
import dev.stockade.report.QueryJson;
import dev.stockade.report.QueryRenderer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Answer questions about the policies (unprotected, exposure, redundant, ...).",
            "unprotected: workloads no policy isolates; selects-nothing: selectors that match no pod (typos);",
            "redundant: policies and rules that change nothing; equivalent: do two policy sets give the same",
            "connectivity; exposure: what external addresses and every namespace can reach. Each answers in text",
            "or JSON."},
        subcommands = {QueryCommand.UnprotectedCommand.class, QueryCommand.SelectsNothingCommand.class,
            QueryCommand.RedundantCommand.class, QueryCommand.EquivalentCommand.class,
            QueryCommand.ExposureCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade query unprotected examples/hexabase",
            "  stockade query selects-nothing -o json manifests/",
            "  stockade query redundant -n production examples/hexabase",
            "  stockade query equivalent old/policies.yaml new/policies.yaml cluster/",
            "  stockade query exposure examples/alt-las",
            "",
            "JSON schema: schemas/query.schema.json.",
            "Exit codes: 0 clean or EQUIVALENT, 1 a finding, 2 bad input or usage, 3 internal error."})
public final class QueryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The resource key of {@code -n}'s help line, which {@link OptionHelp} words per subcommand. */
    static final String NAMESPACE_KEY = "query.namespace";

    /** What the subcommands share: -o, the namespace filter, printing and the exit code. */
    abstract static class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        QueryCommand parent;

        @Mixin
        OutputOption output;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", descriptionKey = NAMESPACE_KEY,
                description = "Only workloads in this namespace.")
        String namespace;

        OutputFormat format() {
            return output.format(OutputFormat.TEXT, OutputFormat.JSON);
        }

        InputStream stdin() {
            return StockadeCommand.stdin(parent == null ? null : parent.parent);
        }

        /** Accepts every namespace, or just {@code -n}'s, which must exist in the input. */
        Predicate<String> namespaces(Cluster... clusters) {
            if (namespace == null) {
                return n -> true;
            }
            for (Cluster c : clusters) {
                if (c.namespaces().stream().map(Namespace::name).anyMatch(namespace::equals)) {
                    return namespace::equals;
                }
            }
            throw new ParameterException(spec.commandLine(), "-n: no namespace " + namespace + " in the input");
        }

        int finish(String text, boolean finding, boolean badInput) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return badInput ? ExitCodes.BAD_INPUT : finding ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    /**
     * A query over one input ({@code PATH...} and its {@link InputOptions}): loads it, runs the query on the
     * namespaces {@code -n} keeps, prints the result as text or JSON, and exits 1 on a finding. A subcommand
     * supplies the query, its finding test and its two renderings.
     */
    abstract static class OnInput<R> extends Query {
        /** The query proper. */
        interface Run<R> {
            R run(Cluster cluster, AnalysisOptions options, Predicate<String> namespaces);
        }

        /** The JSON rendering, which records the options and {@code -n}. */
        interface Json<R> {
            String json(R result, AnalysisOptions options, String namespace);
        }

        private final Run<R> query;
        private final Predicate<R> finding;
        private final Json<R> json;
        private final Function<R, String> text;

        @Mixin
        InputOptions input;

        OnInput(Run<R> query, Predicate<R> finding, Json<R> json, Function<R, String> text) {
            this.query = query;
            this.finding = finding;
            this.json = json;
            this.text = text;
        }

        @Override
        public final Integer call() {
            OutputFormat f = format();
            LoadResult loaded = input.load(stdin(), spec.commandLine().getErr());
            AnalysisOptions options = input.analysisOptions();
            R r = query.run(loaded.cluster(), options, namespaces(loaded.cluster()));
            String out = f == OutputFormat.JSON ? json.json(r, options, namespace) : text.apply(r);
            return finish(out, finding.test(r), loaded.hasErrors());
        }
    }

    @Command(name = "unprotected", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"List workloads that no NetworkPolicy selects for ingress or for egress.",
                "Such a workload is not isolated in that direction: everything is allowed. Host-network workloads",
                "are listed apart: as node traffic (--host-network=node, the default) no NetworkPolicy applies to",
                "them; with --host-network=pod they are checked like the others."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade query unprotected examples/hexabase",
                "  stockade query unprotected -n production -o json examples/hexabase",
                "",
                "Exit codes: 0 every workload is protected both ways, 1 some is not, 2 bad input or usage,",
                "3 internal error."})
    static final class UnprotectedCommand extends OnInput<Unprotected.Result> {
        UnprotectedCommand() {
            super(Unprotected::run, Unprotected.Result::finding, QueryJson::unprotected,
                    QueryRenderer::unprotected);
        }
    }

    @Command(name = "selects-nothing", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"List policy podSelectors and selector peers that match no pod.",
                "Typically a typo in a label (hints name a key or value one edit away from one that exists), a",
                "policy in the wrong namespace, or a podSelector peer that needed a namespaceSelector. ipBlock",
                "peers are not checked."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade query selects-nothing examples/hexabase",
                "  stockade query selects-nothing -n production -o json manifests/",
                "",
                "Exit codes: 0 every selector matches a pod, 1 some does not, 2 bad input or usage, 3 internal error."})
    static final class SelectsNothingCommand extends OnInput<SelectsNothing.Result> {
        SelectsNothingCommand() {
            super(SelectsNothing::run, SelectsNothing.Result::finding, QueryJson::selectsNothing,
                    QueryRenderer::selectsNothing);
        }
    }

    @Command(name = "redundant", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"List policies and rules whose removal changes no connection.",
                "Policies first, then the rules of the other policies; judged pod by pod, traffic between replicas",
                "of a workload included. Each is redundant on its own: removing several together may change",
                "connectivity. A policy that is the only one isolating a pod is redundant only if it admits",
                "everything there, even when other policies admit all that its rules do."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade query redundant examples/hexabase",
                "  stockade query redundant -n production -o json examples/hexabase",
                "",
                "Exit codes: 0 nothing is redundant, 1 something is, 2 bad input or usage, 3 internal error."})
    static final class RedundantCommand extends OnInput<Redundancy.Result> {
        RedundantCommand() {
            super(Redundancy::run, Redundancy.Result::finding, (r, options, ns) -> QueryJson.redundant(r, ns),
                    QueryRenderer::redundant);
        }
    }

    @Command(name = "exposure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"List workloads reachable from external addresses or from every namespace.",
                "External: which ranges may connect, on which ports (\"every external address\" when all of",
                "0.0.0.0/0 and ::/0 may). Every namespace: the ingress side admits any pod of any namespace (not",
                "isolated, no 'from' list, or namespaceSelector: {}), with the rule that opens it. Also, for",
                "context: the routes (Ingress, OpenShift Route, Gateway API) that lead to a workload, open or",
                "blocked by policy for the ingress controller, and NodePort/LoadBalancer Services exposing it."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade query exposure examples/hexabase",
                "  stockade query exposure -n alt-las-prod -o json examples/alt-las",
                "  stockade query exposure examples/entrances",
                "",
                "Exit codes: 0 nothing is exposed to external addresses or every namespace, 1 something is,",
                "2 bad input or usage, 3 internal error."})
    static final class ExposureCommand extends OnInput<Exposure.Result> {
        ExposureCommand() {
            super(Exposure::run, Exposure.Result::finding, (r, options, ns) -> QueryJson.exposure(r, ns),
                    QueryRenderer::exposure);
        }
    }

    @Command(name = "equivalent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Say whether two policy sets give the same connectivity.",
                "Analyses PATH... + A and PATH... + B and compares every pair as analyze prints them. If they",
                "differ: every difference, and one witness flow allowed on one side and blocked on the other,",
                "explained on both sides."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade query equivalent old/policies.yaml new/policies.yaml cluster/workloads.yaml",
                "  stockade query equivalent -o json policies-v1/ policies-v2/ namespaces.yaml workloads/",
                "",
                "A and B are files or directories with the policy sets to compare (they may hold workloads too);",
                "PATH... holds what both sides share. Put each object in one place only.",
                "Exit codes: 0 EQUIVALENT, 1 NOT EQUIVALENT, 2 bad input or usage, 3 internal error."})
    static final class EquivalentCommand extends Query {
        @Parameters(index = "0", paramLabel = "A", description = "The first policy set: a file or directory, or -.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "The second policy set: a file or directory, or -.")
        String b;

        @Parameters(index = "2..*", arity = "0..*", paramLabel = "PATH",
                description = "What both sides share: namespaces, workloads, other policies.")
        List<String> paths = new ArrayList<>();

        @Option(names = "--ipblock-matches-pods", arity = "1", paramLabel = "true|false", defaultValue = "true",
                description = "Whether ipBlock peers also match pods whose IP they contain (default: ${DEFAULT-VALUE}).")
        boolean ipBlockMatchesPods = true;

        @Option(names = HostNetworkFlag.NAME, paramLabel = HostNetworkFlag.LABEL, converter = HostNetworkFlag.class,
                description = HostNetworkFlag.DESCRIPTION + " Applies to both sides.")
        HostNetworkMode hostNetwork = HostNetworkMode.DEFAULT;

        @Override
        public Integer call() {
            OutputFormat f = format();
            if (a.equals("-") && b.equals("-")) {
                throw new ParameterException(spec.commandLine(), "A and B cannot both be - (standard input is read once)");
            }
            List<String> left = new ArrayList<>(paths);
            left.add(a);
            List<String> right = new ArrayList<>(paths);
            right.add(b);
            InputStream in = stdin();
            LoadResult l = Loader.load(left, a.equals("-") ? in : InputStream.nullInputStream());
            LoadResult r = Loader.load(right, b.equals("-") ? in : InputStream.nullInputStream());
            printDiagnostics(l, r);
            AnalysisOptions options = new AnalysisOptions(ipBlockMatchesPods, hostNetwork);
            Equivalence.Result result = Equivalence.run(l.cluster(), r.cluster(), options,
                    namespaces(l.cluster(), r.cluster()));
            String text = f == OutputFormat.JSON ? QueryJson.equivalent(result, namespace, paths, List.of(a), List.of(b))
                    : QueryRenderer.equivalent(result, "A (" + a + ")", "B (" + b + ")");
            return finish(text, !result.equivalent(), l.hasErrors() || r.hasErrors());
        }

        /** Both sides' diagnostics, errors first, each once (the shared paths are read twice). */
        private void printDiagnostics(LoadResult l, LoadResult r) {
            List<Diagnostic> all = new ArrayList<>(l.diagnostics());
            all.addAll(r.diagnostics());
            Set<String> lines = new LinkedHashSet<>();
            for (Diagnostic d : InputOptions.ordered(all)) {
                lines.add(d.toString());
            }
            PrintWriter err = spec.commandLine().getErr();
            lines.forEach(err::println);
            err.flush();
        }
    }
}
