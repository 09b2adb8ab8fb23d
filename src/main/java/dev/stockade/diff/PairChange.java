package dev.stockade.diff;

import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import java.util.List;

/**
 * A source/destination pair whose allowed connections differ between the two versions:
 * {@link Kind#ADDED} when nothing was allowed before, {@link Kind#REMOVED} when nothing is
 * allowed after, else {@link Kind#CHANGED}. {@code witnesses} holds one flow the change opened
 * and one it closed (whichever exist), each explained in both versions.
 */
public record PairChange(Endpoint src, Endpoint dst, PortSet before, PortSet after, List<Witness> witnesses) {
    /** What happened to the pair. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    public PairChange {
        if (before.equals(after)) {
            throw new IllegalArgumentException("not a change: " + src + " => " + dst + " : " + before);
        }
        witnesses = List.copyOf(witnesses);
    }

    public Kind kind() {
        return before.isEmpty() ? Kind.ADDED : after.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
    }

    /** What the change allows that was blocked before (may be empty). */
    public PortSet opened() {
        return after.subtract(before);
    }

    /** What the change blocks that was allowed before (may be empty). */
    public PortSet closed() {
        return before.subtract(after);
    }

    /** {@code + SRC => DST : TCP 80}, {@code - …}, {@code ~ SRC => DST : TCP 80 -> TCP 80,443}. */
    @Override
    public String toString() {
        String pair = src.id() + " => " + dst.id() + " : ";
        return switch (kind()) {
            case ADDED -> "+ " + pair + after;
            case REMOVED -> "- " + pair + before;
            case CHANGED -> "~ " + pair + before + " -> " + after;
        };
    }
}
