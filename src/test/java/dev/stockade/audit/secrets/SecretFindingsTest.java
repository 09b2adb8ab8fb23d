package dev.stockade.audit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Finding;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The secret rules' findings name keys, lengths and reasons, and never a secret. */
class SecretFindingsTest {
    private static final List<String> LEAKED = List.of("hunter2", "s3cr3t", "t0ps3cr3t", "ghp_EXAMPLE", "AKIAEXAMPLE",
            "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO", "wJalrXUtnFEMI", "xoxb-", "eyJhbGci", "MIIE", "MHcCAQ", "XXXXexample",
            "k-12345-example", "r3d1s-example", "abcdefghijklmnopqrstuvwxyz012345", "LS0tLS1C", "aVZCT1J3");

    @Test
    void findings_neverShowTheSecret() {
        List<String> files = List.of("SEC001", "SEC003", "SEC007", "SEC008").stream()
                .map(id -> "src/test/resources/audit/rules/" + id + "/positive.yaml").toList();
        for (String file : files) {
            LoadResult r = Loader.load(List.of(file), java.io.InputStream.nullInputStream(), true);
            AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true));
            List<Finding> findings = Auditor.run(ctx, Catalogue.rules(), AuditBaseline.EMPTY).findings();
            assertThat(findings).as(file).isNotEmpty();
            for (Finding f : findings) {
                for (String secret : LEAKED) {
                    assertThat(f.message()).as(file + ": " + f.ruleId()).doesNotContain(secret);
                    assertThat(f.path()).as(file + ": " + f.ruleId()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void messages_nameTheKeyTheLengthAndTheReason() {
        LoadResult r = Loader.load(List.of("src/test/resources/audit/rules/SEC001/positive.yaml"),
                java.io.InputStream.nullInputStream(), true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true));
        List<String> messages = Auditor.run(ctx, List.of(new LiteralSecretEnv()), AuditBaseline.EMPTY).findings()
                .stream().map(Finding::message).toList();
        assertThat(messages).contains(
                "init container migrate env DATABASE_URL: literal value of 35 characters is a URL with a password",
                "container api env DB_PASSWORD: literal value of 7 characters is set under a secret's name",
                "container api env GITHUB: literal value of 40 characters looks like a GitHub token",
                "container api env SESSION_SEED: literal value of 32 characters has high entropy (4.5 bits/char)",
                "ephemeral container debug env AUTH: literal value of 67 characters looks like a JSON Web Token");
    }
}
