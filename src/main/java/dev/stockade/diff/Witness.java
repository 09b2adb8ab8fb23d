package dev.stockade.diff;

import dev.stockade.model.Protocol;

/**
 * One flow (protocol, destination port) of a pair's changed ports, decided in both versions:
 * what the change opened ({@code after} allows it, {@code before} does not) or closed.
 * {@link #toString()} is {@code TCP 9090}.
 */
public record Witness(Protocol protocol, int port, Decision before, Decision after) {
    public Witness {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** True when the change opened this flow (false: closed it). */
    public boolean opened() {
        return after.allowed() && !before.allowed();
    }

    @Override
    public String toString() {
        return protocol + " " + port;
    }
}
