package dev.stockade.load;

import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectations;
import java.util.List;

/**
 * What reading an expectations file produced: its {@code ConnectivityExpectations} objects (each
 * with the expectations that were usable) and every diagnostic.
 *
 * @param file the file as named on the command line ({@code <stdin>} for {@code -})
 */
public record ExpectationsLoad(String file, List<ConnectivityExpectations> documents, List<Diagnostic> diagnostics) {
    public ExpectationsLoad {
        documents = List.copyOf(documents);
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when something in the file was unusable (verify then exits 2). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Every expectation of every object, in file order. */
    public List<ConnectivityExpectation> expectations() {
        return documents.stream().flatMap(d -> d.expectations().stream()).toList();
    }
}
