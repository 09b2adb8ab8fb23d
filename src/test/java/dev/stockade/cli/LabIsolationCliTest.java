package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.lab.Lab;
import dev.stockade.lab.LabLock;
import dev.stockade.lab.LabRun;
import dev.stockade.load.Loader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two labs with one prefix never destroy each other: a run holds the prefix's lock, a second run
 * is refused while it does (exit 2, naming the holder) and runs once it has ended; a one-shot run
 * never touches a lab left up by lab up (it refuses), and removes only what it created.
 */
@Tag("hostile")
@Tag("kernel")
class LabIsolationCliTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";
    private static final long PID = ProcessHandle.current().pid();
    private static final String HELD = "stockade: another lab with prefix " + Lab.PREFIX + " is running (pid " + PID
            + "): wait for it to end, or run this one with another prefix (e.g."
            + " JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab- stockade lab ...)\n";

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static List<String> namespaces() {
        List<String> out = new ArrayList<>();
        for (String line : Lab.run(List.of("ip", "netns", "list"), 30).output().split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(Lab.PREFIX)) {
                out.add(name);
            }
        }
        return out.stream().sorted().toList();
    }

    @BeforeEach
    void needsTheLab() {
        Assumptions.assumeTrue(Lab.isRoot(), "the lab needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")),
                "nft is needed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed");
        Lab.down();
    }

    @AfterEach
    void removeTheLab() {
        Lab.down();
    }

    @Test
    void secondRun_whileTheFirstHoldsThePrefix_isRefused_andRunsOnceItEnded() {
        Lab first = Lab.plan(Loader.load(List.of(SHOP), new ByteArrayInputStream(new byte[0])).cluster());
        List<String> mine;
        try (LabRun holder = LabRun.begin()) {
            holder.track(first);
            first.up(AnalysisOptions.DEFAULT);
            mine = namespaces();
            assertThat(mine).hasSize(first.pods().size() + 1);
            for (String verb : List.of("probe", "verify", "up", "apply")) {
                Run r = run("lab", verb, SHOP);
                assertThat(r.exit()).as(verb).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(r.err()).as(verb).isEqualTo(HELD);
            }
            Run down = run("lab", "down");
            assertThat(down.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(down.err()).isEqualTo("stockade: a lab run with prefix " + Lab.PREFIX + " is in progress (pid "
                    + PID + ") and removes its lab when it ends: wait for it, or remove the lab now with stockade lab"
                    + " down --force\n");
            assertThat(namespaces()).as("the first lab is intact").isEqualTo(mine);
        }
        assertThat(namespaces()).as("the first run removed its lab").isEmpty();
        assertThat(LabLock.holder(Lab.PREFIX)).isEmpty();
        Run again = run("lab", "probe", SHOP);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(namespaces()).isEmpty();
    }

    @Test
    void oneShotRuns_refuseALabLeftUp_andDeleteNothing() {
        assertThat(run("lab", "up", SHOP).exit()).isZero();
        List<String> up = namespaces();
        assertThat(up).isNotEmpty();
        for (String verb : List.of("probe", "verify")) {
            Run r = run("lab", verb, SHOP);
            assertThat(r.exit()).as(verb).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(verb).startsWith("stockade: a lab is up with prefix " + Lab.PREFIX + " ("
                    + up.size() + " namespaces: ").endsWith("): bring it down first (stockade lab down) or run this one"
                    + " with another prefix (e.g. JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab- stockade lab ...)\n");
            assertThat(namespaces()).as(verb + " deleted nothing").isEqualTo(up);
        }
        assertThat(run("lab", "verify", "--running", SHOP).exit()).as("the lab left up still works").isZero();
        Run down = run("lab", "down");
        assertThat(down.exit()).isZero();
        assertThat(namespaces()).isEmpty();
    }

    @Test
    void oneShotRun_refusesANamespaceWithThePrefixItDidNotMake_andLeavesItAlone() {
        // left by a run killed with SIGKILL, or made by hand: the run refuses and deletes nothing
        String other = Lab.PREFIX + "zz-other";
        assertThat(Lab.run(List.of("ip", "netns", "add", other), 30).ok()).isTrue();
        try {
            Run r = run("lab", "probe", SHOP);
            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("stockade: a lab is up with prefix " + Lab.PREFIX + " (1 namespaces: " + other
                    + "): bring it down first (stockade lab down) or run this one with another prefix (e.g."
                    + " JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab- stockade lab ...)\n");
            assertThat(namespaces()).containsExactly(other);
        } finally {
            Lab.run(List.of("ip", "netns", "del", other), 30);
        }
    }

    @Test
    void downForce_removesTheLabOfARunInProgress() {
        Lab first = Lab.plan(Loader.load(List.of(SHOP), new ByteArrayInputStream(new byte[0])).cluster());
        try (LabRun holder = LabRun.begin()) {
            holder.track(first);
            first.up(AnalysisOptions.DEFAULT);
            Run down = run("lab", "down", "--force");
            assertThat(down.exit()).isZero();
            assertThat(down.out()).startsWith("# removed " + (first.pods().size() + 1) + " namespaces: ");
            assertThat(namespaces()).isEmpty();
        }
        assertThat(LabLock.holder(Lab.PREFIX)).isEmpty();
    }
}
