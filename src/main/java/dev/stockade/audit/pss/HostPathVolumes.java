package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import java.util.List;

/** PSS003 (baseline): a {@code hostPath} volume. */
public final class HostPathVolumes extends PodRule {
    public HostPathVolumes() {
        super("PSS003", "hostPath volume", Severity.ERROR, List.of(Checklist.PSS),
                "A volume mounts a directory of the node (spec.volumes[*].hostPath): the pod can read or change"
                        + " the node's files, often a path to escaping the container. Baseline forbids hostPath.",
                "Use an emptyDir, a ConfigMap/Secret, or a PersistentVolumeClaim instead of hostPath.", """
                volumes:
                - name: data
                  emptyDir: {}   # instead of hostPath
                """);
    }

    @Override
    void check(Pod pod) {
        List<RawNode> volumes = pod.at("volumes").map(RawNode::items).orElse(List.of());
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).field("hostPath").isPresent()) {
                String path = PodRule.text(volumes.get(i), "hostPath.path").orElse("?");
                pod.report("volumes[" + i + "].hostPath", "volume " + volumes.get(i).string("name").orElse(String.valueOf(i))
                        + " mounts the host path " + path);
            }
        }
    }
}
