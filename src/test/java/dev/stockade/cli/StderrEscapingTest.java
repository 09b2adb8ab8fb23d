package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the CLI writes to standard error shows control and invisible characters escaped. */
@Tag("hostile")
class StderrEscapingTest {
    @Test
    void diagnostic_pathWithTerminalEscapes_shownEscaped() {
        GoldenTest.Run r = GoldenTest.Run.of(List.of("analyze", "/nonexistent/x\u001b[2J\u202ey"),
                InputStream.nullInputStream());

        assertThat(r.err()).isEqualTo("/nonexistent/x\\u001b[2J\\u202ey: error: no such file or directory\n");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void usageError_formatWithBell_shownEscaped() {
        GoldenTest.Run r = GoldenTest.Run.of(List.of("analyze", "-o", "x\u0007\r", "examples/hexabase"),
                InputStream.nullInputStream());

        assertThat(r.err()).startsWith("stockade: -o: unknown format 'x\\u0007\\u000d' (expected text, json, csv, md, dot)\n");
    }
}
