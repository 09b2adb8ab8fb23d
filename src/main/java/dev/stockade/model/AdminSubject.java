package dev.stockade.model;

/**
 * The pods an {@link AdminPolicy} applies to: every pod of the namespaces a selector matches, or
 * the pods a pod selector matches in those namespaces. Host-network pods are never subjects.
 */
public sealed interface AdminSubject {
    record Namespaces(LabelSelector namespaces) implements AdminSubject {
        @Override
        public String toString() {
            return "namespaces " + namespaces;
        }
    }

    record Pods(LabelSelector namespaces, LabelSelector pods) implements AdminSubject {
        @Override
        public String toString() {
            return "pods namespaceSelector " + namespaces + " podSelector " + pods;
        }
    }
}
