package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every CLI output: one folder per case under {@value #ROOT}, holding
 * <ul>
 *   <li>{@code args} — the arguments, one a line (blank lines and lines starting with {@code #}
 *       are skipped, so a case can say what it checks);</li>
 *   <li>{@code stdin} — optional, what {@code -} reads (otherwise standard input is empty);</li>
 *   <li>{@code expected.out}, {@code expected.exit}, and {@code expected.err} when the run writes
 *       to standard error (without it, standard error must stay empty).</li>
 * </ul>
 * The CLI runs in-process with the project directory as working directory, so paths in
 * {@code args} and in the outputs are relative to it. With {@code -Dgolden.update=true} the
 * expected files are rewritten from the actual run; otherwise a mismatch writes
 * {@code actual.out}/{@code actual.err}/{@code actual.exit} beside the expected files and fails
 * with a unified diff.
 */
class GoldenTest {
    static final String ROOT = "src/test/resources/golden";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** The case folders, by name. */
    static Stream<String> cases() throws IOException {
        List<String> cases;
        try (Stream<Path> s = Files.list(Path.of(ROOT))) {
            cases = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(cases).as("golden cases under " + ROOT).isNotEmpty();
        return cases.stream();
    }

    // A parameterized test rather than a @TestFactory: Surefire's -Dtest filter drops dynamic
    // tests from its report (failures included), parameterized ones it counts.
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void run_goldenCase_matchesExpectedFiles(String name) throws IOException {
        check(Path.of(ROOT, name));
    }

    /** One run of the CLI: what it printed and how it exited. */
    record Run(String out, String err, int exit) {
        static Run of(List<String> args, InputStream stdin) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            PrintWriter o = new PrintWriter(out);
            PrintWriter e = new PrintWriter(err);
            int exit = Main.run(args.toArray(String[]::new), stdin, o, e);
            o.flush();
            e.flush();
            return new Run(normalise(out.toString()), normalise(err.toString()), exit);
        }

        private static String normalise(String s) {
            return s.replace("\r\n", "\n");
        }
    }

    private static void check(Path dir) throws IOException {
        Path argsFile = dir.resolve("args");
        assertThat(argsFile).as("golden case %s needs an args file", dir).isRegularFile();
        List<String> args = Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Path stdinFile = dir.resolve("stdin");
        InputStream stdin = Files.isRegularFile(stdinFile) ? new ByteArrayInputStream(Files.readAllBytes(stdinFile))
                : InputStream.nullInputStream();
        Run run = Run.of(args, stdin);
        String exit = run.exit() + "\n";

        if (UPDATE) {
            write(dir.resolve("expected.out"), run.out());
            write(dir.resolve("expected.exit"), exit);
            if (run.err().isEmpty()) {
                Files.deleteIfExists(dir.resolve("expected.err"));
            } else {
                write(dir.resolve("expected.err"), run.err());
            }
            deleteActual(dir);
            return;
        }

        StringBuilder failures = new StringBuilder();
        compare(dir, "out", run.out(), failures);
        compare(dir, "err", run.err(), failures);
        compare(dir, "exit", exit, failures);
        if (failures.isEmpty()) {
            deleteActual(dir);
            return;
        }
        throw new AssertionError("golden case " + dir + " (stockade " + String.join(" ", args) + ") differs;"
                + " actual output written beside the expected files; accept it with -Dgolden.update=true\n"
                + failures);
    }

    private static void compare(Path dir, String what, String actual, StringBuilder failures) throws IOException {
        Path expectedFile = dir.resolve("expected." + what);
        Path actualFile = dir.resolve("actual." + what);
        // Without expected.err the run must not write to standard error.
        String expected = Files.isRegularFile(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8)
                : what.equals("err") ? "" : null;
        if (expected == null) {
            write(actualFile, actual);
            failures.append("no ").append(expectedFile).append('\n');
            return;
        }
        String diff = GoldenDiff.unified(expectedFile.toString(), expected, actualFile.toString(), actual);
        if (diff.isEmpty()) {
            Files.deleteIfExists(actualFile);
        } else {
            write(actualFile, actual);
            failures.append(diff);
        }
    }

    private static void deleteActual(Path dir) throws IOException {
        for (String what : List.of("out", "err", "exit")) {
            Files.deleteIfExists(dir.resolve("actual." + what));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
