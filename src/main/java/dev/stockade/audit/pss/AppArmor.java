package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PSS005 (baseline): AppArmor disabled, by the annotation
 * {@code container.apparmor.security.beta.kubernetes.io/*} (allowed: {@code runtime/default},
 * {@code localhost/*}, empty) or {@code securityContext.appArmorProfile.type} at pod or container
 * level (allowed: {@code RuntimeDefault}, {@code Localhost}).
 */
public final class AppArmor extends PodRule {
    private static final String PREFIX = "container.apparmor.security.beta.kubernetes.io/";
    private static final Set<String> TYPES = Set.of("RuntimeDefault", "Localhost");

    public AppArmor() {
        super("PSS005", "AppArmor profile overridden", Severity.ERROR, List.of(Checklist.PSS),
                "The pod or a container sets an AppArmor profile other than the runtime default or a localhost"
                        + " profile (Unconfined), turning off AppArmor's confinement. Baseline allows"
                        + " spec.securityContext.appArmorProfile.type and the containers' appArmorProfile.type only"
                        + " as RuntimeDefault, Localhost or undefined, and the annotations"
                        + " container.apparmor.security.beta.kubernetes.io/* only as runtime/default, localhost/* or"
                        + " empty.",
                "Remove the override, or use the runtime default profile.", """
                securityContext:
                  appArmorProfile:
                    type: RuntimeDefault
                """);
    }

    @Override
    void check(Pod pod) {
        for (Map.Entry<String, String> a : pod.annotations().entrySet()) {
            String v = a.getValue();
            if (a.getKey().startsWith(PREFIX) && !(v.isEmpty() || v.equals("runtime/default")
                    || v.startsWith("localhost/"))) {
                pod.reportAnnotation(a.getKey(), "AppArmor profile " + v + " for container "
                        + a.getKey().substring(PREFIX.length()));
            }
        }
        pod.text("securityContext.appArmorProfile.type").filter(t -> !TYPES.contains(t))
                .ifPresent(t -> pod.report("securityContext.appArmorProfile.type", "pod AppArmor profile is " + t));
        for (Container c : pod.containers()) {
            c.text("securityContext.appArmorProfile.type").filter(t -> !TYPES.contains(t))
                    .ifPresent(t -> pod.report(c.path("securityContext.appArmorProfile.type"),
                            c.describe() + " AppArmor profile is " + t));
        }
    }
}
