package dev.stockade.manifest;

import dev.stockade.model.Source;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a manifest as written: a scalar (its text, {@code null} for YAML null), a mapping
 * (fields in written order; keys are scalars) or a sequence, with where it starts. Immutable.
 */
public final class RawNode {
    /** The three YAML node shapes. */
    public enum Shape { SCALAR, MAPPING, SEQUENCE }

    private final Shape shape;
    private final String text;
    private final Map<String, RawNode> fields;
    private final Map<String, Source> keys;
    private final List<RawNode> items;
    private final Source source;

    private RawNode(Shape shape, String text, Map<String, RawNode> fields, Map<String, Source> keys,
                    List<RawNode> items, Source source) {
        this.shape = shape;
        this.text = text;
        this.fields = fields;
        this.keys = keys;
        this.items = items;
        this.source = source;
    }

    public static RawNode scalar(String text, Source source) {
        return new RawNode(Shape.SCALAR, text, Map.of(), Map.of(), List.of(), source);
    }

    /** A mapping; {@code keys} holds where each key is written (findings about a field point at its key). */
    public static RawNode mapping(Map<String, RawNode> fields, Map<String, Source> keys, Source source) {
        return new RawNode(Shape.MAPPING, null, Collections.unmodifiableMap(new LinkedHashMap<>(fields)),
                Collections.unmodifiableMap(new LinkedHashMap<>(keys)), List.of(), source);
    }

    public static RawNode sequence(List<RawNode> items, Source source) {
        return new RawNode(Shape.SEQUENCE, null, Map.of(), Map.of(), List.copyOf(items), source);
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

    /** The fields of a mapping, in written order (empty for other shapes). */
    public Map<String, RawNode> fields() {
        return fields;
    }

    /** The items of a sequence (empty for other shapes). */
    public List<RawNode> items() {
        return items;
    }

    public Optional<RawNode> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Where the key of a field is written, when the field is present. */
    public Optional<Source> keySource(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** The text of a scalar field, when present and not null. */
    public Optional<String> string(String name) {
        return field(name).flatMap(RawNode::text);
    }

    @Override
    public String toString() {
        return switch (shape) {
            case SCALAR -> String.valueOf(text);
            case MAPPING -> fields.toString();
            case SEQUENCE -> items.toString();
        };
    }
}
