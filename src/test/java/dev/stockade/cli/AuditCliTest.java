package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.Catalogue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audit} command line: exit codes, suppression, configuration and baseline. */
class AuditCliTest {
    static final String WEAK = "src/test/resources/audit/weak/weak.yaml";
    static final String CONFIG = "src/test/resources/audit/weak/audit-config.yaml";

    private static GoldenTest.Run run(String... args) {
        return GoldenTest.Run.of(List.of(args), InputStream.nullInputStream());
    }

    @Test
    void audit_weakExample_exitsOneAndReportsSuppressedFindingAsSuppressed() {
        GoldenTest.Run r = run("audit", WEAK);
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("error NET016 " + WEAK + ":42:7: DaemonSet weak/node-agent"
                + " spec.template.spec.hostNetwork: uses the host network: NetworkPolicies do not apply to it"
                + " [suppressed: the agent needs the node's network to collect its metrics]");
        Summary sum = Summary.of(r.out());
        assertThat(sum.rules()).isEqualTo(Catalogue.rules().size());
        assertThat(sum.suppressed()).isEqualTo(1);
        assertThat(sum.inBaseline()).isZero();
        // the summary counts what the lines above it show (suppressed findings are listed, not counted)
        List<String> lines = r.out().lines().map(String::strip).filter(l -> !l.contains("[suppressed")).toList();
        assertThat(sum.errors()).isEqualTo(lines.stream().filter(l -> l.startsWith("error ")).count())
                .isEqualTo(sum.failing()).isPositive();
        assertThat(sum.warnings()).isEqualTo(lines.stream().filter(l -> l.startsWith("warning ")).count());
        assertThat(sum.notes()).isEqualTo(lines.stream().filter(l -> l.startsWith("note ")).count());
        assertThat(sum.findings()).isEqualTo(sum.errors() + sum.warnings() + sum.notes());
    }

    /** The one-line summary at the end of the text output. */
    record Summary(int findings, int errors, int warnings, int notes, int suppressed, int inBaseline, int failing,
                   int rules) {
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("(\\d+) findings?:"
                + " (\\d+) errors?, (\\d+) warnings?, (\\d+) notes?; (\\d+) suppressed, (\\d+) in baseline;"
                + " (\\d+) at or above \\w+ \\((\\d+) rules\\)\n$");

        static Summary of(String out) {
            java.util.regex.Matcher m = LINE.matcher(out);
            assertThat(m.find()).as("summary line at the end of:\n" + out).isTrue();
            int[] n = new int[8];
            for (int i = 0; i < 8; i++) {
                n[i] = Integer.parseInt(m.group(i + 1));
            }
            return new Summary(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
        }
    }

    @Test
    void failOn_belowEveryFinding_exitsZeroOnlyWhenNothingIsThatSevere() {
        assertThat(run("audit", "--fail-on", "error", "--no-such-option", WEAK).exit()).isEqualTo(ExitCodes.BAD_INPUT);
        GoldenTest.Run clean = run("audit", "src/test/resources/audit/rules/NET014/negative.yaml");
        assertThat(clean.out()).contains("0 at or above error");
    }

    @Test
    void config_disablesAndOverridesSeverities() {
        GoldenTest.Run r = run("audit", "--config", CONFIG, WEAK);
        assertThat(r.out()).doesNotContain("NET014").contains("error NET002 ");
        assertThat(Summary.of(r.out()).rules()).isEqualTo(Catalogue.rules().size() - 1);
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void config_unknownRuleOrSeverity_exitsTwoWithPositions(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: stockade.dev/v1alpha1\nkind: AuditConfig\nmetadata: {name: x}\n"
                + "rules:\n  NET999: {enabled: false}\n  NET001: {severity: fatal}\n", StandardCharsets.UTF_8);
        GoldenTest.Run r = run("audit", "--config", bad.toString(), WEAK);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ":5:11: error: rules.NET999: unknown rule")
                .contains(bad + ":6:22: error: rules.NET001.severity: \"fatal\" (expected error, warning or note)")
                .endsWith("stockade: nothing was audited\n");
    }

    @Test
    void baseline_acceptsExistingFindings_failsOnNewOnes(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("baseline.yaml");
        GoldenTest.Run write = run("audit", "--write-baseline", baseline.toString(), WEAK);
        int existing = Summary.of(write.out()).findings();
        assertThat(write.err()).contains("wrote the baseline of " + existing + " finding(s)");
        String text = Files.readString(baseline);
        assertThat(text).contains("kind: AuditBaseline").contains("# NET008 NetworkPolicy weak/web"
                + " spec.ingress[0].from[0].ipBlock.cidr");

        GoldenTest.Run same = run("audit", "--baseline", baseline.toString(), WEAK);
        assertThat(same.exit()).as(same.out()).isEqualTo(ExitCodes.OK);
        assertThat(same.out()).contains("[in baseline]").contains("0 findings: 0 errors, 0 warnings, 0 notes;"
                + " 1 suppressed, " + existing + " in baseline; 0 at or above error");

        // the same manifest moved down two lines and with a new wide-open rule: only the new finding fails
        Path changed = dir.resolve("weak.yaml");
        Files.writeString(changed, "# moved\n# down\n" + Files.readString(Path.of(WEAK)).replace(
                "  egress:\n", "  - ports: [{port: 9090}]\n  egress:\n"), StandardCharsets.UTF_8);
        GoldenTest.Run after = run("audit", "--baseline", baseline.toString(), changed.toString());
        assertThat(after.exit()).as(after.out()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(after.out()).contains("error NET009 " + changed + ":68:5: NetworkPolicy weak/web spec.ingress[2]:"
                + " ingress rule 2 has no 'from' list: every source may connect")
                .contains("1 at or above error");
    }

    @Test
    void badOptions_areUsageErrors() {
        GoldenTest.Run format = run("audit", "-o", "xml", WEAK);
        assertThat(format.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(format.err()).startsWith("stockade: -o: unknown format 'xml' (expected text, json, sarif, junit)");
        GoldenTest.Run failOn = run("audit", "--fail-on", "critical", WEAK);
        assertThat(failOn.err()).startsWith("stockade: --fail-on: unknown severity 'critical'");
        GoldenTest.Run missing = run("audit", "--baseline", "no/such/file.yaml", WEAK);
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no/such/file.yaml").endsWith("stockade: nothing was audited\n");
    }

    @Test
    void config_ruleOption_changesFindings_unknownOptionIsAPositionedError(@TempDir Path dir) throws Exception {
        String hexabase = "examples/hexabase";
        assertThat(run("audit", hexabase).out()).as("no allowlist, no IMG003").doesNotContain("IMG003");
        Path allow = dir.resolve("allow.yaml");
        Files.writeString(allow, "apiVersion: stockade.dev/v1alpha1\nkind: AuditConfig\nmetadata: {name: x}\n"
                + "rules:\n  IMG003: {registries: [registry.example.com]}\n", StandardCharsets.UTF_8);
        GoldenTest.Run r = run("audit", "--config", allow.toString(), hexabase);
        List<String> img = r.out().lines().map(String::strip).filter(l -> l.startsWith("warning IMG003 ")).toList();
        assertThat(img).hasSize(2).allSatisfy(l -> assertThat(l).contains("comes from registry.k8s.io, outside the"
                + " allowed registries (registry.example.com)"));
        assertThat(img.getFirst()).contains("Deployment ingress-nginx/ingress-nginx-controller");
        assertThat(img.getLast()).contains("Deployment kube-system/coredns");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: stockade.dev/v1alpha1\nkind: AuditConfig\nmetadata: {name: x}\n"
                + "rules:\n  IMG003: {registry: [registry.example.com]}\n", StandardCharsets.UTF_8);
        GoldenTest.Run wrong = run("audit", "--config", bad.toString(), hexabase);
        assertThat(wrong.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).contains(bad + ":5:22: error: rules.IMG003.registry: unknown field (expected enabled,"
                + " severity, registries)").endsWith("stockade: nothing was audited\n");
    }
}
