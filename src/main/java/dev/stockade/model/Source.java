package dev.stockade.model;

/**
 * Where something was written: file, 1-based line and column. {@link #toString()} is the
 * {@code file:line:col} spelling every message uses.
 */
public record Source(String file, int line, int column) {
    public static final Source UNKNOWN = new Source("<generated>", 0, 0);

    public Source {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
    }

    /** {@code file:line} — what explanations print. */
    public String fileLine() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
