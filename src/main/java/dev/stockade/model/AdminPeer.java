package dev.stockade.model;

import java.util.List;

/**
 * One entry of an admin rule's {@code from} or {@code to} list (exactly one field set):
 * <ul>
 *   <li>{@link Namespaces}: every pod of the matching namespaces;</li>
 *   <li>{@link Pods}: matching pods of matching namespaces;</li>
 *   <li>{@link Nodes} (egress only): the addresses in {@code status.addresses} of the matching
 *       Node objects, so also the host-network pods on those nodes;</li>
 *   <li>{@link Networks} (egress only): addresses in the CIDRs, pod addresses included (the API
 *       says cluster-internal traffic is checked against them too);</li>
 *   <li>{@link DomainNames} (egress, Allow only): names Stockade cannot resolve from manifests;
 *       they match no address, and a warning says so.</li>
 * </ul>
 * Pod and namespace peers never match host-network pods.
 */
public sealed interface AdminPeer {
    Source source();

    record Namespaces(LabelSelector namespaces, Source source) implements AdminPeer {
        @Override
        public String toString() {
            return "namespaces " + namespaces;
        }
    }

    record Pods(LabelSelector namespaces, LabelSelector pods, Source source) implements AdminPeer {
        @Override
        public String toString() {
            return "pods namespaceSelector " + namespaces + " podSelector " + pods;
        }
    }

    record Nodes(LabelSelector nodes, Source source) implements AdminPeer {
        @Override
        public String toString() {
            return "nodes " + nodes;
        }
    }

    record Networks(List<Cidr> cidrs, Source source) implements AdminPeer {
        public Networks {
            cidrs = List.copyOf(cidrs);
        }

        @Override
        public String toString() {
            return "networks " + String.join(", ", cidrs.stream().map(Cidr::toString).toList());
        }
    }

    record DomainNames(List<String> names, Source source) implements AdminPeer {
        public DomainNames {
            names = List.copyOf(names);
        }

        @Override
        public String toString() {
            return "domainNames " + String.join(", ", names);
        }
    }
}
