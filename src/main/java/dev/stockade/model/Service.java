package dev.stockade.model;

import java.util.List;

/**
 * A Service (core v1): the pods its {@code spec.selector} matches in its namespace receive what is
 * sent to its ports. {@code type} NodePort and LoadBalancer (and {@code spec.externalIPs}) make
 * those pods reachable from outside the cluster; ExternalName Services have no pods.
 *
 * @param selector {@code spec.selector}; empty when absent or empty (the Service then selects no
 *     pods: its endpoints are managed by hand)
 * @param type ClusterIP (the default), NodePort, LoadBalancer or ExternalName
 */
public record Service(String namespace, String name, String type, Labels selector, List<ServicePort> ports,
                      List<String> externalIPs, Source source) {
    public static final String CLUSTER_IP = "ClusterIP";
    public static final String NODE_PORT = "NodePort";
    public static final String LOAD_BALANCER = "LoadBalancer";
    public static final String EXTERNAL_NAME = "ExternalName";

    public Service {
        type = type == null || type.isEmpty() ? CLUSTER_IP : type;
        selector = selector == null ? Labels.EMPTY : selector;
        ports = List.copyOf(ports);
        externalIPs = List.copyOf(externalIPs);
    }

    public ObjectRef ref() {
        return new ObjectRef("Service", namespace, name);
    }

    /** Whether the Service selects pods itself (a non-empty selector, not ExternalName). */
    public boolean selectsPods() {
        return !selector.map().isEmpty() && !type.equals(EXTERNAL_NAME);
    }

    /** Whether clients outside the cluster reach it: NodePort, LoadBalancer or external IPs. */
    public boolean external() {
        return selectsPods() && (type.equals(NODE_PORT) || type.equals(LOAD_BALANCER) || !externalIPs.isEmpty());
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
