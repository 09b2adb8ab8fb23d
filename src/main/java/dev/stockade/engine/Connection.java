package dev.stockade.engine;

/** An allowed connection: {@code src} may open connections to {@code dst} on {@code allowed}. */
public record Connection(Endpoint src, Endpoint dst, PortSet allowed) {
    public Connection {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a connection allows something");
        }
    }

    /** {@code SRC => DST : TCP 80} — the text output's line. */
    @Override
    public String toString() {
        return src.id() + " => " + dst.id() + " : " + allowed;
    }
}
