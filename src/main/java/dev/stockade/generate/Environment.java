package dev.stockade.generate;

import java.util.Locale;
import java.util.Optional;

/** A workspace's environment; {@link #PROD} gets the strictest baseline. */
public enum Environment {
    DEV, TEST, STAGING, PROD;

    public static Optional<Environment> parse(String s) {
        for (Environment e : values()) {
            if (e.name().equalsIgnoreCase(s)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The label value and the spelling users type: {@code prod}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
