package dev.stockade.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph is the architecture. The pure core: model ← engine ← the analyses built on
 * it (diff, query, verify), all free of library types. manifest (objects as written, with
 * positions; JDK and model only) is what load hands audit besides the model. audit runs rules over
 * model, manifest, engine and query (it reuses the queries' answers rather than recomputing them).
 * The edges: load (model, manifest), generate (model), dataplane (model, engine: the nftables
 * compiler), lab (model, engine, dataplane: runs ip, nft and python3), report (engine, the analyses and audit),
 * bench (load, engine, the analyses, audit and report for its audit figure, and dataplane and lab for its
 * data-plane figures) and cli on top
 * of everything.
 */
class ArchitectureTest {
    private static final String[] ANALYSES = {"diff", "query", "verify"};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stockade");
    }

    @Test
    void layers_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("model").definedBy("dev.stockade.model..")
                .layer("engine").definedBy("dev.stockade.engine..")
                .layer("diff").definedBy("dev.stockade.diff..")
                .layer("query").definedBy("dev.stockade.query..")
                .layer("verify").definedBy("dev.stockade.verify..")
                .layer("manifest").definedBy("dev.stockade.manifest..")
                .layer("audit").definedBy("dev.stockade.audit..")
                .layer("generate").definedBy("dev.stockade.generate..")
                .layer("dataplane").definedBy("dev.stockade.dataplane..")
                .layer("lab").definedBy("dev.stockade.lab..")
                .layer("load").definedBy("dev.stockade.load..")
                .layer("report").definedBy("dev.stockade.report..")
                .layer("bench").definedBy("dev.stockade.bench..")
                .layer("cli").definedBy("dev.stockade.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("bench", "cli")
                .whereLayer("load").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("bench", "cli")
                .whereLayer("dataplane").mayOnlyBeAccessedByLayers("lab", "bench", "cli")
                .whereLayer("diff").mayOnlyBeAccessedByLayers("report", "bench", "cli")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("report", "bench", "cli")
                .whereLayer("query").mayOnlyBeAccessedByLayers("audit", "report", "bench", "cli")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("report", "bench", "cli")
                .whereLayer("manifest").mayOnlyBeAccessedByLayers("load", "audit", "report", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("diff", "query", "verify", "audit", "dataplane", "lab", "report",
                        "bench", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "diff", "query", "verify", "manifest", "audit",
                        "generate", "dataplane", "lab", "load", "report", "bench", "cli")
                .check(classes);
    }

    @Test
    void core_usesTheJdkOnly() {
        noClasses().that().resideInAnyPackage("dev.stockade.model..", "dev.stockade.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "java..")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"diff", "query", "verify"})
    void analyses_useTheJdkModelAndEngineOnly(String analysis) {
        noClasses().that().resideInAPackage("dev.stockade." + analysis + "..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade." + analysis + "..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** generate writes text from validated specs: the model and the JDK only. */
    @Test
    void generate_usesTheJdkAndModelOnly() {
        noClasses().that().resideInAPackage("dev.stockade.generate..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.generate..",
                        "java..")
                .check(classes);
    }

    /** The nftables compiler produces text from the engine's model: model, engine and the JDK only. */
    @Test
    void dataplane_usesTheJdkModelAndEngineOnly() {
        noClasses().that().resideInAPackage("dev.stockade.dataplane..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.dataplane..", "java..")
                .check(classes);
    }

    /** The lab drives the kernel from the model: model, engine, dataplane and the JDK only. */
    @Test
    void lab_usesTheJdkModelEngineAndDataplaneOnly() {
        noClasses().that().resideInAPackage("dev.stockade.lab..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.dataplane..", "dev.stockade.lab..", "java..")
                .check(classes);
    }

    /** manifest is plain data: the model (for Source and ObjectRef) and the JDK. */
    @Test
    void manifest_usesTheJdkAndModelOnly() {
        noClasses().that().resideInAPackage("dev.stockade.manifest..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.manifest..",
                        "java..")
                .check(classes);
    }

    /** audit rules see model, manifest, engine and query, never a library type or the loader. */
    @Test
    void audit_usesTheCoreManifestAndQueryOnly() {
        noClasses().that().resideInAPackage("dev.stockade.audit..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.manifest..", "dev.stockade.query..", "dev.stockade.audit..", "java..")
                .check(classes);
    }

    @Test
    void analyses_doNotDependOnEachOther() {
        for (String a : ANALYSES) {
            for (String b : ANALYSES) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage("dev.stockade." + a + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.stockade." + b + "..")
                            .allowEmptyShould(true)
                            .check(classes);
                }
            }
        }
    }

    @Test
    void model_doesNotKnowTheEngine() {
        noClasses().that().resideInAPackage("dev.stockade.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.stockade.engine..")
                .check(classes);
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("dev.stockade.(*)..").should().beFreeOfCycles().check(classes);
    }
}
