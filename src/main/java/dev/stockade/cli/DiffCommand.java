package dev.stockade.cli;

import dev.stockade.diff.ConnectivityDiff;
import dev.stockade.diff.Differ;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.load.Diagnostic;
import dev.stockade.load.GitRevision;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.load.TextInputs;
import dev.stockade.report.DiffRenderer;
import dev.stockade.report.OutputFormat;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compare the connectivity of two versions of the manifests.",
            "Both versions are analysed with the same options and compared pair by pair: workloads added or",
            "removed, and pairs whose allowed connections were added (nothing before), removed (nothing after)",
            "or changed, each with one opened and one closed flow and the policies deciding it in both versions.",
            "Label changes of namespaces and pods count: they move pods between selectors."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade diff old/ new/",
            "  stockade diff --base main --head HEAD deploy/policies",
            "  stockade diff --base origin/main --head HEAD -o md > comment.md",
            "  stockade diff --fail-on added -o json before.yaml after.yaml",
            "",
            "With --base and --head the manifests (.yaml, .yml, .json) under each PATH (default: the current",
            "directory) are read from the two revisions through git; the work tree is not touched. Sources",
            "are named REV:path. A PATH present in one revision only is compared as empty in the other.",
            "",
            "When either version has unusable input, its errors are printed and no diff is made.",
            "",
            "Exit codes: 0 ok (or no change of the kind given to --fail-on), 1 changes of that kind, 2 bad input",
            "or usage (unusable input in either version, not a git repository, unknown revision), 3 internal",
            "error."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Parameters(paramLabel = "OLD NEW | PATH", arity = "0..*",
            description = "Without --base/--head: the old and the new version, each a file, a directory or -."
                    + " With them: paths inside the repository to compare (default: the current directory).")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--base", paramLabel = "REV", description = "The old version: a git revision of the current repository.")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "The new version: a git revision of the current repository.")
    String head;

    @Option(names = "-C", paramLabel = "DIR", description = "Run git in DIR instead of the current directory.")
    Path gitDirectory;

    @Mixin
    OutputOption output;

    @Option(names = "--fail-on", paramLabel = "added|removed|any",
            description = "Exit 1 when connections were added (added), removed (removed) or either (any); a changed"
                    + " pair counts as both added and removed. Default: exit 0 whatever changed.")
    String failOn;

    @Option(names = "--ipblock-matches-pods", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "Whether ipBlock peers also match pods whose IP they contain, in both versions"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean ipBlockMatchesPods = true;

    @Option(names = HostNetworkFlag.NAME, paramLabel = HostNetworkFlag.LABEL, converter = HostNetworkFlag.class,
            description = HostNetworkFlag.DESCRIPTION + " Applies to both versions.")
    HostNetworkMode hostNetwork = HostNetworkMode.DEFAULT;

    @Option(names = {"-v", "--verbose"}, description = "Also print input statistics of both versions.")
    boolean verbose;

    /** One version's loaded manifests and how outputs name it. */
    private record Version(String label, LoadResult loaded) {}

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.MD, OutputFormat.JSON);
        String fail = failOn();
        PrintWriter err = spec.commandLine().getErr();
        List<Version> versions;
        try {
            versions = base != null || head != null ? fromGit(err) : fromPaths();
        } catch (GitRevision.GitException | UncheckedIOException e) {
            err.println("stockade: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        Version before = versions.get(0);
        Version after = versions.get(1);
        report(before, err);
        report(after, err);
        // a version read only in part would show its unreadable objects as removed: no diff then
        for (Version v : versions) {
            if (v.loaded().hasErrors()) {
                err.println("stockade: no diff: some input of " + v.label() + " is unusable (see the errors above)");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        ConnectivityDiff d = Differ.diff(before.loaded().cluster(), after.loaded().cluster(),
                new AnalysisOptions(ipBlockMatchesPods, hostNetwork));
        spec.commandLine().getOut().print(DiffRenderer.render(d, format, before.label(), after.label()));
        spec.commandLine().getOut().flush();
        boolean finding = switch (fail == null ? "" : fail) {
            case "added" -> d.hasAdded();
            case "removed" -> d.hasRemoved();
            case "any" -> d.hasAdded() || d.hasRemoved();
            default -> false;
        };
        return finding ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private String failOn() {
        if (failOn == null) {
            return null;
        }
        String f = failOn.toLowerCase(Locale.ROOT);
        if (!List.of("added", "removed", "any").contains(f)) {
            throw new ParameterException(spec.commandLine(), "--fail-on: unknown value '" + failOn
                    + "' (expected added, removed or any)");
        }
        return f;
    }

    private List<Version> fromPaths() {
        if (arguments.size() != 2) {
            throw new ParameterException(spec.commandLine(), "expected OLD and NEW (two paths), or --base REV --head REV"
                    + " [PATH…]; got " + arguments.size() + " path(s)");
        }
        if (arguments.get(0).equals("-") && arguments.get(1).equals("-")) {
            throw new ParameterException(spec.commandLine(), "OLD and NEW cannot both be standard input (-)");
        }
        List<Version> out = new ArrayList<>();
        for (String a : arguments) {
            out.add(new Version(a, Loader.load(List.of(a), StockadeCommand.stdin(parent))));
        }
        return out;
    }

    private List<Version> fromGit(PrintWriter err) throws GitRevision.GitException {
        if (base == null || head == null) {
            throw new ParameterException(spec.commandLine(), (base == null ? "--base" : "--head")
                    + " is missing: git revisions are compared with both --base REV and --head REV");
        }
        Path dir = gitDirectory != null ? gitDirectory : Path.of("").toAbsolutePath();
        GitRevision b = GitRevision.resolve(dir, base);
        GitRevision h = GitRevision.resolve(dir, head);
        List<String> paths = arguments.isEmpty() ? List.of(".") : arguments;
        List<GitRevision.PathFiles> bf = b.read(paths);
        List<GitRevision.PathFiles> hf = h.read(paths);
        List<TextInputs.NamedText> beforeFiles = new ArrayList<>();
        List<TextInputs.NamedText> afterFiles = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            boolean inBase = bf.get(i).present();
            boolean inHead = hf.get(i).present();
            if (!inBase && !inHead) {
                throw new GitRevision.GitException(p + ": no manifest files (.yaml, .yml, .json) in " + base
                        + " nor in " + head);
            }
            if (!inBase || !inHead) {
                err.println("stockade: " + p + ": no manifest files in " + (inBase ? head : base)
                        + "; compared as empty there");
            }
            beforeFiles.addAll(bf.get(i).files());
            afterFiles.addAll(hf.get(i).files());
            bf.get(i).notices().forEach(err::println);
            hf.get(i).notices().forEach(err::println);
        }
        return List.of(new Version(base, TextInputs.load(beforeFiles)), new Version(head, TextInputs.load(afterFiles)));
    }

    /** Prints one version's diagnostics (errors first) and, with -v, its statistics. */
    private void report(Version v, PrintWriter err) {
        LoadResult r = v.loaded();
        for (Diagnostic d : InputOptions.ordered(r.diagnostics())) {
            err.println(d);
        }
        if (verbose) {
            err.printf("stockade: %s: read %d file(s), %d object(s): %d namespace(s), %d workload(s),"
                            + " %d NetworkPolicy(s)%n", v.label(), r.files(), r.objects(),
                    r.cluster().namespaces().size(), r.cluster().workloads().size(), r.cluster().policies().size());
        }
        err.flush();
    }
}
