package dev.stockade.audit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.manifest.SecretValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as a secret in an env value or a ConfigMap key: truth tables over names and values. */
class SecretValuesTest {
    /** variable name | value | reason, or "-" for none. */
    private static final String[][] ENV = {
            {"DB_PASSWORD", "hunter2", "is set under a secret's name"},
            {"dbPassword", "s3cr3t", "is set under a secret's name"},
            {"API_KEY", "k-123", "is set under a secret's name"},
            {"STRIPE_API_KEY", "sk_live_0000000000000000example", "looks like a Stripe secret key"},
            {"X", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n", "looks like a PEM private key"},
            {"X", "-----BEGIN ENCRYPTED PRIVATE KEY-----", "looks like a PEM private key"},
            {"X", "AKIAEXAMPLE0EXAMPLE0", "looks like an AWS access key id"},
            {"X", "ghp_EXAMPLExxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "looks like a GitHub token"},
            {"X", "glpat-EXAMPLE0000000000000", "looks like a GitLab token"},
            {"X", "xoxb-0000000000-example", "looks like a Slack token"},
            {"X", "AIzaEXAMPLE0000000000000000000000000000", "looks like a Google API key"},
            {"X", "npm_EXAMPLE00000000000000000000000000000", "looks like an npm token"},
            {"X", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlZQ", "looks like a JSON Web Token"},
            {"X", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=EXAMPLE0000000000000000==;",
                    "looks like an Azure account key"},
            {"DATABASE_URL", "postgres://app:hunter2@db:5432/shop", "is a URL with a password"},
            {"X", "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO", "has high entropy (4.5 bits/char)"},
            // pointers to secrets, placeholders, properties of secrets
            {"DB_PASSWORD", "", "-"},
            {"DB_PASSWORD_FILE", "/run/secrets/db", "-"},
            {"DB_PASSWORD", "/run/secrets/db", "-"},
            {"API_TOKEN", "$(TOKEN)", "-"},
            {"API_TOKEN", "${TOKEN}", "-"},
            {"API_TOKEN", "{{ .Values.token }}", "-"},
            {"API_TOKEN", "<your token>", "-"},
            {"TOKEN_TTL", "1h", "-"},
            {"TOKEN_LIFETIME", "3600", "-"},
            {"REQUIRE_PASSWORD", "true", "-"},
            {"SECRET_NAME", "db-credentials", "-"},
            {"SecretRef", "db", "-"},
            {"TOKEN_URL", "https://auth.example.com/token", "-"},
            {"AWS_SECRETS_MANAGER_REGION", "eu-west-1", "-"},
            {"JWT_SECRET_ALGORITHM", "HS256", "-"},
            {"SECRET_KEY_BASE", "abc", "is set under a secret's name"},
            {"DSN", "postgres://app:$(DB_PASSWORD)@db/shop", "-"},
            {"UPSTREAM", "https://user@api.example.com/v1", "-"},
            // ordinary values that are long or mixed
            {"GIT_COMMIT", "4f9c2b1e8d7a6c5b4a3f2e1d0c9b8a7f6e5d4c3b", "-"},
            {"REQUEST_ID", "123e4567-e89b-12d3-a456-426614174000", "-"},
            {"IMAGE", "registry.example.com/shop/api:1.4.2", "-"},
            {"JAVA_OPTS", "-XX:MaxRAMPercentage=75.0 -Dfile.encoding=UTF-8", "-"},
            {"SERVICE", "checkout-service-production-eu-west-1", "-"},
            {"CLASSPATH", "/opt/app/lib/dependency-2024.jar", "-"},
            {"SHORT_RANDOM", "u8jzPde0IgxLd6Gn", "-"},
            {"LOG_FORMAT", "json", "-"},
    };

    @Test
    void envReason_truthTable() {
        List<String> wrong = new ArrayList<>();
        for (String[] row : ENV) {
            String got = LiteralSecretEnv.reason(row[0], row[1], SecretValues.NAMES, SecretValues.IGNORED_NAMES)
                    .orElse("-");
            if (!got.equals(row[2])) {
                wrong.add(row[0] + "=" + row[1].replace("\n", "\\n") + ": expected " + row[2] + ", got " + got);
            }
        }
        assertThat(wrong).as("rows of the truth table that differ").isEmpty();
    }

    @Test
    void configMapReason_readsSettingsOfFilesAndBinaryData() {
        List<String> names = new SecretInConfigMap().options().getFirst().defaults();
        List<String> ignored = SecretValues.IGNORED_NAMES;
        assertThat(SecretInConfigMap.dataReason("app.properties", "a=1\nspring.datasource.password=x1\ntoken=y\n",
                names, ignored)).contains("file of 3 lines: line 2 sets spring.datasource.password (and 1 more)"
                + " to a literal value");
        assertThat(SecretInConfigMap.dataReason("app.yaml", "db:\n  password: |\n    x\n  tokenRef: t\n", names,
                ignored)).isEmpty();
        assertThat(SecretInConfigMap.dataReason("id_rsa", "key material", names, ignored))
                .contains("value of 12 characters is set under a secret's name");
        assertThat(SecretInConfigMap.binaryReason("tls.key", "AAAA", names, ignored))
                .contains("binary value of 3 bytes is set under a secret's name");
        assertThat(SecretInConfigMap.binaryReason("logo.png", "not base64!", names, ignored)).isEmpty();
    }

    @Test
    void argsReason_flagsWithValuesAndFollowingItems() {
        List<String> n = SecretValues.NAMES;
        List<String> ig = SecretValues.IGNORED_NAMES;
        List<String> cmd = List.of("--password", "hunter2", "--password-file", "/run/x", "-token=abc", "--token",
                "--verbose", "--api-key=$(KEY)", "run", "--port=80");
        String[] expected = {"-", "is a literal value of 7 characters for --password", "-", "-",
                "sets --token to a literal value of 3 characters", "-", "-", "-", "-", "-"};
        for (int i = 0; i < cmd.size(); i++) {
            assertThat(LiteralSecretArgs.reason(cmd, i, n, ig).orElse("-")).as(cmd.get(i)).isEqualTo(expected[i]);
        }
    }

    @Test
    void shannon_ofKnownStrings() {
        assertThat(SecretValues.shannon("aaaa")).isEqualTo(0.0);
        assertThat(SecretValues.shannon("abcd")).isEqualTo(2.0);
        assertThat(SecretValues.shannon("0123456789abcdef")).isEqualTo(4.0);
    }

    @Test
    void reasons_neverContainTheValue() {
        for (String[] row : ENV) {
            Optional<String> r = LiteralSecretEnv.reason(row[0], row[1], SecretValues.NAMES, SecretValues.IGNORED_NAMES);
            if (!row[1].isEmpty()) {
                assertThat(r.orElse("")).doesNotContain(row[1]);
            }
        }
    }

    @Test
    void secretName_invalidConfiguredPattern_isMatchedLiterally() {
        assertThat(SecretValues.secretName("MY_(TOKEN", List.of("(token"), List.of())).isTrue();
        assertThat(SecretValues.secretName("MY_TOKEN", List.of("(token"), List.of())).isFalse();
    }
}
