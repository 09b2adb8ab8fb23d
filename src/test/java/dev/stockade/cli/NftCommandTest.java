package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code stockade nft}: writing to a file, usage errors, help that picocli does not wrap. */
class NftCommandTest {
    private static final String SHOP = "src/test/resources/nft-inputs/shop";

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    @Test
    void compile_outputFile_writesTheRulesetThere(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("stockade.nft");
        GoldenTest.Run r = run("nft", "compile", "-o", out.toString(), SHOP);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(run("nft", "compile", SHOP).out()).contains("table inet stockade {");
    }

    @Test
    void compile_unwritableOutput_exitsBadInput(@TempDir Path dir) {
        GoldenTest.Run r = run("nft", "compile", "-o", dir.resolve("missing/stockade.nft").toString(), SHOP);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("stockade: cannot write ");
    }

    @Test
    void compile_scriptFailingItsOwnCheck_exits3AndWritesNothing(@TempDir Path dir) {
        var saved = NftCommand.Compile.renderer;
        NftCommand.Compile.renderer = r -> dev.stockade.dataplane.NftScriptCheck.require(
                "table inet stockade\nflush ruleset\n");
        try {
            Path out = dir.resolve("stockade.nft");
            GoldenTest.Run r = run("nft", "compile", "-o", out.toString(), SHOP);

            assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(r.err()).isEqualTo("stockade: internal error (please report it): the nft script fails its own"
                    + " check: line 2: 'flush ruleset' is not a statement on table inet stockade; nothing written\n");
            assertThat(out).doesNotExist();
        } finally {
            NftCommand.Compile.renderer = saved;
        }
    }

    @Tag("kernel")
    @Test
    void compile_check_kernelAcceptsTheShop() {
        dev.stockade.dataplane.Nft.assumeAvailable();
        GoldenTest.Run r = run("nft", "compile", "--check", SHOP);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo(run("nft", "compile", SHOP).out());
    }

    @Test
    void compile_checkRefusedByNft_exits3AndWritesNothing(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("nft");
        Files.writeString(fake, "#!/bin/sh\necho 'Error: syntax error, unexpected number' >&2\nexit 1\n");
        fake.toFile().setExecutable(true);
        Path saved = NftKernelCheck.binary;
        NftKernelCheck.binary = fake;
        try {
            GoldenTest.Run r = run("nft", "compile", "--check", SHOP);

            assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("stockade: internal error (please report it): nft -c refused the compiled"
                    + " script; nothing written:\nError: syntax error, unexpected number\n");
        } finally {
            NftKernelCheck.binary = saved;
        }
    }

    @Test
    void compile_checkWithoutNft_exits2() {
        Path saved = NftKernelCheck.binary;
        NftKernelCheck.binary = null;
        try {
            GoldenTest.Run r = run("nft", "compile", "--check", SHOP);

            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("stockade: --check: nft is not installed (looked in /usr/sbin, /sbin, /usr/bin,"
                    + " /bin, /usr/local/sbin); nothing written\n");
        } finally {
            NftKernelCheck.binary = saved;
        }
    }

    @Test
    void nft_withoutSubcommand_isAUsageError() {
        GoldenTest.Run r = run("nft");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("stockade: missing what to do (expected compile)\n")
                .endsWith("Try 'stockade nft --help' for more information.\n");
    }

    @ParameterizedTest(name = "stockade {0} --help")
    @ValueSource(strings = {"nft", "nft compile"})
    void help_descriptionAndFooterLines_areNotWrapped(String command) {
        CommandLine cl = Main.commandLine();
        for (String part : command.split(" ")) {
            cl = cl.getSubcommands().get(part);
        }
        List<String> lines = new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().description()));
        lines.addAll(List.of(cl.getCommandSpec().usageMessage().footer()));

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Main.USAGE_WIDTH));
        assertThat(run(command.split(" ")[0], "--help").out()).contains("Exit codes");
    }
}
