package dev.stockade.model;

import java.util.Locale;
import java.util.Optional;

/** The L4 protocols a NetworkPolicy port can name. The API default is {@link #TCP}. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses an API spelling ({@code TCP}, {@code UDP}, {@code SCTP}); case-sensitive as the API is. */
    public static Optional<Protocol> parse(String s) {
        for (Protocol p : values()) {
            if (p.name().equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Lenient parse for command-line input ({@code tcp} is accepted). */
    public static Optional<Protocol> parseLenient(String s) {
        return s == null ? Optional.empty() : parse(s.toUpperCase(Locale.ROOT));
    }
}
