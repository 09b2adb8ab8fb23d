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
 * The package graph is the architecture: model ← engine ← query ← report, and engine ← (load,
 * report) ← bench ← cli, with the core (model, engine, query) free of library types.
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
                .layer("query").definedBy("dev.stockade.query..")
                .layer("load").definedBy("dev.stockade.load..")
                .layer("report").definedBy("dev.stockade.report..")
                .layer("bench").definedBy("dev.stockade.bench..")
                .layer("cli").definedBy("dev.stockade.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("load").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("query").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("query", "report", "bench", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "query", "load", "report", "bench", "cli")
                .check(classes);
    }

    @Test
    void core_usesTheJdkOnly() {
        noClasses().that().resideInAnyPackage("dev.stockade.model..", "dev.stockade.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "java..")
                .check(classes);
    }

    @Test
    void query_usesModelEngineAndTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.stockade.query..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.stockade.model..", "dev.stockade.engine..",
                        "dev.stockade.query..", "java..")
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
