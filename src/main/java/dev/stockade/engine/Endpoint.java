package dev.stockade.engine;

import dev.stockade.model.Workload;

/**
 * A node of the connectivity graph: a workload, a range of IP addresses ("External": what
 * any address in the range may send or receive; the ranges cover the whole IPv4 and IPv6 space,
 * pod IPs included), or the ingress controller through which routes enter ({@value
 * IngressController#ID}, kind {@value IngressController#KIND}). {@link #id()} is unique within
 * one analysis and is what outputs print.
 */
public sealed interface Endpoint {
    String id();

    /** The workload kind (the top owner), or {@code External}. */
    String kind();

    record WorkloadEndpoint(String id, Workload workload) implements Endpoint {
        @Override
        public String kind() {
            return workload.kind();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    record ExternalEndpoint(String id, IpRange range) implements Endpoint {
        @Override
        public String kind() {
            return "External";
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** The ingress controller: the source of what enters through Ingresses, Routes and Gateways. */
    record ControllerEndpoint() implements Endpoint {
        @Override
        public String id() {
            return IngressController.ID;
        }

        @Override
        public String kind() {
            return IngressController.KIND;
        }

        @Override
        public String toString() {
            return IngressController.ID;
        }
    }
}
