package dev.stockade.generate;

import java.util.List;

/** Generated manifests, and warnings about choices the caller should reconsider. */
public record Generated(String yaml, List<String> warnings) {
    public Generated {
        warnings = List.copyOf(warnings);
    }
}
