package dev.stockade.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph is the architecture: model ← engine ← {load, diff, verify, report, bench} ← cli,
 * where report also uses diff and verify, bench also uses load and verify, and generate (model only)
 * serves cli; the core (model, engine), diff and verify are free of library types.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stockade");
    }

    @Test
    void layers_dependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("dev.stockade.model..")
                .layer("engine").definedBy("dev.stockade.engine..")
                .layer("verify").definedBy("dev.stockade.verify..")
                .layer("generate").definedBy("dev.stockade.generate..")
                .layer("load").definedBy("dev.stockade.load..")
                .layer("diff").definedBy("dev.stockade.diff..")
                .layer("report").definedBy("dev.stockade.report..")
                .layer("bench").definedBy("dev.stockade.bench..")
                .layer("cli").definedBy("dev.stockade.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("load").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("diff").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("report", "bench", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("diff", "verify", "report", "bench", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "load", "diff", "verify", "generate", "report",
                        "bench", "cli")
                .check(classes);
    }

    @Test
    void core_usesTheJdkOnly() {
        noClasses().that().resideInAnyPackage("dev.stockade.model..", "dev.stockade.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "java..")
                .check(classes);
    }

    /** verify is pure: the model, the engine and the JDK. */
    @Test
    void verify_usesModelEngineAndJdkOnly() {
        noClasses().that().resideInAPackage("dev.stockade.verify..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.verify..", "java..")
                .check(classes);
    }

    /** generate writes text from validated specs: the model and the JDK only. */
    @Test
    void generate_usesModelAndJdkOnly() {
        noClasses().that().resideInAPackage("dev.stockade.generate..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.generate..",
                        "java..")
                .check(classes);
    }

    @Test
    void diff_usesTheJdkModelAndEngineOnly() {
        noClasses().that().resideInAPackage("dev.stockade.diff..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.diff..", "java..")
                .check(classes);
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
