package dev.stockade.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A field path as Kubernetes validation spells it: {@code spec.template.spec.containers[0].ports[1].hostPort}.
 * Steps are field names and {@code [i]} indexes; a field name with dots (an annotation key) is
 * written in brackets and quotes: {@code metadata.annotations["stockade.dev/ignore"]}.
 */
public record FieldPath(List<Object> steps) {
    public FieldPath {
        steps = List.copyOf(steps);
        for (Object s : steps) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("a step is a field name or an index: " + s);
            }
        }
    }

    public static final FieldPath ROOT = new FieldPath(List.of());

    /** Parses the spelling of {@link #toString()}. */
    public static FieldPath parse(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in " + path);
                }
                String inner = path.substring(i + 1, end);
                if (inner.startsWith("\"")) {
                    end = path.indexOf("\"]", i + 2);
                    steps.add(path.substring(i + 2, end));
                    end++;
                } else {
                    steps.add(Integer.parseInt(inner));
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return new FieldPath(steps);
    }

    public FieldPath field(String name) {
        List<Object> s = new ArrayList<>(steps);
        s.add(name);
        return new FieldPath(s);
    }

    public FieldPath index(int i) {
        List<Object> s = new ArrayList<>(steps);
        s.add(i);
        return new FieldPath(s);
    }

    /** Appends a relative path such as {@code containers[0].image}. */
    public FieldPath then(String relative) {
        List<Object> s = new ArrayList<>(steps);
        s.addAll(parse(relative).steps());
        return new FieldPath(s);
    }

    /** Whether a field name can be written bare: letters, digits, '_' and '-' only. */
    private static boolean plain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : steps) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (plain((String) s)) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(s);
            } else {
                sb.append("[\"").append(s).append("\"]");
            }
        }
        return sb.toString();
    }
}
