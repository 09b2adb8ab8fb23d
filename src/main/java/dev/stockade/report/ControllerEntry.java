package dev.stockade.report;

import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.IngressController;
import dev.stockade.engine.Verdict;
import java.util.List;

/**
 * For {@code explain --from {ingress-controller}}: the routes that lead to the destination on the
 * flow's port. A pod pair is allowed only when a route leads to that destination pod and the
 * policies allow the flow from the controller's pod.
 *
 * @param paths the route paths to the destination's pods on the protocol and port
 * @param assumed the controller's pods are not in the input (one pod is assumed)
 * @param controller who the controller is
 */
public record ControllerEntry(List<EntrancePaths.Path> paths, boolean assumed, IngressController controller) {
    public ControllerEntry {
        paths = List.copyOf(paths);
    }

    /** Whether a route leads to the verdict's destination pod. */
    public boolean routed(Verdict v) {
        return paths.stream().anyMatch(p -> p.reaches(v.destination()));
    }

    /** A verdict counts as allowed: a route leads there and the policies allow it. */
    public boolean allowed(Verdict v) {
        return routed(v) && v.allowed();
    }

    /** {@code Ingress shop/web spec.rules[0]... (web.yaml:12) -> Service shop/web port 80 -> pod port 8080}. */
    static String text(EntrancePaths.Path p) {
        return p.route() + " " + p.backend().path() + " (" + p.backend().source().fileLine() + ") -> Service "
                + p.service() + " port " + (p.servicePort().name().isEmpty() ? Integer.toString(p.servicePort().port())
                : p.servicePort().name() + " (" + p.servicePort().port() + ")") + " -> pod " + p.pod().name()
                + " port " + p.port();
    }
}
