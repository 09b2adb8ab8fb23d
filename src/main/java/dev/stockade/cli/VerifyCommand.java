package dev.stockade.cli;

import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.load.Diagnostic;
import dev.stockade.load.ExpectationsLoad;
import dev.stockade.load.ExpectationsReader;
import dev.stockade.load.LoadResult;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.report.ExpectationsYaml;
import dev.stockade.report.VerifyRenderer;
import dev.stockade.verify.Baseline;
import dev.stockade.verify.Verifier;
import dev.stockade.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Check connectivity expectations, or write down the ones that hold now.",
            "--expect FILE reads a ConnectivityExpectations file (stockade.dev/v1alpha1) and checks each",
            "expectation: Allow holds when every matching pair is allowed on the port, Deny when none is.",
            "--generate writes expectations describing the current connectivity, to freeze a reviewed baseline."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade verify --expect examples/hexabase/expectations.yaml examples/hexabase",
            "  stockade verify --expect prod-baseline.yaml -o junit manifests/ > TEST-connectivity.xml",
            "  stockade verify --generate --write baseline.yaml manifests/",
            "  stockade verify --expect baseline.yaml manifests/   # after a change: what moved?",
            "",
            "Exit codes: 0 every expectation holds (--generate: written), 1 some expectation fails,",
            "2 bad input or usage (with file:line), 3 internal error."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--expect", paramLabel = "FILE", required = true,
                description = "The expectations file (YAML or JSON; - for standard input).")
        String expect;

        @Option(names = "--generate", required = true,
                description = "Write the expectations that describe the current connectivity instead.")
        boolean generate;
    }

    @Mixin
    OutputOption output;

    @Option(names = "--write", paramLabel = "FILE",
            description = "With --generate: write the expectations to FILE instead of standard output.")
    Path write;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "baseline",
            description = "With --generate: metadata.name of the expectations (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return mode.generate ? generate() : verify();
    }

    private Integer verify() {
        VerifyRenderer.Format format = output.format(VerifyRenderer.Format.values());
        if (write != null || !name.equals("baseline")) {
            throw new ParameterException(spec.commandLine(), (write != null ? "--write" : "--name")
                    + " applies to --generate only");
        }
        if (mode.expect.equals("-") && input.paths.contains("-")) {
            throw new ParameterException(spec.commandLine(), "--expect - and PATH - both read standard input"
                    + " (expected at most one of them to)");
        }
        PrintWriter err = spec.commandLine().getErr();
        ExpectationsLoad expectations = ExpectationsReader.read(mode.expect, StockadeCommand.stdin(parent));
        for (Diagnostic d : InputOptions.ordered(expectations.diagnostics())) {
            err.println(d);
        }
        err.flush();
        LoadResult loaded = input.load(StockadeCommand.stdin(parent), err);
        if (expectations.hasErrors()) {
            err.println("stockade: " + expectations.file() + " has errors; nothing was verified");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        List<ConnectivityExpectation> all = expectations.expectations();
        if (all.isEmpty()) {
            err.println("stockade: " + expectations.file() + " has no expectations (expected at least one);"
                    + " nothing was verified");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        Connectivity c = new Analyzer(input.analysisOptions()).analyze(loaded.cluster());
        VerifyReport report = new Verifier(loaded.cluster(), c).verify(expectations.file(), expectations.documents());
        spec.commandLine().getOut().print(VerifyRenderer.render(report, format, input.verbose));
        spec.commandLine().getOut().flush();
        if (loaded.hasErrors()) {
            return ExitCodes.BAD_INPUT;
        }
        return report.failed() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private Integer generate() {
        if (output.given()) {
            throw new ParameterException(spec.commandLine(), "-o applies to --expect only (--generate writes a"
                    + " ConnectivityExpectations YAML file)");
        }
        if (!name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new ParameterException(spec.commandLine(), "--name: '" + name + "' is not a valid object name"
                    + " (expected lowercase letters, digits, '-' and '.')");
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = input.load(StockadeCommand.stdin(parent), err);
        Connectivity c = new Analyzer(input.analysisOptions()).analyze(loaded.cluster());
        List<ConnectivityExpectation> baseline = Baseline.describe(c);
        String paths = String.join(" ", input.paths);
        String yaml = ExpectationsYaml.render(name, baseline, List.of(
                "Generated by: stockade verify --generate " + paths + "  (" + c.options().describe() + ")",
                "The connectivity as it is: an Allow per allowed port, a Deny per isolated pair.",
                "Review it, commit it, and check every change against it with:",
                "  stockade verify --expect " + (write == null ? "FILE" : write.toString()) + " " + paths));
        if (write == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(write, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("stockade: cannot write " + write + ": " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("stockade: wrote " + baseline.size() + " expectations to " + write);
            err.flush();
        }
        return loaded.hasErrors() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
