package dev.stockade.dataplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code nft} binary for tests: check mode ({@code nft -c -f}, which validates a ruleset
 * against the kernel without changing anything) and commands in throwaway network namespaces.
 * scripts/test installs nftables when it is missing; tests are skipped only when there is no
 * {@code nft} or it may not talk to the kernel (not root).
 */
public final class Nft {
    private static final Path BINARY = find();
    private static final Boolean USABLE = BINARY != null && probe();

    private Nft() {}

    /** The outcome of one command: exit code and everything it printed. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private static Path find() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, "nft");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean probe() {
        try {
            return check("table inet stockade_probe {\n}\n").ok();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static boolean available() {
        return USABLE;
    }

    /** Skips the calling test unless nft can check rulesets here. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(BINARY != null, "nft is not installed (scripts/test installs it as root)");
        Assumptions.assumeTrue(USABLE, "nft cannot talk to the kernel here (needs root / CAP_NET_ADMIN)");
    }

    /** {@code nft -c -f FILE}: whether the kernel would accept the ruleset; nothing is changed. */
    public static Result check(String ruleset) {
        return withFile(ruleset, f -> List.of(BINARY.toString(), "-c", "-f", f.toString()));
    }

    /** Runs a command and waits for it (at most 60 s). */
    public static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    /** Runs a command built around a temporary file holding {@code text}. */
    public static Result withFile(String text, java.util.function.Function<Path, List<String>> command) {
        Path f = null;
        try {
            f = Files.createTempFile("stockade-", ".nft");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return run(new ArrayList<>(command.apply(f)));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    public static String binary() {
        return BINARY.toString();
    }
}
