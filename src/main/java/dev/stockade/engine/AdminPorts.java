package dev.stockade.engine;

import dev.stockade.model.AdminPort;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.Pod;
import java.util.List;

/** What an admin rule's ports admit towards one destination. */
public final class AdminPorts {
    private AdminPorts() {}

    /**
     * The ports an admin rule matches towards {@code destination}: every port of every protocol
     * when the rule lists none; numbers and ranges as written; a name matches the destination's
     * container ports of that name, whatever their protocol, and nothing towards an address
     * outside the pods ({@code destination == null}).
     */
    public static PortSet resolve(List<AdminPort> ports, Pod destination) {
        if (ports.isEmpty()) {
            return PortSet.ALL;
        }
        PortSet s = PortSet.EMPTY;
        for (AdminPort p : ports) {
            s = s.union(resolve(p, destination));
        }
        return s;
    }

    public static PortSet resolve(AdminPort port, Pod destination) {
        return switch (port) {
            case AdminPort.Number n -> PortSet.of(n.protocol(), n.port());
            case AdminPort.Range r -> PortSet.of(r.protocol(), r.start(), r.end());
            case AdminPort.Named n -> {
                PortSet s = PortSet.EMPTY;
                if (destination != null) {
                    for (ContainerPort c : destination.ports()) {
                        if (c.name().equals(n.name())) {
                            s = s.union(PortSet.of(c.protocol(), c.port()));
                        }
                    }
                }
                yield s;
            }
        };
    }

    /** The part of a ports list that does not depend on the destination (numbers, ranges). */
    static PortSet numeric(List<AdminPort> ports) {
        if (ports.isEmpty()) {
            return PortSet.ALL;
        }
        PortSet s = PortSet.EMPTY;
        for (AdminPort p : ports) {
            if (!(p instanceof AdminPort.Named)) {
                s = s.union(resolve(p, null));
            }
        }
        return s;
    }
}
