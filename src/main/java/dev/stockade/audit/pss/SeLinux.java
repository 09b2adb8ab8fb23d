package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import dev.stockade.manifest.RawNode;
import java.util.List;
import java.util.Set;

/**
 * PSS006 (baseline): custom SELinux options: {@code seLinuxOptions.type} other than the container
 * types, or {@code user}/{@code role} set, at pod or container level.
 */
public final class SeLinux extends PodRule {
    private static final Set<String> TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    public SeLinux() {
        super("PSS006", "Custom SELinux options", Severity.ERROR, List.of(Checklist.PSS),
                "The pod or a container sets SELinux options that can escape confinement. Baseline allows"
                        + " seLinuxOptions.type (spec.securityContext and every container's securityContext) only"
                        + " undefined, empty, container_t, container_init_t, container_kvm_t or container_engine_t,"
                        + " and seLinuxOptions.user and .role only undefined or empty.",
                "Remove seLinuxOptions.user and .role, and use a container type (or none).", """
                securityContext:
                  seLinuxOptions:
                    type: container_t   # no user, no role
                """);
    }

    @Override
    void check(Pod pod) {
        pod.at("securityContext.seLinuxOptions").ifPresent(o -> check(pod, o, "securityContext.seLinuxOptions", "pod"));
        for (Container c : pod.containers()) {
            c.at("securityContext.seLinuxOptions")
                    .ifPresent(o -> check(pod, o, c.path("securityContext.seLinuxOptions"), c.describe()));
        }
    }

    private static void check(Pod pod, RawNode opts, String base, String who) {
        opts.string("type").filter(t -> !TYPES.contains(t))
                .ifPresent(t -> pod.report(base + ".type", who + " SELinux type is " + t));
        for (String f : List.of("user", "role")) {
            opts.string(f).filter(v -> !v.isEmpty())
                    .ifPresent(v -> pod.report(base + "." + f, who + " sets SELinux " + f + " " + v));
        }
    }
}
