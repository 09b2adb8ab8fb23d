package dev.stockade.report;

import java.util.Locale;

/** The {@code -o} formats. Not every command offers every format. */
public enum OutputFormat {
    TEXT, JSON, CSV, MD, DOT;

    public static OutputFormat parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
