package dev.stockade.audit.pss;

import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import java.util.List;
import java.util.Set;

/** PSS009 (baseline): a sysctl outside the safe set in {@code spec.securityContext.sysctls}. */
public final class UnsafeSysctls extends PodRule {
    static final Set<String> SAFE = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
            "net.ipv4.tcp_wmem", "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

    public UnsafeSysctls() {
        super("PSS009", "Unsafe sysctl", Severity.ERROR, List.of(Checklist.PSS),
                "The pod sets a sysctl (spec.securityContext.sysctls[*].name) outside the namespaced, safe set"
                        + " baseline allows: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,"
                        + " net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,"
                        + " net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout,"
                        + " net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem,"
                        + " net.ipv4.tcp_wmem, net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat.",
                "Remove the sysctl, or set it on the node if it is really needed.", """
                securityContext:
                  sysctls:
                  - name: net.ipv4.ip_local_port_range   # safe sysctls only
                    value: "1024 65535"
                """);
    }

    @Override
    void check(Pod pod) {
        List<RawNode> sysctls = pod.at("securityContext.sysctls").map(RawNode::items).orElse(List.of());
        for (int i = 0; i < sysctls.size(); i++) {
            String name = sysctls.get(i).string("name").orElse("");
            if (!SAFE.contains(name)) {
                pod.report("securityContext.sysctls[" + i + "].name", "sets the unsafe sysctl " + name);
            }
        }
    }
}
