package dev.stockade.model;

import java.util.Optional;

/**
 * One end of a connectivity expectation ({@code from} or {@code to} in an expectations file):
 * <ul>
 *   <li>{@link WorkloadRef}: one workload by {@code namespace/name} (a {@code [Kind]} suffix picks
 *       one kind when two share the name);</li>
 *   <li>{@link SelectorForm}: every workload matched by an exact namespace, a namespaceSelector on
 *       namespace labels and a podSelector on pod labels, ANDed (an absent part matches all);</li>
 *   <li>{@link CidrForm}: the external addresses of a CIDR, minus optional exceptions (an ipBlock).</li>
 * </ul>
 * {@link #toString()} is the spelling reports use.
 */
public sealed interface EndpointSelector {

    /** {@code namespace/name}, or {@code namespace/name[Kind]} when {@code kind} is not empty. */
    record WorkloadRef(String namespace, String name, String kind) implements EndpointSelector {
        public WorkloadRef {
            kind = kind == null ? "" : kind;
            if (namespace == null || namespace.isEmpty() || name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a workload reference needs a namespace and a name");
            }
            if (namespace.contains("/") || name.contains("/")) {
                throw new IllegalArgumentException("namespace and name may not contain '/'");
            }
        }

        public static WorkloadRef of(String namespace, String name) {
            return new WorkloadRef(namespace, name, "");
        }

        @Override
        public String toString() {
            return namespace + "/" + name + (kind.isEmpty() ? "" : "[" + kind + "]");
        }
    }

    /**
     * Workloads in {@code namespace} (any namespace when absent) whose namespace labels match
     * {@code namespaceSelector} and of which some pod's labels match {@code podSelector}; at least
     * one part is present.
     */
    record SelectorForm(Optional<String> namespace, Optional<LabelSelector> namespaceSelector,
                        Optional<LabelSelector> podSelector) implements EndpointSelector {
        public SelectorForm {
            if (namespace.isEmpty() && namespaceSelector.isEmpty() && podSelector.isEmpty()) {
                throw new IllegalArgumentException("a selector needs namespace, namespaceSelector or podSelector");
            }
            if (namespace.isPresent() && namespace.get().isEmpty()) {
                throw new IllegalArgumentException("empty namespace");
            }
        }

        /** {@code {namespace: prod, namespaceSelector: env=prod, podSelector: app=web}}, absent parts left out. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            namespace.ifPresent(n -> sb.append("namespace: ").append(n));
            namespaceSelector.ifPresent(s -> sb.append(sb.length() > 1 ? ", " : "").append("namespaceSelector: ").append(s));
            podSelector.ifPresent(s -> sb.append(sb.length() > 1 ? ", " : "").append("podSelector: ").append(s));
            return sb.append('}').toString();
        }
    }

    /** External addresses in an ipBlock: {@code 10.0.0.0/8} or {@code 0.0.0.0/0 except 10.0.0.0/8}. */
    record CidrForm(IpBlock block) implements EndpointSelector {
        public CidrForm {
            for (Cidr e : block.except()) {
                if (!block.cidr().contains(e) || e.equals(block.cidr())) {
                    throw new IllegalArgumentException(e + " is not strictly inside " + block.cidr());
                }
            }
        }

        @Override
        public String toString() {
            return block.toString();
        }
    }
}
