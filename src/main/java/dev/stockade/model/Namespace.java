package dev.stockade.model;

/**
 * A Namespace with its labels. The API server always sets
 * {@value #NAME_LABEL} to the namespace's name; {@link #of} does the same.
 */
public record Namespace(String name, Labels labels, Source source, boolean declared) {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public Namespace {
        if (!name.equals(labels.map().get(NAME_LABEL))) {
            labels = labels.with(NAME_LABEL, name);
        }
    }

    /** A namespace defined in the input. */
    public static Namespace of(String name, Labels labels, Source source) {
        return new Namespace(name, labels, source, true);
    }

    /** A namespace only referenced by other objects: it has just the automatic name label. */
    public static Namespace implicit(String name) {
        return new Namespace(name, Labels.EMPTY, Source.UNKNOWN, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
