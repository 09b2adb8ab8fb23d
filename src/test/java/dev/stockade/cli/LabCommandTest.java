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
}
