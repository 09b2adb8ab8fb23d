package dev.stockade.audit.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The controls of the Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards),
 * baseline and restricted, each with the rules that check its fields. Host network and host ports
 * are checked by the network rules (they also bypass NetworkPolicies), so those controls name them.
 */
public final class PodSecurityControls {
    private static final String BASELINE = "Baseline";
    private static final String RESTRICTED = "Restricted";
    private static final String SOURCE = "Pod Security Standards (Kubernetes v1.35)";

    private PodSecurityControls() {}

    public static Framework baseline() {
        return new Framework("pss-baseline", "Pod Security Standards: baseline", SOURCE, baselineControls());
    }

    /** Restricted includes every baseline control. */
    public static Framework restricted() {
        List<Control> controls = new ArrayList<>(baselineControls());
        controls.add(control("volume-types", RESTRICTED, "Volume Types", "PSS011"));
        controls.add(control("privilege-escalation", RESTRICTED, "Privilege Escalation", "PSS012"));
        controls.add(control("running-as-non-root", RESTRICTED, "Running as Non-root", "PSS013"));
        controls.add(control("running-as-non-root-user", RESTRICTED, "Running as Non-root user", "PSS014"));
        controls.add(control("seccomp-restricted", RESTRICTED, "Seccomp", "PSS015"));
        controls.add(control("capabilities-restricted", RESTRICTED, "Capabilities", "PSS016"));
        controls.add(control("proc-mount-restricted", RESTRICTED, "/proc Mount Type (user namespaces)", "PSS020"));
        return new Framework("pss-restricted", "Pod Security Standards: restricted", SOURCE, controls);
    }

    private static List<Control> baselineControls() {
        return List.of(
                control("host-process", BASELINE, "HostProcess", "PSS010"),
                control("host-namespaces", BASELINE, "Host Namespaces", "NET016", "PSS002"),
                control("privileged", BASELINE, "Privileged Containers", "PSS001"),
                control("capabilities", BASELINE, "Capabilities", "PSS004"),
                control("host-path", BASELINE, "HostPath Volumes", "PSS003"),
                control("host-ports", BASELINE, "Host Ports", "NET017"),
                control("host-probes", BASELINE, "Host Probes / Lifecycle Hooks", "PSS019"),
                control("apparmor", BASELINE, "AppArmor", "PSS005"),
                control("selinux", BASELINE, "SELinux", "PSS006"),
                control("proc-mount", BASELINE, "/proc Mount Type", "PSS007"),
                control("seccomp", BASELINE, "Seccomp", "PSS008"),
                control("sysctls", BASELINE, "Sysctls", "PSS009"),
                new Control("enforced", "Admission", "Namespaces enforce a standard (pod-security.kubernetes.io/enforce)",
                        List.of("PSS018"), null, false));
    }

    private static Control control(String id, String level, String title, String... rules) {
        return new Control(id, level, title, List.of(rules), null, true);
    }
}
