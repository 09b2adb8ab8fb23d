package dev.stockade.model;

/**
 * One entry of a rule's {@code from} or {@code to} list. The API allows exactly one of
 * ipBlock or selectors; with selectors, the cases are:
 * <ul>
 *   <li>{@link PodSelectorPeer}: podSelector alone — pods in the policy's own namespace;</li>
 *   <li>{@link NamespaceSelectorPeer}: namespaceSelector alone — all pods in matching namespaces;</li>
 *   <li>{@link NamespacePodSelectorPeer}: both — matching pods in matching namespaces (AND);</li>
 *   <li>{@link IpBlockPeer}: addresses in a CIDR minus exceptions.</li>
 * </ul>
 * Each peer carries where it was written, so verdicts can point at it.
 */
public sealed interface Peer {
    Source source();

    record PodSelectorPeer(LabelSelector pods, Source source) implements Peer {
        @Override
        public String toString() {
            return "podSelector " + pods;
        }
    }

    record NamespaceSelectorPeer(LabelSelector namespaces, Source source) implements Peer {
        @Override
        public String toString() {
            return "namespaceSelector " + namespaces;
        }
    }

    record NamespacePodSelectorPeer(LabelSelector namespaces, LabelSelector pods, Source source) implements Peer {
        @Override
        public String toString() {
            return "namespaceSelector " + namespaces + " and podSelector " + pods;
        }
    }

    record IpBlockPeer(IpBlock block, Source source) implements Peer {
        @Override
        public String toString() {
            return "ipBlock " + block;
        }
    }
}
