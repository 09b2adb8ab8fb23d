package dev.stockade.model;

import java.util.List;

/**
 * A {@code stockade.dev/v1alpha1 ConnectivityExpectations} object: a named list of expectations
 * about connectivity, checked by {@code stockade verify}.
 */
public record ConnectivityExpectations(String name, List<ConnectivityExpectation> expectations, Source source) {
    public static final String API_VERSION = "stockade.dev/v1alpha1";
    public static final String KIND = "ConnectivityExpectations";

    public ConnectivityExpectations {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("expectations need a name");
        }
        expectations = List.copyOf(expectations);
    }
}
