package dev.stockade.audit.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image reference parser against a truth table: written → canonical (registry, repository, tag, digest). */
class ImageReferenceTest {
    private static final String D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /** written | canonical, or "-" when the reference is invalid. */
    private static final String[][] TABLE = {
            {"nginx", "docker.io/library/nginx"},
            {"nginx:1.27", "docker.io/library/nginx:1.27"},
            {"nginx:latest", "docker.io/library/nginx:latest"},
            {"library/nginx", "docker.io/library/nginx"},
            {"bitnami/redis:7.2", "docker.io/bitnami/redis:7.2"},
            {"docker.io/nginx", "docker.io/library/nginx"},
            {"index.docker.io/nginx:1", "docker.io/library/nginx:1"},
            {"index.docker.io/acme/app", "docker.io/acme/app"},
            {"ghcr.io/acme/app:v2", "ghcr.io/acme/app:v2"},
            {"registry.example.com/a/b/c:1.0", "registry.example.com/a/b/c:1.0"},
            {"localhost/app", "localhost/app"},
            {"localhost:5000/app:dev", "localhost:5000/app:dev"},
            {"registry:5000/app", "registry:5000/app"},
            {"Registry/app", "Registry/app"},
            {"nginx@" + D, "docker.io/library/nginx@" + D},
            {"nginx:1.27@" + D, "docker.io/library/nginx:1.27@" + D},
            {"registry:5000/app:1@" + D, "registry:5000/app:1@" + D},
            {"[::1]:5000/app:1", "[::1]:5000/app:1"},
            {"my_app/a__b-c.d:V1_x", "docker.io/my_app/a__b-c.d:V1_x"},
            {"", "-"},
            {"{{ .Values.image }}", "-"},
            {"Nginx", "-"},
            {"nginx:", "-"},
            {"nginx:bad tag", "-"},
            {"nginx@sha256:abc", "-"},
            {"app//x", "-"},
            {"-bad.io/app", "-"},
    };

    @Test
    void parse_truthTable() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : TABLE) {
            String got = ImageReference.parse(row[0]).map(ImageReference::toString).orElse("-");
            if (!got.equals(row[1])) {
                wrong.add(row[0] + ": expected " + row[1] + ", got " + got);
            }
        }
        assertThat(wrong).as("rows of the truth table that differ").isEmpty();
    }

    @Test
    void latestAndDefaultPullPolicy_followTheApiDefaults() {
        // written | latest | default pull policy
        String[][] table = {
                {"nginx", "true", "Always"},
                {"nginx:latest", "true", "Always"},
                {"nginx:1.27", "false", "IfNotPresent"},
                {"nginx@" + D, "false", "IfNotPresent"},
                {"nginx:latest@" + D, "false", "IfNotPresent"},
                {"localhost:5000/app", "true", "Always"},
        };
        for (String[] row : table) {
            ImageReference ref = ImageReference.parse(row[0]).orElseThrow();
            assertThat(ref.latest()).as(row[0] + " latest").isEqualTo(Boolean.parseBoolean(row[1]));
            assertThat(ref.defaultPullPolicy()).as(row[0] + " pull policy").isEqualTo(row[2]);
            assertThat(ref.pinned()).as(row[0] + " pinned").isEqualTo(row[0].contains("@"));
        }
    }

    @Test
    void under_matchesRegistryOrPathPrefix() {
        // image | allowlist entry | under
        String[][] table = {
                {"ghcr.io/acme/app:1", "ghcr.io", "true"},
                {"ghcr.io/acme/app:1", "ghcr.io/acme", "true"},
                {"ghcr.io/acme/app:1", "ghcr.io/acme/", "true"},
                {"ghcr.io/acme/app:1", "GHCR.io/Acme", "true"},
                {"ghcr.io/acme-evil/app:1", "ghcr.io/acme", "false"},
                {"ghcr.io.evil.io/acme/app", "ghcr.io", "false"},
                {"nginx", "docker.io", "true"},
                {"nginx", "docker.io/library", "true"},
                {"nginx", "index.docker.io", "true"},
                {"bitnami/redis", "docker.io/library", "false"},
                {"localhost:5000/app", "localhost:5000", "true"},
                {"localhost:5001/app", "localhost:5000", "false"},
                {"localhost/app", "localhost", "true"},
                {"nginx", "", "false"},
        };
        for (String[] row : table) {
            assertThat(ImageReference.parse(row[0]).orElseThrow().under(row[1])).as(row[0] + " under " + row[1])
                    .isEqualTo(Boolean.parseBoolean(row[2]));
        }
    }
}
