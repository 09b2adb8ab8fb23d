package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import java.util.List;
import java.util.Set;

/**
 * PSS011 (restricted): a volume whose source is outside the restricted profile's list
 * ({@code hostPath}, which baseline already forbids, is reported once, by PSS003).
 */
public final class RestrictedVolumes extends PodRule {
    static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "image");

    public RestrictedVolumes() {
        super("PSS011", "Volume type outside the restricted list", Severity.WARNING, List.of(Checklist.PSS),
                "A volume (spec.volumes[*]) uses a source the restricted profile does not allow. Allowed:"
                        + " configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected,"
                        + " secret. Other in-tree sources (hostPath, nfs, iscsi, rbd, …) bypass the PersistentVolume"
                        + " layer's controls. hostPath is reported by PSS003.",
                "Use a PersistentVolumeClaim (or one of the allowed sources) instead.", """
                volumes:
                - name: data
                  persistentVolumeClaim:
                    claimName: data
                """);
    }

    @Override
    void check(Pod pod) {
        List<RawNode> volumes = pod.at("volumes").map(RawNode::items).orElse(List.of());
        for (int i = 0; i < volumes.size(); i++) {
            for (String key : volumes.get(i).fields().keySet()) {
                if (!key.equals("name") && !key.equals("hostPath") && !ALLOWED.contains(key)) {
                    pod.report("volumes[" + i + "]." + key, "volume " + volumes.get(i).string("name")
                            .orElse(String.valueOf(i)) + " uses the restricted-forbidden source " + key);
                }
            }
        }
    }
}
