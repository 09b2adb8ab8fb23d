package dev.stockade.audit;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, most severe first; SARIF's levels of the same names. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** Whether this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String s) {
        for (Severity v : values()) {
            if (v.toString().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private final String text = name().toLowerCase(Locale.ROOT);

    @Override
    public String toString() {
        return text;
    }
}
