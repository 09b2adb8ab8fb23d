package dev.stockade.engine;

import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import java.util.Map;

/** Label selector semantics (metav1.LabelSelector), evaluated on one label set. */
public final class Selectors {
    private Selectors() {}

    /**
     * True when {@code labels} satisfy every matchLabels entry and every requirement:
     * {@code In} needs the key with one of the values; {@code NotIn} is satisfied when the key is
     * absent or its value is not listed; {@code Exists}/{@code DoesNotExist} test the key only.
     * The empty selector matches everything.
     */
    public static boolean matches(LabelSelector selector, Labels labels) {
        Map<String, String> m = labels.map();
        for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
            if (!e.getValue().equals(m.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelector.Requirement r : selector.matchExpressions()) {
            String v = m.get(r.key());
            boolean ok = switch (r.operator()) {
                case In -> v != null && r.values().contains(v);
                case NotIn -> v == null || !r.values().contains(v);
                case Exists -> v != null;
                case DoesNotExist -> v == null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
