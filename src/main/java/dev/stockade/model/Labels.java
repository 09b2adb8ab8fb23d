package dev.stockade.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An immutable, sorted label map. {@link #toString()} spells it {@code a=1,b=2}. */
public record Labels(SortedMap<String, String> map) {
    public static final Labels EMPTY = new Labels(new TreeMap<>());

    public Labels {
        map = Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public static Labels of(Map<String, String> labels) {
        return labels.isEmpty() ? EMPTY : new Labels(new TreeMap<>(labels));
    }

    public static Labels of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Labels(m);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    /** A copy with one more label (replacing an existing value). */
    public Labels with(String key, String value) {
        TreeMap<String, String> m = new TreeMap<>(map);
        m.put(key, value);
        return new Labels(m);
    }

    @Override
    public String toString() {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
