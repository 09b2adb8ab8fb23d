package dev.stockade.audit.compliance;

import java.util.List;
import java.util.Optional;

/**
 * A set of controls an audit can be reported against ({@code audit --framework NAME}): the
 * security checklist of the source documents, or a Pod Security Standard level.
 */
public record Framework(String name, String title, String source, List<Control> controls) {
    /** The names {@code --framework} accepts. */
    public static final List<String> NAMES = List.of("seed-checklist", "pss-baseline", "pss-restricted");

    public Framework {
        controls = List.copyOf(controls);
    }

    public static Optional<Framework> named(String name) {
        return switch (name) {
            case "seed-checklist" -> Optional.of(SeedChecklist.framework());
            case "pss-baseline" -> Optional.of(PodSecurityControls.baseline());
            case "pss-restricted" -> Optional.of(PodSecurityControls.restricted());
            default -> Optional.empty();
        };
    }
}
