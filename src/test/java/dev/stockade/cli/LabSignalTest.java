package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.lab.Lab;
import dev.stockade.lab.LabLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM or SIGINT on a lab verb removes what that run created before the process ends (143, 130, printing
 * nothing): its namespaces, its listener and probe processes, its state, and the prefix's lock is
 * free. The CLI
 * runs as a subprocess with the test's classpath and the JVM's own signal handling (no -Xrs, as
 * the launcher runs lab), with a prefix of its own.
 */
@Tag("hostile")
@Tag("kernel")
class LabSignalTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";

    @TempDir
    Path tmp;

    @BeforeEach
    void needsTheLab() {
        Assumptions.assumeTrue(Lab.isRoot(), "the lab needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")),
                "nft is needed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed");
    }

    @Test
    void sigterm_duringProbe_removesTheRunsLab() throws Exception {
        String prefix = "stkt" + ProcessHandle.current().pid() + "p-";
        // a blocked probe waits its whole timeout: the run is probing when the signal comes
        Process p = start(prefix, "lab", "probe", "--timeout", "60000", SHOP);
        assertCleanedUpOn(p, "TERM", 143, prefix, 6);
    }

    @Test
    void sigint_duringVerify_removesTheRunsLab() throws Exception {
        String prefix = "stkt" + ProcessHandle.current().pid() + "v-";
        Process p = start(prefix, "lab", "verify", "--timeout", "60000", SHOP);
        assertCleanedUpOn(p, "INT", 130, prefix, 6);
    }

    @Test
    void sigterm_duringUp_removesThePartialLab() throws Exception {
        String prefix = "stkt" + ProcessHandle.current().pid() + "u-";
        Process p = start(prefix, "lab", "up", SHOP);
        assertCleanedUpOn(p, "TERM", 143, prefix, 1);
    }

    /**
     * Signals once {@code namespaces} of the run exist (and its processes, when all of them do),
     * then checks that nothing of the run is left.
     */
    private void assertCleanedUpOn(Process p, String signal, int status, String prefix, int namespaces)
            throws Exception {
        List<ProcessHandle> children = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && p.isAlive() && namespaces(prefix).size() < namespaces) {
                Thread.sleep(20);
            }
            assertThat(namespaces(prefix)).as("the run's namespaces").hasSizeGreaterThanOrEqualTo(namespaces);
            if (namespaces > 1) {
                // the listeners and probers are up: every pod's process has started
                while (System.nanoTime() < deadline && p.isAlive() && p.descendants().filter(this::python).count() < 10) {
                    Thread.sleep(50);
                }
                Thread.sleep(500);
            }
            p.descendants().forEach(children::add);
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("ended within 20 s of SIG" + signal).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err"))).isEqualTo(status);
            assertThat(Files.readString(tmp.resolve("err"))).as("nothing reported: the lab went away as asked").isEmpty();
            assertThat(namespaces(prefix)).as("namespaces left").isEmpty();
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(h -> h.info().commandLine().orElse("?")))
                    .as("processes left").isEmpty();
            assertThat(LabLock.holder(prefix)).as("the lock").isEmpty();
            assertThat(Path.of("/run/stockade-lab-" + prefix)).as("the state").doesNotExist();
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(LabLock.file(prefix)); // the run's own prefix: no other run uses it
            for (String ns : namespaces(prefix)) {
                Lab.run(List.of("bash", "-c", "ip netns pids " + ns + " | xargs -r kill -9; ip netns del " + ns), 30);
            }
        }
    }

    private boolean python(ProcessHandle h) {
        return h.info().command().orElse("").contains("python");
    }

    private Process start(String prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Dstockade.lab.prefix=" + prefix);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out").toFile())
                .redirectError(tmp.resolve("err").toFile()).start();
    }

    private static List<String> namespaces(String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : Lab.run(List.of("ip", "netns", "list"), 30).output().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(prefix)) {
                out.add(name);
            }
        }
        return out;
    }
}
