package dev.stockade.cli;

import dev.stockade.engine.InputTooLargeException;
import dev.stockade.report.TerminalText;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point: builds the command line, maps errors to exit codes, never prints a stack trace.
 *
 * <p>Signals: SIGTERM and SIGINT end any verb at once with 143 and 130 and print nothing more.
 * No handler of Stockade's own is installed. The launcher runs every verb but {@code lab} and
 * {@code bench} (whose {@code --dataplane} builds a lab) with {@code -Xrs}, so the kernel ends the process even inside a garbage-collection pause (the JVM's
 * handler waits for the pause to end, seconds on a large heap). Under the JVM's handler
 * ({@code java -jar}, the lab and bench) shutdown hooks run before the exit: a verb with cleanup
 * registers it with {@link Runtime#addShutdownHook} and is listed in the launcher's {@code case}
 * that keeps the JVM's handler.
 */
public final class Main {
    /** Help text width: the examples in the footers are single command lines up to this long. */
    static final int USAGE_WIDTH = 100;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one invocation with the given streams, reading {@code -} from {@link System#in}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs one invocation with the given streams ({@code in} is what {@code -} reads); returns the exit code.
     * Everything written to {@code err} (diagnostics quoting names and paths, warnings, progress) has its
     * control and invisible characters escaped ({@link TerminalText}).
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(in);
        PrintWriter safeErr = new PrintWriter(TerminalText.writer(err), true);
        cl.setOut(out);
        cl.setErr(safeErr);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            safeErr.println("stockade: out of memory; give the JVM more heap (JAVA_TOOL_OPTIONS=-Xmx8g) or a smaller"
                    + " input");
            return ExitCodes.BAD_INPUT;
        } finally {
            safeErr.flush();
        }
    }

    public static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /** The command tree; {@code stdin} is what the {@code -} input reads. Help is laid out for 100 columns. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new StockadeCommand(stdin));
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("stockade: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println("stockade: " + pe.getMessage());
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            InputTooLargeException tooLarge = tooLarge(ex);
            if (tooLarge != null) {
                err.println("stockade: " + tooLarge.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("stockade: internal error (please report it): " + ex);
            StackTraceElement[] st = ex.getStackTrace();
            if (st.length > 0) {
                err.println("  at " + st[0]);
            }
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    /** The input-too-large refusal {@code ex} is or wraps (a parallel stream may wrap it), or null. */
    private static InputTooLargeException tooLarge(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InputTooLargeException e) {
                return e;
            }
        }
        return null;
    }
}
