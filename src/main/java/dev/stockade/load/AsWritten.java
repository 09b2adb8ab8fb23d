package dev.stockade.load;

import java.util.Set;

/**
 * Which objects a load keeps as written ({@link LoadResult#manifests()}): none (analysis needs only
 * the model), all (a settings file read for its one object), or the kinds Stockade reads into the
 * model and the kinds a caller names (audit names those its rules read). Keeping an object as
 * written costs a copy of its whole tree, so an object of a kind nobody reads costs only a count.
 */
public final class AsWritten {
    public static final AsWritten NONE = new AsWritten(false, false, Set.of());
    public static final AsWritten ALL = new AsWritten(true, true, Set.of());

    private final boolean any;
    private final boolean all;
    private final Set<String> kinds;

    private AsWritten(boolean any, boolean all, Set<String> kinds) {
        this.any = any;
        this.all = all;
        this.kinds = Set.copyOf(kinds);
    }

    /** The kinds the loader reads into the model, and {@code kinds}. */
    public static AsWritten modelKindsAnd(Set<String> kinds) {
        return new AsWritten(true, false, kinds);
    }

    /** Whether an object of {@code kind} is kept as written. */
    boolean keeps(String kind) {
        return all || (any && (KindSupport.isModelKind(kind) || kinds.contains(kind)));
    }
}
