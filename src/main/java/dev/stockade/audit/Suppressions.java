package dev.stockade.audit;

import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Suppression by annotation: {@code stockade.dev/ignore: "NET001,NET004 reason…"} on the object
 * a finding concerns, or on a workload's pod template (and, for findings about a workload
 * reached through a policy or a Service, on that workload). The first word lists rule ids (comma
 * separated), the rest is the reason. A suppressed finding is still reported, as suppressed.
 */
public final class Suppressions {
    public static final String ANNOTATION = "stockade.dev/ignore";
    static final String NO_REASON = "no reason given";
    private static final FieldPath OWN = FieldPath.parse("metadata.annotations");

    private Suppressions() {}

    /** The reason when {@code object} (or its pod template) suppresses {@code ruleId}, else empty. */
    public static Optional<String> reason(RawObject object, String ruleId) {
        return values(object).map(v -> parse(v, ruleId)).flatMap(Optional::stream).findFirst();
    }

    /** Whether {@code object} (or its pod template) carries the annotation at all. */
    static boolean annotated(RawObject object) {
        return values(object).findAny().isPresent();
    }

    /** The annotation's values: on the object, then on its pod template. */
    private static Stream<String> values(RawObject object) {
        return Stream.of(OWN, PodTemplates.metadata(object.kind()).field("annotations"))
                .map(path -> object.at(path).flatMap(a -> a.string(ANNOTATION))).flatMap(Optional::stream);
    }

    static Optional<String> parse(String value, String ruleId) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        String ids = space < 0 ? trimmed : trimmed.substring(0, space);
        String reason = space < 0 ? "" : trimmed.substring(space + 1).strip();
        boolean listed = Arrays.stream(ids.split(",")).map(String::strip).anyMatch(ruleId::equals);
        return listed ? Optional.of(reason.isEmpty() ? NO_REASON : reason) : Optional.empty();
    }

}
