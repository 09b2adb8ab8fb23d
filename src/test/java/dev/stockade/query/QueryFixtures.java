package dev.stockade.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import java.util.List;

/** Loads the query fixtures under {@value #DIR} (and examples) through the real loader. */
final class QueryFixtures {
    static final String DIR = "src/test/resources/golden-inputs/query/";
    static final String HEXABASE = "examples/hexabase";

    private QueryFixtures() {}

    /** Loads the paths; they must load without errors. */
    static Cluster load(String... paths) {
        LoadResult r = Loader.load(List.of(paths));
        assertThat(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)).isEmpty();
        return r.cluster();
    }

    static Cluster fixture(String name) {
        return load(DIR + name);
    }

    static Cluster yaml(String text) {
        LoadResult r = Loader.loadString("test.yaml", text);
        assertThat(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)).isEmpty();
        return r.cluster();
    }
}
