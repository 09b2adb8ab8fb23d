package dev.stockade.model;

/**
 * A Gateway a Gateway API route asks to attach to ({@code spec.parentRefs[]}, kind Gateway).
 *
 * @param namespace the Gateway's namespace (the route's when not written)
 * @param sectionName the listener name, empty for every listener
 * @param port the listener port, 0 for every port
 */
public record ParentRef(String namespace, String name, String sectionName, int port, Source source) {
    public ParentRef {
        sectionName = sectionName == null ? "" : sectionName;
    }

    @Override
    public String toString() {
        return "Gateway " + namespace + "/" + name + (sectionName.isEmpty() ? "" : " listener " + sectionName)
                + (port == 0 ? "" : " port " + port);
    }
}
