package dev.stockade.audit;

import dev.stockade.manifest.FieldPath;

/**
 * Where a workload kind keeps its pod: a Pod is its own template; CronJob nests a Job
 * template; every other controller has {@code spec.template}.
 */
public final class PodTemplates {
    private static final FieldPath CRON_JOB = FieldPath.parse("spec.jobTemplate.spec.template");
    private static final FieldPath CONTROLLER = FieldPath.parse("spec.template");
    // asked for every finding about a workload (tens of thousands on a large cluster): built once
    private static final FieldPath POD_SPEC = FieldPath.ROOT.field("spec");
    private static final FieldPath CRON_JOB_SPEC = CRON_JOB.field("spec");
    private static final FieldPath CONTROLLER_SPEC = CONTROLLER.field("spec");
    private static final FieldPath POD_METADATA = FieldPath.ROOT.field("metadata");
    private static final FieldPath CRON_JOB_METADATA = CRON_JOB.field("metadata");
    private static final FieldPath CONTROLLER_METADATA = CONTROLLER.field("metadata");

    private PodTemplates() {}

    /** The template's root ({@code metadata} and {@code spec} live under it); the object itself for a Pod. */
    public static FieldPath template(String kind) {
        return switch (kind) {
            case "Pod" -> FieldPath.ROOT;
            case "CronJob" -> CRON_JOB;
            default -> CONTROLLER;
        };
    }

    /** The pod spec: {@code spec}, {@code spec.template.spec} or {@code spec.jobTemplate.spec.template.spec}. */
    public static FieldPath spec(String kind) {
        return switch (kind) {
            case "Pod" -> POD_SPEC;
            case "CronJob" -> CRON_JOB_SPEC;
            default -> CONTROLLER_SPEC;
        };
    }

    /** The pod template's metadata. */
    public static FieldPath metadata(String kind) {
        return switch (kind) {
            case "Pod" -> POD_METADATA;
            case "CronJob" -> CRON_JOB_METADATA;
            default -> CONTROLLER_METADATA;
        };
    }
}
