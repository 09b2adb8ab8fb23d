package dev.stockade.manifest;

import dev.stockade.model.Source;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a manifest as written: a scalar (its text, {@code null} for YAML null), a mapping
 * (fields in written order; keys are scalars) or a sequence, with where it starts. Immutable.
 */
public final class RawNode {
    /** The three YAML node shapes. */
    public enum Shape { SCALAR, MAPPING, SEQUENCE }

    private final Shape shape;
    private final String text;
    /** A mapping's keys, values and key positions, in written order: arrays, as an input may hold a million objects. */
    private final String[] names;
    private final RawNode[] values;
    private final Source[] keys;
    private final List<RawNode> items;
    private final Source source;
    /** Field name to index, made on first use for a mapping of more than a few fields. */
    private Map<String, Integer> index;

    private static final String[] NO_NAMES = {};
    private static final RawNode[] NO_VALUES = {};
    private static final Source[] NO_KEYS = {};

    private RawNode(Shape shape, String text, String[] names, RawNode[] values, Source[] keys, List<RawNode> items,
                    Source source) {
        this.shape = shape;
        this.text = text;
        this.names = names;
        this.values = values;
        this.keys = keys;
        this.items = items;
        this.source = source;
    }

    public static RawNode scalar(String text, Source source) {
        return new RawNode(Shape.SCALAR, text, NO_NAMES, NO_VALUES, NO_KEYS, List.of(), source);
    }

    /** A mapping; {@code keys} holds where each key is written (findings about a field point at its key). */
    public static RawNode mapping(Map<String, RawNode> fields, Map<String, Source> keys, Source source) {
        String[] names = fields.keySet().toArray(NO_NAMES);
        RawNode[] values = new RawNode[names.length];
        Source[] at = new Source[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = fields.get(names[i]);
            at[i] = keys.get(names[i]);
        }
        return new RawNode(Shape.MAPPING, null, names, values, at, List.of(), source);
    }

    public static RawNode sequence(List<RawNode> items, Source source) {
        return new RawNode(Shape.SEQUENCE, null, NO_NAMES, NO_VALUES, NO_KEYS, List.copyOf(items), source);
    }

    public Shape shape() {
        return shape;
    }

    public Source source() {
        return source;
    }

    /** The scalar's text; empty for mappings, sequences and null. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public boolean isMapping() {
        return shape == Shape.MAPPING;
    }

    public boolean isSequence() {
        return shape == Shape.SEQUENCE;
    }

    /** A scalar equal to {@code true} (the YAML 1.2 core schema spellings). */
    public boolean isTrue() {
        return shape == Shape.SCALAR && text != null && text.matches("true|True|TRUE");
    }

    /** The fields of a mapping, in written order (empty for other shapes): a view, not a copy. */
    public Map<String, RawNode> fields() {
        return names.length == 0 ? Map.of() : new FieldsView();
    }

    /** The mapping's fields as an unmodifiable map in written order. */
    private final class FieldsView extends AbstractMap<String, RawNode> {
        @Override
        public Set<Entry<String, RawNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, RawNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, RawNode> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return Map.entry(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public RawNode get(Object key) {
            int i = key instanceof String name ? indexOf(name) : -1;
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && indexOf(name) >= 0;
        }
    }

    /** The items of a sequence (empty for other shapes). */
    public List<RawNode> items() {
        return items;
    }

    public Optional<RawNode> field(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    /** Where the key of a field is written, when the field is present. */
    public Optional<Source> keySource(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.ofNullable(keys[i]);
    }

    /** The field's index, -1 when absent: a scan of a few keys, an index made once beyond. */
    private int indexOf(String name) {
        if (names.length > 8) {
            Map<String, Integer> at = index;
            if (at == null) {
                at = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    at.put(names[i], i);
                }
                at = Map.copyOf(at);
                index = at; // immutable, so safely seen by the rules' other threads
            }
            return at.getOrDefault(name, -1);
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The text of a scalar field, when present and not null. */
    public Optional<String> string(String name) {
        return field(name).flatMap(RawNode::text);
    }

    @Override
    public String toString() {
        return switch (shape) {
            case SCALAR -> String.valueOf(text);
            case MAPPING -> fields().toString();
            case SEQUENCE -> items.toString();
        };
    }
}
