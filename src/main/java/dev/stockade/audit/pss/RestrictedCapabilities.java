package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import dev.stockade.manifest.RawNode;
import java.util.List;

/**
 * PSS016 (restricted): a container that does not drop {@code ALL} capabilities, or adds one other
 * than {@code NET_BIND_SERVICE}. Capabilities outside the baseline's list are reported once, by
 * PSS004.
 */
public final class RestrictedCapabilities extends PodRule {
    public RestrictedCapabilities() {
        super("PSS016", "Capabilities not dropped", Severity.WARNING, List.of(Checklist.PSS),
                "Restricted requires every container (containers, initContainers, ephemeralContainers) to list"
                        + " ALL in securityContext.capabilities.drop, and allows capabilities.add to hold only"
                        + " NET_BIND_SERVICE (adds outside the baseline's list are reported by PSS004).",
                "Drop ALL capabilities and add back at most NET_BIND_SERVICE.", """
                securityContext:
                  capabilities:
                    drop: ["ALL"]
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            List<RawNode> drop = c.at("securityContext.capabilities.drop").map(RawNode::items).orElse(List.of());
            if (drop.stream().noneMatch(n -> n.text().orElse("").equals("ALL"))) {
                pod.report(c.path("securityContext.capabilities.drop"), c.describe() + " does not drop ALL capabilities");
            }
            List<RawNode> add = c.at("securityContext.capabilities.add").map(RawNode::items).orElse(List.of());
            for (int i = 0; i < add.size(); i++) {
                String cap = add.get(i).text().orElse("");
                if (!cap.equals("NET_BIND_SERVICE") && BaselineCapabilities.ALLOWED.contains(cap)) {
                    pod.report(c.path("securityContext.capabilities.add[" + i + "]"),
                            c.describe() + " adds capability " + cap);
                }
            }
        }
    }
}
