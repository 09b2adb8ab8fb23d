package dev.stockade.audit;

import dev.stockade.manifest.FieldPath;

/**
 * Where a workload kind keeps its pod: a Pod is its own template; CronJob nests a Job
 * template; every other controller has {@code spec.template}.
 */
public final class PodTemplates {
    private PodTemplates() {}

    /** The template's root ({@code metadata} and {@code spec} live under it); the object itself for a Pod. */
    public static FieldPath template(String kind) {
        return switch (kind) {
            case "Pod" -> FieldPath.ROOT;
            case "CronJob" -> FieldPath.parse("spec.jobTemplate.spec.template");
            default -> FieldPath.parse("spec.template");
        };
    }

    /** The pod spec: {@code spec}, {@code spec.template.spec} or {@code spec.jobTemplate.spec.template.spec}. */
    public static FieldPath spec(String kind) {
        return template(kind).field("spec");
    }

    /** The pod template's metadata. */
    public static FieldPath metadata(String kind) {
        return template(kind).field("metadata");
    }
}
