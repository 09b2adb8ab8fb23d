package dev.stockade.audit.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceTest {
    private static final Control CONTROL = new Control("x", "S", "T", List.of("NET001", "NET002"), null, true);
    private static final Framework ONE = new Framework("test", "Test", "here", List.of(CONTROL,
            new Control("m", "S", "Manual", List.of(), "by hand", true)));

    private static Finding finding(String rule, Severity s) {
        return new Finding(rule, s, new ObjectRef("Namespace", "", "shop"), "", new Source("f.yaml", 1, 1), "m", "",
                null, false);
    }

    private static Status status(List<String> ran, Finding... findings) {
        List<Rule> rules = ran.stream().map(id -> Catalogue.rule(id).orElseThrow()).toList();
        ComplianceReport r = Compliance.evaluate(ONE, new AuditReport(rules, List.of(findings)));
        assertThat(r.results().get(1).status()).isEqualTo(Status.MANUAL);
        return r.results().getFirst().status();
    }

    /** Truth table of a control's status: which findings fail it and when it is not checked. */
    @ParameterizedTest(name = "ran {0}, finding {1} {2} {3} -> {4}")
    @CsvSource({
        "NET001 NET002, -, -, -, PASS",
        "NET001 NET002, NET001, ERROR, active, FAIL",
        "NET001 NET002, NET002, WARNING, active, FAIL",
        "NET001 NET002, NET001, NOTE, active, PASS",
        "NET001 NET002, NET001, ERROR, suppressed, PASS",
        "NET001 NET002, NET001, ERROR, baselined, PASS",
        "NET001 NET002, NET004, ERROR, active, PASS",
        "NET002, NET002, WARNING, active, FAIL",
        "NET004, -, -, -, NOT_CHECKED",
        "NET004, NET001, ERROR, active, NOT_CHECKED",
    })
    void status_truthTable(String ran, String rule, String severity, String state, Status expected) {
        List<Finding> fs = new ArrayList<>();
        if (!rule.equals("-")) {
            Finding f = finding(rule, Severity.valueOf(severity));
            fs.add(state.equals("suppressed") ? f.suppressedBecause("why") : state.equals("baselined") ? f.inBaseline() : f);
        }
        assertThat(status(List.of(ran.split(" ")), fs.toArray(Finding[]::new))).isEqualTo(expected);
    }

    @Test
    void seedChecklist_listsEveryItemInOrder_andEveryRulesChecklistItem() {
        Framework seed = SeedChecklist.framework();
        List<Control> inSource = seed.controls().stream().filter(Control::inSource).toList();
        assertThat(inSource).hasSize(24);
        assertThat(inSource.stream().map(Control::id)).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2",
                "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "6.1",
                "6.2", "6.3");
        assertThat(inSource.get(5).title()).isEqualTo("Start with \"Default Deny\"");
        // every checklist item a rule names is a control, and the control lists the rule
        for (Rule r : Catalogue.rules()) {
            for (String key : r.checklist()) {
                assertThat(seed.controls()).as(r.id() + " names " + key)
                        .anySatisfy(c -> {
                            assertThat(c.section() + ": " + c.title()).isEqualTo(key);
                            assertThat(c.rules()).contains(r.id());
                        });
            }
        }
        // only the items manifests cannot show lack rules: MFA, SSO, permission reviews, scanning, backups, logs…
        assertThat(inSource.stream().filter(Control::manualOnly).map(Control::id)).contains("1.1", "1.2", "1.4", "3.5",
                "4.1", "4.2", "5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3");
        assertThat(inSource).allSatisfy(c -> assertThat(c.manual() == null || !c.manual().isBlank()).isTrue());
        // every item the manifests can show has rules: network, encryption, workloads, secrets, least privilege
        assertThat(inSource).filteredOn(c -> c.manual() != null && c.manual().startsWith("no rule of the catalogue"))
                .isEmpty();
    }

    @Test
    void podSecurityFrameworks_coverEveryPodSecurityRule_restrictedIncludesBaseline() {
        Framework baseline = PodSecurityControls.baseline();
        Framework restricted = PodSecurityControls.restricted();
        assertThat(restricted.controls()).containsAll(baseline.controls());
        Set<String> covered = new HashSet<>();
        restricted.controls().forEach(c -> covered.addAll(c.rules()));
        assertThat(covered).allSatisfy(id -> assertThat(Catalogue.rule(id)).as(id).isPresent());
        // every PSS rule but read-only root filesystem (a hardening beyond the standard) has its control
        Set<String> pss = new HashSet<>(Catalogue.rules().stream().map(Rule::id).filter(id -> id.startsWith("PSS"))
                .toList());
        pss.remove("PSS017");
        assertThat(covered).containsAll(pss).contains("NET016", "NET017");
        // baseline holds no restricted-only rule
        Set<String> baselineRules = new HashSet<>();
        baseline.controls().forEach(c -> baselineRules.addAll(c.rules()));
        assertThat(baselineRules).doesNotContain("PSS011", "PSS012", "PSS013", "PSS014", "PSS015", "PSS016", "PSS020");
    }

    @Test
    void hexabaseProduction_passesEveryJudgedControl_weakExampleFailsSome() {
        for (String name : Framework.NAMES) {
            ComplianceReport prod = Compliance.evaluate(Framework.named(name).orElseThrow(),
                    audit("examples/hexabase").inNamespace("production"));
            assertThat(prod.results()).as(name).allSatisfy(r -> assertThat(r.status()).isIn(Status.PASS, Status.MANUAL));
            assertThat(prod.count(Status.PASS)).as(name).isPositive();
        }
        ComplianceReport weak = Compliance.evaluate(PodSecurityControls.baseline(),
                audit("src/test/resources/audit/weak/weak.yaml"));
        assertThat(weak.failing()).isTrue();
        Map<String, Status> byId = new java.util.HashMap<>();
        weak.results().forEach(r -> byId.put(r.control().id(), r.status()));
        assertThat(byId).containsEntry("host-ports", Status.FAIL).containsEntry("privileged", Status.PASS);
    }

    @Test
    void disabledRules_leaveTheirControlsNotChecked() {
        LoadResult r = Loader.load(List.of("examples/hexabase"), java.io.InputStream.nullInputStream(), true);
        AuditConfig config = new AuditConfig(Set.of("PSS001"), Map.of());
        AuditReport audit = Auditor.run(new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT, config),
                Catalogue.rules(), AuditBaseline.EMPTY);
        ComplianceReport report = Compliance.evaluate(PodSecurityControls.baseline(), audit);
        assertThat(report.results()).filteredOn(x -> x.control().id().equals("privileged")).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(Status.NOT_CHECKED));
    }

    static AuditReport audit(String input) {
        LoadResult r = Loader.load(List.of(input), java.io.InputStream.nullInputStream(), true);
        return Auditor.run(new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT));
    }
}
