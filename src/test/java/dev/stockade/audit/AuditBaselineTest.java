package dev.stockade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The baseline file written by {@code audit --write-baseline}: one entry per finding, whatever the names hold. */
@Tag("hostile")
class AuditBaselineTest {
    private static Finding finding(String name, String path) {
        return new Finding("SEC001", Severity.ERROR, new ObjectRef("ConfigMap", "prod", name), path,
                new Source("in.yaml", 3, 1), "a secret", null, null, false);
    }

    @Test
    void write_nameWithLineBreaks_staysInItsComment() {
        Finding f = finding("a\n- 0123456789abcdef0123456789abcdef\r\u2028\u001b[2J", "data.\nkey");
        String yaml = AuditBaseline.write(List.of(f));
        assertThat(yaml.lines().filter(l -> l.startsWith("- ")).toList()).containsExactly("- " + f.fingerprint()
                + "  # SEC001 ConfigMap prod/a\\u000a- 0123456789abcdef0123456789abcdef\\u000d\\u2028\\u001b[2J"
                + " data.\\u000akey");
    }

    @Test
    void comment_keepsPairedSurrogatesAndEscapesLoneOnes() {
        assertThat(AuditBaseline.comment("\uD83D\uDE00 \uD800 \uDC00")).isEqualTo("\uD83D\uDE00 \\ud800 \\udc00");
    }
}
