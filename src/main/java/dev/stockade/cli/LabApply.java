package dev.stockade.cli;

import dev.stockade.lab.Lab;
import dev.stockade.lab.LabRun;
import dev.stockade.lab.RulesetChange;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab apply PATH…}: the running lab's policies changed to the input's, as one transaction of deltas. */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Change the running lab's policies to those of PATH: the table is compiled for the new input,",
            "compared with the table loaded now (compiled from the input lab up or the last lab apply recorded)",
            "and changed by one nft transaction of deltas (set and map elements, rewritten chains), never",
            "reloaded: every packet sees the old policies or the new ones. The pods must stay the same (their",
            "labels may change); for other pods, lab down then lab up."},
        footer = {"", "Exit codes: 0 applied (or nothing to change), 2 bad input, usage, not root, no running lab or",
            "other pods than the running lab's, 3 the kernel refused the change or the lab's state is unusable."})
final class LabApply implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    LabCommand parent;

    @Mixin
    InputOptions input;

    @Option(names = "--print-script", description = "Also print the nft script that was applied (one transaction).")
    boolean printScript;

    @Override
    public Integer call() {
        if (!LabCommand.requireRoot(spec)) {
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabInput next = LabInput.read(input, StockadeCommand.stdin(parent == null ? null : parent.parent), err);
        if (next == null) {
            return ExitCodes.BAD_INPUT;
        }
        LabRun run = LabCommand.begin(spec);
        if (run == null) {
            return ExitCodes.BAD_INPUT;
        }
        RulesetChange change;
        try (run) {
            LabInput now = LabInput.recorded();
            if (now == null) {
                return LabCommand.fail(spec, "no lab is running (start one with: stockade lab up PATH...)",
                        ExitCodes.BAD_INPUT);
            }
            if (now.loaded().hasErrors()) {
                return LabCommand.fail(spec, "the running lab's recorded input no longer loads: run stockade lab down,"
                        + " then stockade lab up PATH...", ExitCodes.INTERNAL);
            }
            Lab lab = Lab.running(now.loaded().cluster(), now.options());
            run.attach(lab);
            change = lab.apply(next.loaded().cluster(), next.options());
            next.save();
        } catch (Lab.NotRunning e) {
            return LabCommand.fail(spec, e.getMessage(), ExitCodes.BAD_INPUT);
        } catch (Lab.PodsDiffer e) {
            return LabCommand.fail(spec, "lab apply changes policies only, but " + e.getMessage()
                    + "\nto run other pods: stockade lab down, then stockade lab up PATH...", ExitCodes.BAD_INPUT);
        } catch (Lab.LabException e) {
            return LabCommand.fail(spec, e.getMessage(), ExitCodes.INTERNAL);
        }
        if (printScript) {
            out.print(change.script());
        }
        out.println("# lab apply: " + change.summary());
        out.flush();
        return ExitCodes.OK;
    }
}
