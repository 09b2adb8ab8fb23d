package dev.stockade.engine;

import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;

/** Label selector semantics (metav1.LabelSelector), evaluated on one label set. */
public final class Selectors {
    private Selectors() {}

    /** Whether {@code selector} selects {@code labels}: the rule is {@link LabelSelector#matches}, written once. */
    public static boolean matches(LabelSelector selector, Labels labels) {
        return selector.matches(labels);
    }
}
