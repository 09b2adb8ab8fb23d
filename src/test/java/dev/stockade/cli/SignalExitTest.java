package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT end a running command promptly with 128 + the signal (143, 130), print
 * nothing and still run shutdown hooks (where a verb's cleanup goes). The real CLI runs as a
 * subprocess of the test's JVM and classpath, reading its input from a standard input that never
 * ends, the slow input that no fix removes; the signal comes once the JVM has installed its
 * handlers. Linux only (reads /proc).
 */
@Tag("hostile")
class SignalExitTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void linux() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    }

    @Test
    void analyze_sigterm_exits143Promptly() throws Exception {
        assertEndsOn(start(Main.class, List.of(), "analyze", "-"), "TERM", 143);
    }

    @Test
    void audit_sigint_exits130Promptly() throws Exception {
        assertEndsOn(start(Main.class, List.of(), "audit", "-"), "INT", 130);
    }

    @Test
    void nftCompile_sigtermWithoutJvmHandlers_exits143() throws Exception {
        // the launcher runs every verb but lab with -Xrs: the kernel ends it even inside a GC pause
        assertEndsOn(start(Main.class, List.of("-Xrs"), "nft", "compile", "-"), "TERM", 143);
    }

    @Test
    void sigterm_runsShutdownHooks() throws Exception {
        Path mark = tmp.resolve("cleaned");
        Process p = start(HookedMain.class, List.of("-Dmark=" + mark), "query", "unprotected", "-");
        assertEndsOn(p, "TERM", 143);
        assertThat(mark).hasContent("cleaned up");
    }

    /** Main with a shutdown hook, as a verb with cleanup registers one. */
    public static final class HookedMain {
        public static void main(String[] args) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of(System.getProperty("mark")), "cleaned up");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            Main.main(args);
        }
    }

    private Process start(Class<?> main, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        // standard input stays open and empty: the command waits for its input
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out").toFile())
                .redirectError(tmp.resolve("err").toFile()).start();
    }

    private void assertEndsOn(Process p, String signal, int status) throws Exception {
        try {
            waitUntilWaiting(p);
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("ended within 10 s of SIG" + signal).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(p.exitValue()).as("exit status after SIG" + signal + " (%d ms)", ms).isEqualTo(status);
            assertThat(Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8)).isEmpty();
            assertThat(Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Waits until the process blocks reading its input: a thread asleep in a read of it, seen in
     * /proc (up to 60 s: a loaded machine starts a JVM slowly).
     */
    private static void waitUntilWaiting(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path tasks = Path.of("/proc", String.valueOf(p.pid()), "task");
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (mainThreadReading(tasks)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(p.isAlive()).as("the command waits for its input").isTrue();
    }

    /**
     * Whether a thread of the JVM (any task but the first) sleeps reading standard input: the
     * loader reads it on a thread of its own.
     */
    private static boolean mainThreadReading(Path tasks) {
        try (var list = Files.list(tasks)) {
            for (Path t : list.toList()) {
                if (t.getFileName().toString().equals(tasks.getParent().getFileName().toString())) {
                    continue;
                }
                // read(2) is syscall 0 on x86-64, and its first argument the descriptor: 0, standard input
                String syscall = Files.readString(t.resolve("syscall")).trim();
                if (syscall.startsWith("0 0x0 ")) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
