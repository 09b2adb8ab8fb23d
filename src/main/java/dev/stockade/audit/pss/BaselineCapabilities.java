package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod.Container;
import dev.stockade.manifest.RawNode;
import java.util.List;
import java.util.Set;

/** PSS004 (baseline): a capability added beyond the baseline's list. */
public final class BaselineCapabilities extends PodRule {
    static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    public BaselineCapabilities() {
        super("PSS004", "Capability added beyond the baseline", Severity.ERROR, List.of(Checklist.PSS),
                "A container adds a Linux capability (securityContext.capabilities.add) outside the baseline's"
                        + " list: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,"
                        + " SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT. Capabilities such as SYS_ADMIN, NET_ADMIN"
                        + " or NET_RAW give the process powers over the node.",
                "Remove the capability from capabilities.add; drop ALL and add back only what the process needs.", """
                securityContext:
                  capabilities:
                    drop: ["ALL"]
                    add: ["NET_BIND_SERVICE"]   # only if it binds a port below 1024
                """);
    }

    @Override
    void check(Pod pod) {
        for (Container c : pod.containers()) {
            List<RawNode> add = c.at("securityContext.capabilities.add").map(RawNode::items).orElse(List.of());
            for (int i = 0; i < add.size(); i++) {
                String cap = add.get(i).text().orElse("");
                if (!ALLOWED.contains(cap)) {
                    pod.report(c.path("securityContext.capabilities.add[" + i + "]"),
                            c.describe() + " adds capability " + cap);
                }
            }
        }
    }
}
