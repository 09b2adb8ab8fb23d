package dev.stockade.audit.images;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import java.util.List;
import java.util.Optional;

/**
 * A rule over the image of every container (containers, initContainers, ephemeralContainers) of
 * every workload's pod template. Containers without an image, or whose image is not a valid
 * reference (a template left unrendered), are skipped.
 */
abstract class ImageRule extends Rule {
    ImageRule(String id, String title, Severity severity, List<String> checklist, String description,
              String remediation, String fix) {
        super(id, title, severity, checklist, description, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            for (WorkloadPod.Container c : pod.containers()) {
                String written = c.text("image").orElse("");
                ImageReference.parse(written).ifPresent(ref ->
                        check(new Image(context, this, pod, c, written, ref, report)));
            }
        }
    }

    /** Reports the findings about one container's image. */
    abstract void check(Image image);

    /** One container's image as written and parsed, with the means to report on the container's fields. */
    record Image(AuditContext context, Rule rule, WorkloadPod pod, WorkloadPod.Container container, String written,
                 ImageReference ref, Report report) {
        /** The container's {@code imagePullPolicy} as written, empty when it sets none. */
        Optional<String> pullPolicy() {
            return container.text("imagePullPolicy").filter(s -> !s.isEmpty());
        }

        /** Reports at a field of the container ({@code image}, {@code imagePullPolicy}). */
        void report(String field, String message) {
            report.add(pod.finding(context, rule, container.path(field), container.describe() + " " + message));
        }
    }
}
