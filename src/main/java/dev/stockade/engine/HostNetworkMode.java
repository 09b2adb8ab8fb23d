package dev.stockade.engine;

import dev.stockade.model.Pod;
import java.util.Locale;
import java.util.Optional;

/**
 * How pods with {@code spec.hostNetwork: true} stand with respect to policies. The
 * NetworkPolicy documentation leaves it to the network plugin: it may not tell their traffic
 * from the node's (most plugins), or it may tell them apart and police them like any other pod.
 * Either way an ipBlock (or an admin networks or nodes peer) matches their IP when it is known.
 */
public enum HostNetworkMode {
    /**
     * Host-network pods are node traffic: NetworkPolicies neither isolate them nor match them
     * with pod or namespace selectors, and admin policies neither select them as subjects nor
     * match them with pod or namespace peers.
     */
    NODE("host-network pods are node traffic"),
    /** Host-network pods are policed as pods: subjects and selector peers like any other pod. */
    POD("host-network pods are policed as pods");

    public static final HostNetworkMode DEFAULT = NODE;

    private final String description;

    HostNetworkMode(String description) {
        this.description = description;
    }

    /** Whether policies select {@code pod} as a subject and match it with pod or namespace selectors. */
    public boolean selectable(Pod pod) {
        return this == POD || !pod.hostNetwork();
    }

    /** How outputs name the mode. */
    public String describe() {
        return description;
    }

    /** The value {@code --host-network} and the JSON outputs spell: {@code node} or {@code pod}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a flag value names (case-insensitive), if any. */
    public static Optional<HostNetworkMode> parse(String text) {
        for (HostNetworkMode m : values()) {
            if (m.flag().equalsIgnoreCase(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
