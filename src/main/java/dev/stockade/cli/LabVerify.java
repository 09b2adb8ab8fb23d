package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.lab.EngineCheck;
import dev.stockade.lab.Lab;
import dev.stockade.lab.LabRun;
import dev.stockade.lab.LabVerification;
import dev.stockade.load.LoadResult;
import dev.stockade.report.ExplainRenderer;
import dev.stockade.report.OutputFormat;
import dev.stockade.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab verify PATH…}: the kernel against the engine on the same input, every probe. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Check the kernel against the engine: bring the lab up for PATH, probe every pair of pods on",
            "every TCP and UDP container port of the destination (as lab probe does), remove what it",
            "created, and report every probe whose outcome is not the engine's verdict, with the engine's",
            "explanation.",
            "With --running, probe the lab already running instead (its pods must be PATH's): e.g. after",
            "lab apply PATH, or to check a table changed by hand."},
        footer = {"", "Exit codes: 0 the kernel agrees with the engine on every probe, 1 some probe disagrees,",
            "2 bad input, usage, not root, another run holds the prefix, a lab is up with it (without",
            "--running; nothing is deleted) or (--running) no running lab or other pods, 3 the lab failed."})
final class LabVerify implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    LabCommand parent;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOption output;

    @Option(names = "--running", description = "Probe the running lab (made by lab up or lab apply) as it is.")
    boolean running;

    @Option(names = "--timeout", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long a probe waits for an answer: 1 to 60000 ms (default 1000).")
    int timeout;

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        LabCommand.checkTimeout(spec, timeout);
        if (!LabCommand.requireRoot(spec)) {
            return ExitCodes.BAD_INPUT;
        }
        LoadResult loaded = input.load(StockadeCommand.stdin(parent == null ? null : parent.parent),
                spec.commandLine().getErr());
        AnalysisOptions options = input.analysisOptions();
        if (loaded.hasErrors() || LabCommand.refuses(loaded.cluster(), options, spec.commandLine().getErr())) {
            return ExitCodes.BAD_INPUT;
        }
        if (!running && LabCommand.usable(spec, Lab.plan(loaded.cluster())) == null) {
            return ExitCodes.BAD_INPUT;
        }
        LabRun run = LabCommand.begin(spec);
        if (run == null) {
            return ExitCodes.BAD_INPUT;
        }
        LabVerification result;
        try (run) {
            result = running ? probeRunning(run, loaded, options) : probeNew(run, loaded, options);
        } catch (Lab.Occupied e) {
            return LabCommand.fail(spec, e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (Lab.NotRunning | Lab.PodsDiffer e) {
            return LabCommand.fail(spec, (e instanceof Lab.PodsDiffer ? "--running: " : "") + e.getMessage(),
                    ExitCodes.BAD_INPUT);
        } catch (Lab.LabException e) {
            return LabCommand.fail(spec, e.getMessage(), ExitCodes.INTERNAL);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.JSON
                ? result.json(v -> ExplainRenderer.json(List.of(v), options))
                : TerminalText.escape(result.text(v -> ExplainRenderer.text(List.of(v), options))));
        out.flush();
        return result.agree() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private LabVerification probeRunning(LabRun run, LoadResult loaded, AnalysisOptions options) {
        Lab lab = Lab.attach(loaded.cluster());
        run.attach(lab);
        long start = System.nanoTime();
        List<Lab.Probe> probes;
        try {
            probes = lab.probe(timeout);
        } finally {
            lab.close();
        }
        long probed = (System.nanoTime() - start) / 1_000_000;
        return new LabVerification(lab.pods(), probes, EngineCheck.disagreements(lab.cluster(), options, probes),
                lab.notes(), options, true, 0, probed, 0);
    }

    /** A lab of its own for this run: {@code run} removes what it created, whatever happens. */
    private LabVerification probeNew(LabRun run, LoadResult loaded, AnalysisOptions options) {
        Lab lab = Lab.plan(loaded.cluster());
        run.track(lab);
        long start = System.nanoTime();
        lab.up(options);
        long up = System.nanoTime();
        List<Lab.Probe> probes = lab.probe(timeout);
        long probed = System.nanoTime();
        run.close();
        long down = System.nanoTime();
        return new LabVerification(lab.pods(), probes, EngineCheck.disagreements(lab.cluster(), options, probes),
                lab.notes(), options, false, (up - start) / 1_000_000, (probed - up) / 1_000_000,
                (down - probed) / 1_000_000);
    }
}
