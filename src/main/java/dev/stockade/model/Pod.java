package dev.stockade.model;

import java.util.List;

/**
 * A pod as policies see it: namespace, labels, container ports, IPs (empty when unknown) and
 * whether it uses the host network. It comes either from a Pod object or from a workload's pod
 * template ({@code name} is then the workload's name).
 */
public record Pod(
        String namespace,
        String name,
        Labels labels,
        List<ContainerPort> ports,
        List<IpAddress> ips,
        boolean hostNetwork,
        Source source) {

    public Pod {
        ports = List.copyOf(ports);
        ips = List.copyOf(ips);
    }

    public static Pod of(String namespace, String name, Labels labels, ContainerPort... ports) {
        return new Pod(namespace, name, labels, List.of(ports), List.of(), false, Source.UNKNOWN);
    }

    public Pod withIps(List<IpAddress> newIps) {
        return new Pod(namespace, name, labels, ports, newIps, hostNetwork, source);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
