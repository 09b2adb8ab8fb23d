package dev.stockade.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code nft compile --check}: the script given to {@code nft -c -f} (check mode: parsed, resolved
 * and validated by the kernel, nothing loaded). Needs the nft binary and the right to talk to the
 * kernel's nftables (root or CAP_NET_ADMIN).
 */
final class NftKernelCheck {
    /** The nft binary: the first executable {@code nft} of the usual system directories; replaceable by tests. */
    static Path binary = find();

    private NftKernelCheck() {}

    /** What {@code nft -c} said: {@code ok}, or why the check could not run or failed. */
    record Outcome(Kind kind, String output) {}

    enum Kind { OK, UNAVAILABLE, REFUSED }

    private static Path find() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, "nft");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Outcome check(String script) {
        if (binary == null || !Files.isExecutable(binary)) {
            return new Outcome(Kind.UNAVAILABLE, "nft is not installed (looked in /usr/sbin, /sbin, /usr/bin, /bin,"
                    + " /usr/local/sbin)");
        }
        Path f = null;
        try {
            f = Files.createTempFile("stockade-check-", ".nft");
            Files.writeString(f, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(binary.toString(), "-c", "-f", f.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(Kind.UNAVAILABLE, "nft -c did not finish within 60 s");
            }
            if (p.exitValue() == 0) {
                return new Outcome(Kind.OK, out);
            }
            if (out.contains("Operation not permitted")) {
                return new Outcome(Kind.UNAVAILABLE, "nft -c may not talk to the kernel (run as root or with"
                        + " CAP_NET_ADMIN): " + firstLine(out));
            }
            return new Outcome(Kind.REFUSED, out);
        } catch (IOException e) {
            return new Outcome(Kind.UNAVAILABLE, "cannot run " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.UNAVAILABLE, "interrupted");
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
