package dev.stockade.load;

import dev.stockade.model.Source;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics in the order found. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void error(Source at, String object, String path, String message) {
        all.add(new Diagnostic(Diagnostic.Severity.ERROR, at, object, path, message));
    }

    public void warning(Source at, String object, String path, String message) {
        all.add(new Diagnostic(Diagnostic.Severity.WARNING, at, object, path, message));
    }

    public void add(Diagnostic d) {
        all.add(d);
    }

    /** Inserts {@code found} before the diagnostic at {@code index} (a file's own problems before its objects'). */
    void insert(int index, List<Diagnostic> found) {
        all.addAll(index, found);
    }

    public List<Diagnostic> list() {
        return List.copyOf(all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int size() {
        return all.size();
    }
}
