package dev.stockade.load;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One input's YAML documents, handed out one at a time so that a large input is never held
 * composed as a whole, with the file-level problems met while reading it. Used by one thread.
 */
interface DocumentSource {
    /** The name diagnostics print: the path as given, {@code <stdin>}, or the caller's name. */
    String name();

    /** Whether a file (or standard input) was read, as opposed to a notice about a path. */
    boolean read();

    /** The next non-empty document, or null when there is none left. */
    Node next();

    /** The file-level problems (syntax errors, limits, encoding, emptiness); all of them once {@link #next()} returned null. */
    List<Diagnostic> problems();
}
