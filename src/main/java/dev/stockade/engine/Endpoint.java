package dev.stockade.engine;

import dev.stockade.model.Workload;

/**
 * A node of the connectivity graph: a workload, or a range of IP addresses ("External": what
 * any address in the range may send or receive; the ranges cover the whole IPv4 and IPv6 space,
 * pod IPs included). {@link #id()} is unique within one analysis and is what outputs print.
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
}
