package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input limits through the command line: deep nesting is bad input (exit 2, one positioned
 * line per file, no stack trace) whichever verb and path reads it; {@code diff -C} names a
 * missing directory.
 */
@Tag("hostile")
class InputLimitsCliTest {
    private static final String MESSAGE = "error: YAML nesting is deeper than 200 levels (expected a Kubernetes"
            + " manifest)";

    @TempDir
    Path tmp;

    private static String deepPod(String name) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: prod}\nspec:\n  containers:\n"
                + "  - env: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    }

    private Path deepDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("deep"));
        Files.writeString(dir.resolve("a.yaml"), deepPod("a"));
        Files.writeString(dir.resolve("b.yaml"), deepPod("b"));
        return dir;
    }

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    @Test
    void analyze_directoryOfDeeplyNestedFiles_isBadInput() throws IOException {
        Path dir = deepDirectory();

        GoldenTest.Run r = run("analyze", dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo(dir.resolve("a.yaml") + ":6:206: " + MESSAGE + "\n"
                + dir.resolve("b.yaml") + ":6:206: " + MESSAGE + "\n");
    }

    @Test
    void audit_directoryOfDeeplyNestedFiles_isBadInput() throws IOException {
        Path dir = deepDirectory();

        GoldenTest.Run r = run("audit", dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith(dir.resolve("a.yaml") + ":6:206: " + MESSAGE + "\n"
                + dir.resolve("b.yaml") + ":6:206: " + MESSAGE + "\n").doesNotContain("Exception", "\tat ");
    }

    @Test
    void analyze_deeplyNestedStandardInput_isBadInput() {
        GoldenTest.Run r = GoldenTest.Run.of(List.of("analyze", "-"),
                new ByteArrayInputStream(deepPod("p").getBytes(StandardCharsets.UTF_8)));

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("<stdin>:6:206: " + MESSAGE + "\n");
    }

    @Test
    void diff_missingGitDirectory_namesTheDirectory() {
        Path missing = tmp.resolve("no-such-repo");

        GoldenTest.Run r = run("diff", "-C", missing.toString(), "--base", "main", "--head", "HEAD");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("stockade: " + missing + ": no such directory (expected the directory to run"
                + " git in)\n");
    }

    @Test
    void diff_gitDirectoryThatIsAFile_namesIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");

        GoldenTest.Run r = run("diff", "-C", file.toString(), "--base", "main", "--head", "HEAD");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("stockade: " + file + ": not a directory (expected the directory to run git"
                + " in)\n");
    }
}
