package dev.stockade.engine;

import dev.stockade.model.ContainerPort;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Pod;
import java.util.ArrayList;
import java.util.List;

/** What a rule's {@code ports} list admits towards one destination. */
public final class Ports {
    private Ports() {}

    /**
     * The ports a rule admits towards {@code destination}: every port when the list is empty;
     * numbers and ranges as written; a named port resolves to the destination's container ports
     * with that name AND the rule's protocol. A named port admits nothing towards an address
     * outside any pod ({@code destination == null}), or when the pod does not define it.
     */
    public static PortSet resolve(List<PolicyPort> ports, Pod destination) {
        if (ports.isEmpty()) {
            return PortSet.ALL;
        }
        PortSet s = PortSet.EMPTY;
        for (PolicyPort p : ports) {
            s = s.union(resolve(p, destination));
        }
        return s;
    }

    public static PortSet resolve(PolicyPort port, Pod destination) {
        return switch (port) {
            case PolicyPort.AllPorts a -> PortSet.allOf(a.protocol());
            case PolicyPort.PortRange r -> PortSet.of(r.protocol(), r.from(), r.to());
            case PolicyPort.NamedPort n -> {
                PortSet s = PortSet.EMPTY;
                if (destination != null) {
                    for (ContainerPort c : destination.ports()) {
                        if (c.name().equals(n.name()) && c.protocol() == n.protocol()) {
                            s = s.union(PortSet.of(c.protocol(), c.port()));
                        }
                    }
                }
                yield s;
            }
        };
    }

    /** The part of a ports list that does not depend on the destination (numbers, ranges). */
    public static PortSet numeric(List<PolicyPort> ports) {
        if (ports.isEmpty()) {
            return PortSet.ALL;
        }
        PortSet s = PortSet.EMPTY;
        for (PolicyPort p : ports) {
            if (!(p instanceof PolicyPort.NamedPort)) {
                s = s.union(resolve(p, null));
            }
        }
        return s;
    }

    public static List<PolicyPort.NamedPort> named(List<PolicyPort> ports) {
        List<PolicyPort.NamedPort> out = new ArrayList<>();
        for (PolicyPort p : ports) {
            if (p instanceof PolicyPort.NamedPort n) {
                out.add(n);
            }
        }
        return out;
    }
}
