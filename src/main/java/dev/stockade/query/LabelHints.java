package dev.stockade.query;

import dev.stockade.model.EditDistance;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Did you mean" for a selector that matches nothing: each term that no label set satisfies on
 * its own, and whose key (or value) is one edit away from a key (or value) that exists.
 */
final class LabelHints {
    private LabelHints() {}

    static List<String> didYouMean(LabelSelector selector, List<Labels> existing) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Labels l : existing) {
            for (Map.Entry<String, String> e : l.map().entrySet()) {
                values.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue());
            }
        }
        List<String> hints = new ArrayList<>();
        for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (!values.containsKey(k)) {
                EditDistance.oneEditAway(k, values.keySet()).ifPresent(s -> hints.add(hint(s + "=" + v)));
            } else if (!values.get(k).contains(v)) {
                EditDistance.oneEditAway(v, values.get(k)).ifPresent(s -> hints.add(hint(k + "=" + s)));
            }
        }
        for (LabelSelector.Requirement r : selector.matchExpressions()) {
            requirement(r, values).ifPresent(s -> hints.add(hint(s.toString())));
        }
        return hints;
    }

    private static Optional<LabelSelector.Requirement> requirement(LabelSelector.Requirement r,
                                                                   Map<String, Set<String>> values) {
        boolean positive = r.operator() == LabelSelector.Operator.In || r.operator() == LabelSelector.Operator.Exists;
        if (!positive) {
            return Optional.empty();
        }
        if (!values.containsKey(r.key())) {
            return EditDistance.oneEditAway(r.key(), values.keySet())
                    .map(k -> new LabelSelector.Requirement(k, r.operator(), r.values()));
        }
        Set<String> known = values.get(r.key());
        if (r.operator() != LabelSelector.Operator.In || r.values().stream().anyMatch(known::contains)) {
            return Optional.empty();
        }
        List<String> fixed = new ArrayList<>();
        boolean changed = false;
        for (String v : r.values()) {
            Optional<String> s = EditDistance.oneEditAway(v, known);
            fixed.add(s.orElse(v));
            changed |= s.isPresent();
        }
        return changed ? Optional.of(new LabelSelector.Requirement(r.key(), r.operator(), fixed)) : Optional.empty();
    }

    private static String hint(String term) {
        return "did you mean " + term + "?";
    }
}
