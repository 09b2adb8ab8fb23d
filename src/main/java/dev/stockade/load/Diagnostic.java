package dev.stockade.load;

import dev.stockade.model.Source;
import java.util.Locale;

/**
 * One problem found in the input. {@link #toString()} is the line users see:
 * {@code file:line:col: error: NetworkPolicy prod/x: spec.ingress[0].ports[0].port: 70000 is out of range (expected 1-65535)}.
 *
 * @param object the object it concerns ({@code NetworkPolicy prod/x}), empty for file-level problems
 * @param path the field path inside the object, empty when the whole object or file is meant
 */
public record Diagnostic(Severity severity, Source source, String object, String path, String message) {

    public enum Severity {
        ERROR, WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        // a problem with a whole file or path has no position: print just the name
        sb.append(source.line() > 0 ? source.toString() : source.file()).append(": ").append(severity).append(": ");
        if (!object.isEmpty()) {
            sb.append(object).append(": ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
