package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.lab.Lab;
import dev.stockade.lab.LabLock;
import dev.stockade.lab.LabRun;
import dev.stockade.lab.LabReport;
import dev.stockade.load.LoadResult;
import dev.stockade.model.Cluster;
import dev.stockade.report.OutputFormat;
import dev.stockade.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The local lab: {@code lab up|probe|apply|verify|down}. */
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the pods as network namespaces, policies in nftables, and probe them.",
            "A local lab on this host's kernel: real listeners, real packets. Needs root, ip, nft and python3."},
        subcommands = {LabCommand.Up.class, LabCommand.Probe.class, LabApply.class, LabVerify.class, LabCommand.Down.class},
        footerHeading = "%nExamples:%n",
        footer = {"  sudo stockade lab probe -o json src/test/resources/nft-inputs/shop",
            "  sudo stockade lab verify src/test/resources/nft-inputs/shop",
            "  sudo stockade lab up old/ && sudo stockade lab apply new/ && sudo stockade lab verify --running new/",
            "  sudo stockade lab down",
            "",
            "Refused before anything is created (exit 2): more than 500 pods; pod addresses the lab cannot route",
            "(loopback, multicast, broadcast, link-local, unspecified, 0.0.0.0/8, IPv4-mapped IPv6).",
            "",
            "One run per lab prefix (stklab-): every verb but down holds the prefix's lock",
            "(/run/stockade-lab.lock, with the owner's pid; freed when the owner dies); a second run",
            "with the prefix is refused (exit 2). probe and verify remove only the namespaces they",
            "created, and refuse while a lab is up with the prefix. Another prefix:",
            "  JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab- stockade lab ...",
            "SIGTERM or SIGINT removes what the run created (namespaces, listeners, probes, state)",
            "before the process ends.",
            "",
            "Exit codes: 0 ok, 1 (verify) the kernel and the engine disagree, 2 bad input, usage, not root,",
            "another run holds the prefix, a lab is up with it (probe, verify) or (apply) other pods than the",
            "running lab's, 3 internal error or lab failure."})
public final class LabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing what to do (expected up, probe, apply, verify or down)");
    }

    /** Whether the process may create namespaces and load rules; replaceable by tests. */
    static BooleanSupplier root = Lab::isRoot;

    static boolean requireRoot(CommandSpec spec) {
        if (root.getAsBoolean()) {
            return true;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("stockade: the lab creates network namespaces and loads nftables rules: run it as root"
                + " (e.g. sudo stockade lab ...)");
        err.flush();
        return false;
    }

    /** The longest a probe may wait for an answer, in milliseconds. */
    static final int MAX_TIMEOUT_MILLIS = 60_000;

    /**
     * Refuses a probe timeout outside 1..60000 ms: zero or less would report every pair blocked
     * (which reads as perfect isolation), more would keep a lab running for minutes per probe round.
     */
    static void checkTimeout(CommandSpec spec, int timeout) {
        if (timeout < 1 || timeout > MAX_TIMEOUT_MILLIS) {
            throw new ParameterException(spec.commandLine(), "--timeout: '" + timeout + "' is not a number of milliseconds"
                    + " from 1 to " + MAX_TIMEOUT_MILLIS + " (how long a probe waits for an answer)");
        }
    }

    /**
     * Prints {@code stockade: MESSAGE} to standard error and returns {@code exit}; prints nothing
     * when the run is ending on SIGTERM or SIGINT (its lab is being removed under it).
     */
    static int fail(CommandSpec spec, String message, int exit) {
        if (LabRun.shuttingDown()) {
            return exit;
        }
        spec.commandLine().getErr().println("stockade: " + message);
        spec.commandLine().getErr().flush();
        return exit;
    }

    /**
     * Starts a run of the lab (its prefix's lock and the cleanup on SIGTERM/SIGINT), or returns
     * null after saying which run holds the prefix.
     */
    static LabRun begin(CommandSpec spec) {
        try {
            return LabRun.begin();
        } catch (LabLock.Held e) {
            fail(spec, e.getMessage(), ExitCodes.BAD_INPUT);
            return null;
        } catch (Lab.LabException e) {
            fail(spec, e.getMessage(), ExitCodes.INTERNAL);
            return null;
        }
    }

    static Lab plan(CommandSpec spec, InputOptions input, StockadeCommand root) {
        LoadResult loaded = input.load(StockadeCommand.stdin(root), spec.commandLine().getErr());
        if (loaded.hasErrors()) {
            return null;
        }
        if (refuses(loaded.cluster(), input.analysisOptions(), spec.commandLine().getErr())) {
            return null;
        }
        return usable(spec, Lab.plan(loaded.cluster()));
    }

    /**
     * Whether every lab verb must refuse the input: admin policies (the lab does not enforce the
     * tiers yet) or host-network pods under {@code --host-network=pod}; both reasons are printed
     * when both apply.
     */
    static boolean refuses(Cluster cluster, AnalysisOptions options, PrintWriter err) {
        boolean admin = AdminTierRefusal.refuses(cluster, "lab", err);
        return HostNetworkRefusal.refuses(cluster, options, "lab", err) || admin;
    }

    /** The lab, or null after printing why it cannot be brought up (pods sharing an address). */
    static Lab usable(CommandSpec spec, Lab lab) {
        for (String p : lab.problems()) {
            spec.commandLine().getErr().println("stockade: " + p);
        }
        spec.commandLine().getErr().flush();
        return lab.problems().isEmpty() ? lab : null;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Create the lab and leave it running: one network namespace per pod (stklab-N-NAME,",
                "status.podIP or an address of 10.250.0.0/16), routed through stklab-router which holds the",
                "compiled table, and TCP/UDP listeners on every container port. Replaces a lab left up",
                "by an earlier lab up.",
                "The input is recorded under /run/stockade-lab, for lab apply."},
            footer = {"", "Exit codes: 0 up, 2 bad input, usage, not root or another run holds the prefix, 3 the lab",
                "could not be set up (it is removed; so is a lab interrupted by SIGTERM or SIGINT)."})
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LabCommand parent;

        @Mixin
        InputOptions input;

        @Override
        public Integer call() {
            if (!requireRoot(spec)) {
                return ExitCodes.BAD_INPUT;
            }
            LabInput in = LabInput.read(input, StockadeCommand.stdin(parent == null ? null : parent.parent),
                    spec.commandLine().getErr());
            if (in == null) {
                return ExitCodes.BAD_INPUT;
            }
            Lab lab = usable(spec, Lab.plan(in.loaded().cluster()));
            if (lab == null) {
                return ExitCodes.BAD_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            LabRun run = begin(spec);
            if (run == null) {
                return ExitCodes.BAD_INPUT;
            }
            try (run) {
                Lab.down(); // a lab left up by an earlier lab up is replaced; no other run holds the prefix
                run.track(lab);
                lab.up(input.analysisOptions());
                in.save();
                run.keep();
            } catch (Lab.LabException e) {
                return fail(spec, e.getMessage(), ExitCodes.INTERNAL);
            }
            out.print(upText(lab.notes(), lab.pods()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Bring the lab up, try every pair of pods on every TCP and UDP container port of the",
                "destination (TCP connect, UDP request/response, all in parallel), remove what it created,",
                "and print what the kernel let through: text, or the analyze JSON contract with",
                "\"source\":\"kernel\"."},
            footer = {"", "Exit codes: 0 probed, 2 bad input, usage, not root, another run holds the prefix or a lab",
                "is up with it (nothing is deleted), 3 the lab failed (what the run created is removed)."})
    static final class Probe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        LabCommand parent;

        @Mixin
        InputOptions input;

        @Mixin
        OutputOption output;

        @Option(names = "--timeout", paramLabel = "MILLIS", defaultValue = "1000",
                description = "How long a probe waits for an answer: 1 to 60000 ms (default 1000).")
        int timeout;

        @Override
        public Integer call() {
            OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
            checkTimeout(spec, timeout);
            if (!requireRoot(spec)) {
                return ExitCodes.BAD_INPUT;
            }
            Lab lab = plan(spec, input, parent == null ? null : parent.parent);
            if (lab == null) {
                return ExitCodes.BAD_INPUT;
            }
            LabRun run = begin(spec);
            if (run == null) {
                return ExitCodes.BAD_INPUT;
            }
            long start = System.nanoTime();
            LabReport report;
            try (run) {
                run.track(lab);
                lab.up(input.analysisOptions());
                long up = System.nanoTime();
                List<Lab.Probe> probes = lab.probe(timeout);
                long probed = System.nanoTime();
                run.close();
                report = new LabReport(lab.pods(), probes, lab.notes(), (up - start) / 1_000_000,
                        (probed - up) / 1_000_000, (System.nanoTime() - probed) / 1_000_000);
            } catch (Lab.Occupied e) {
                return fail(spec, e.getMessage(), ExitCodes.BAD_INPUT);
            } catch (Lab.LabException e) {
                return fail(spec, e.getMessage(), ExitCodes.INTERNAL);
            }
            spec.commandLine().getOut().print(format == OutputFormat.JSON ? report.json() : probeText(report));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Remove the lab: every network namespace named stklab-* (with its links, routes, table",
                "and listeners) and the state under /run/stockade-lab. Idempotent; works after a crash.",
                "Refuses while a run of the lab holds the prefix (it names the pid) unless --force.",
                "PATH arguments are accepted and ignored (the lab is found by name)."},
            footer = {"", "Exit codes: 0 removed (or nothing to remove), 2 not root or a run in progress",
                "(without --force)."})
    static final class Down implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "PATH", arity = "0..*", hidden = true)
        List<String> ignored;

        @Option(names = "--force", description = "Remove the lab even while a run of the lab holds its prefix"
                + " (that run then fails).")
        boolean force;

        @Override
        public Integer call() {
            if (!requireRoot(spec)) {
                return ExitCodes.BAD_INPUT;
            }
            LabLock lock = null;
            try {
                lock = LabLock.acquire(Lab.PREFIX);
            } catch (LabLock.Held e) {
                if (!force) {
                    return fail(spec, "a lab run with prefix " + Lab.PREFIX + " is in progress (pid "
                            + (e.pid() < 0 ? "unknown" : e.pid()) + ") and removes its lab when it ends: wait for it,"
                            + " or remove the lab now with stockade lab down --force", ExitCodes.BAD_INPUT);
                }
            } catch (Lab.LabException e) {
                if (!force) {
                    return fail(spec, e.getMessage(), ExitCodes.INTERNAL);
                }
            }
            List<String> removed;
            try {
                removed = Lab.down();
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
            spec.commandLine().getOut().println(removed.isEmpty() ? "# no lab to remove"
                    : "# removed " + removed.size() + " namespaces: " + String.join(" ", removed));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** What {@code lab up} prints: its notes and one line per pod, names escaped ({@link TerminalText}). */
    static String upText(List<String> notes, List<Lab.LabPod> pods) {
        StringBuilder text = new StringBuilder();
        for (String n : notes) {
            text.append("# ").append(TerminalText.inline(n)).append('\n');
        }
        for (Lab.LabPod p : pods) {
            text.append(TerminalText.inline(p.id())).append("  ").append(TerminalText.inline(p.namespace()))
                    .append("  ").append(p.ips().stream().map(Object::toString).toList()).append("  via ")
                    .append(Lab.ROUTER).append('/').append(p.routerInterface()).append('\n');
        }
        return text.append("# lab up: ").append(pods.size()).append(" pods; stockade lab down removes it\n").toString();
    }

    /** What {@code lab probe} prints as text, control and invisible characters escaped ({@link TerminalText}). */
    static String probeText(LabReport report) {
        return TerminalText.escape(report.text());
    }
}
