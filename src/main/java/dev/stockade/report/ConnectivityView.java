package dev.stockade.report;

import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The part of a {@link Connectivity} a user asked to see ({@code -n}, {@code --focus}): the
 * connections with at least one end of interest, and the endpoints of interest plus those the
 * kept connections touch.
 */
public record ConnectivityView(Connectivity connectivity, List<Endpoint> endpoints, List<Connection> connections) {

    public static ConnectivityView all(Connectivity c) {
        return new ConnectivityView(c, c.endpoints(), c.connections());
    }

    /** Keeps connections where either end satisfies {@code interesting}. */
    public static ConnectivityView filtered(Connectivity c, Predicate<Endpoint> interesting) {
        List<Connection> kept = c.connections().stream()
                .filter(x -> interesting.test(x.src()) || interesting.test(x.dst())).toList();
        Set<Endpoint> touched = new HashSet<>();
        for (Connection x : kept) {
            touched.add(x.src());
            touched.add(x.dst());
        }
        Set<Endpoint> eps = new LinkedHashSet<>();
        for (Endpoint e : c.endpoints()) {
            if (interesting.test(e) || touched.contains(e)) {
                eps.add(e);
            }
        }
        return new ConnectivityView(c, List.copyOf(eps), kept);
    }
}
