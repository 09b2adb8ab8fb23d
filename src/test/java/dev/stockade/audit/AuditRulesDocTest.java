package dev.stockade.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/rules.md} is generated from the catalogue and must be current. */
class AuditRulesDocTest {
    private static final Path DOC = Path.of("docs/rules.md");

    @Test
    void rulesDoc_isCurrent() throws IOException {
        String expected = RulesDoc.render();
        if (Boolean.getBoolean("rules.update")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as(DOC + " exists").isRegularFile();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is stale; regenerate it with: scripts/test -Dtest=AuditRulesDocTest -Drules.update=true"
                        + " (or java -cp target/classes dev.stockade.audit.RulesDoc docs/rules.md)")
                .isEqualTo(expected);
    }
}
