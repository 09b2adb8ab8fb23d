package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without root, every lab verb says why and exits 2, before touching anything. */
class LabCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"up", "probe", "apply", "verify", "down"})
    void lab_withoutRoot_saysSoAndExits2(String verb) {
        BooleanSupplier saved = LabCommand.root;
        LabCommand.root = () -> false;
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[] {"lab", verb, "src/test/resources/nft-inputs/shop"},
                    new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
            assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).contains("run it as root");
            assertThat(out.toString()).isEmpty();
        } finally {
            LabCommand.root = saved;
        }
    }

    @org.junit.jupiter.api.Test
    void help_tellsOfTheLockTheCleanupAndForce() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"lab", "--help"}, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(out.toString()).contains("a second run\nwith the prefix is refused (exit 2).",
                "SIGTERM or SIGINT removes what the run created (namespaces, listeners, probes, state)\nbefore the process ends.");
        StringWriter down = new StringWriter();
        Main.run(new String[] {"lab", "down", "--help"}, new ByteArrayInputStream(new byte[0]), new PrintWriter(down),
                new PrintWriter(new StringWriter()));
        assertThat(down.toString()).contains("--force", "Refuses while a run of the lab holds the prefix");
    }
}
