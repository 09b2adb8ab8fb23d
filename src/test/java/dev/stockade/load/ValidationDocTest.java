package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code docs/validation.md} is rendered from {@link ApiValidation} and must be current. */
class ValidationDocTest {
    private static final Path DOC = Path.of("docs/validation.md");

    @Test
    void validationDoc_isCurrent() throws IOException {
        String expected = ValidationDoc.render();
        if (Boolean.getBoolean("validation.update")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as(DOC + " exists").isRegularFile();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is stale; regenerate it with: scripts/test -Dtest=ValidationDocTest -Dvalidation.update=true")
                .isEqualTo(expected);
    }

    @Test
    void render_hasOneLinePerRow() {
        String doc = ValidationDoc.render();
        for (ApiValidation v : ApiValidation.values()) {
            assertThat(doc).contains("| `" + v.id() + "` |");
        }
        assertThat(Arrays.stream(ApiValidation.values()).map(ApiValidation::id).distinct().count())
                .isEqualTo(ApiValidation.values().length);
    }
}
