package dev.stockade.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code docs/rules.md} from the catalogue: {@code java -cp target/classes
 * dev.stockade.audit.RulesDoc docs/rules.md} (or {@code scripts/test -Dtest=AuditRulesDocTest
 * -Drules.update=true}). A test fails when the file is stale.
 */
public final class RulesDoc {
    private RulesDoc() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/rules.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Audit rules\n\n");
        sb.append("Generated from the code by `dev.stockade.audit.RulesDoc`; do not edit (a test fails when this\n");
        sb.append("file is stale). `stockade audit` runs every rule; an `AuditConfig` file (`--config`) disables\n");
        sb.append("rules, overrides severities and sets rule options; the annotation\n");
        sb.append("`stockade.dev/ignore: \"ID,ID reason\"` on an object (or a workload's pod template) suppresses\n");
        sb.append("its findings, which are still reported.\n\n");
        sb.append("| id | severity | title | checklist |\n|---|---|---|---|\n");
        for (Rule r : Catalogue.rules()) {
            sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase(Locale.ROOT))
                    .append(") | ").append(r.severity()).append(" | ").append(r.title()).append(" | ")
                    .append(String.join("; ", r.checklist())).append(" |\n");
        }
        for (Rule r : Catalogue.rules()) {
            sb.append("\n## ").append(r.id()).append("\n\n");
            sb.append("**").append(r.title()).append("** — severity `").append(r.severity()).append("`\n\n");
            sb.append(r.description()).append("\n\n");
            sb.append("Checklist: ").append(String.join("; ", r.checklist())).append("\n\n");
            sb.append("Remediation: ").append(r.remediation()).append("\n\n");
            for (RuleOption o : r.options()) {
                sb.append("Option `").append(o.name()).append("`: ").append(o.description()).append(" Default: ")
                        .append(o.defaults().isEmpty() ? "none" : "`" + String.join("`, `", o.defaults()) + "`")
                        .append(".\n\n");
            }
            sb.append("```yaml\n").append(r.fix()).append(r.fix().endsWith("\n") ? "" : "\n").append("```\n");
        }
        return sb.toString();
    }
}
