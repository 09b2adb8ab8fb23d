package dev.stockade.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A metav1.LabelSelector: {@code matchLabels} and {@code matchExpressions}, ANDed. The empty
 * selector ({@code {}}) selects everything; an absent selector is modelled by the caller
 * (e.g. a peer without a namespaceSelector), never by this type.
 */
public record LabelSelector(SortedMap<String, String> matchLabels, List<Requirement> matchExpressions) {
    private static final LabelSelector ALL = new LabelSelector(new TreeMap<>(), List.of());

    public LabelSelector {
        matchLabels = Collections.unmodifiableSortedMap(new TreeMap<>(matchLabels));
        matchExpressions = List.copyOf(matchExpressions);
    }

    /** {@code {}}: selects every object. */
    public static LabelSelector all() {
        return ALL;
    }

    public static LabelSelector matchLabels(Map<String, String> labels) {
        return new LabelSelector(new TreeMap<>(labels), List.of());
    }

    public static LabelSelector matchLabels(String... keyValues) {
        return matchLabels(Labels.of(keyValues).map());
    }

    public boolean selectsAll() {
        return matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /**
     * True when {@code labels} satisfy every matchLabels entry and every requirement:
     * {@code In} needs the key with one of the values; {@code NotIn} is satisfied when the key is
     * absent or its value is not listed; {@code Exists}/{@code DoesNotExist} test the key only.
     * The empty selector matches everything.
     */
    public boolean matches(Labels labels) {
        Map<String, String> m = labels.map();
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(m.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
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

    /** The operators of a label selector requirement. */
    public enum Operator {
        In, NotIn, Exists, DoesNotExist;

        public static Optional<Operator> parse(String s) {
            for (Operator o : values()) {
                if (o.name().equals(s)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One {@code matchExpressions} entry. In and NotIn need at least one value; Exists and
     * DoesNotExist take none (the API rejects anything else).
     */
    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            values = List.copyOf(values);
            boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("requirement key must not be empty");
            }
            if (needsValues == values.isEmpty()) {
                throw new IllegalArgumentException(operator + " " + (needsValues ? "needs values" : "takes no values"));
            }
        }

        @Override
        public String toString() {
            return switch (operator) {
                case In -> key + " in (" + String.join(",", values) + ")";
                case NotIn -> key + " notin (" + String.join(",", values) + ")";
                case Exists -> key;
                case DoesNotExist -> "!" + key;
            };
        }
    }

    /** kubectl's selector spelling: {@code app=web,tier in (a,b),!legacy}; {@code {}} for all. */
    @Override
    public String toString() {
        if (selectsAll()) {
            return "{}";
        }
        String labels = matchLabels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String exprs = matchExpressions.stream().map(Requirement::toString).collect(Collectors.joining(","));
        return labels.isEmpty() ? exprs : exprs.isEmpty() ? labels : labels + "," + exprs;
    }
}
