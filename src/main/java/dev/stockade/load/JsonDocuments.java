package dev.stockade.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * An input that kubectl reads as JSON: its first character after whitespace is <code>{</code>
 * (or <code>[</code>). kubectl then decodes it with Go's JSON decoder, which is strict: no
 * comments, no trailing commas, no single quotes, no unquoted keys, no {@code NaN}, no leading
 * zeros; one or more values, one after another. Each value is built into the same node tree a
 * YAML document makes (strings quoted, numbers, booleans and null with their tags, every node with
 * its line and column), so everything after reads JSON and YAML alike. Nesting deeper than
 * {@code limit} levels is refused before the tree is built deeper.
 */
final class JsonDocuments {
    /** Thrown at the first problem; the message is what users read. */
    static final class Problem extends RuntimeException {
        private final int line;
        private final int column;

        Problem(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private final String name;
    private final String text;
    private final JsonParser parser;
    private final int limit;

    JsonDocuments(String name, String text, int limit) {
        this.name = name;
        this.text = text;
        this.limit = limit;
        try {
            this.parser = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether kubectl reads {@code text} as JSON: its first character after whitespace is
     * <code>{</code> (kubectl's own test; a byte order mark is not whitespace to it, so such a
     * file is YAML), or <code>[</code>, which no YAML manifest starts with either.
     */
    static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** The next value of the input as a node tree, or null at its end. */
    Node next() {
        try {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(first);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw problem(e.getOriginalMessage(), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new Problem("JSON error: " + e.getMessage(), 0, 0);
        }
    }

    /** The value that starts with {@code token}, built without recursion. */
    private Node value(JsonToken token) throws IOException {
        Deque<Node> open = new ArrayDeque<>();
        Deque<ScalarNode> keys = new ArrayDeque<>();
        JsonToken t = token;
        while (true) {
            Node done = null;
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= limit) {
                        Mark m = mark();
                        throw new Problem("JSON nesting is deeper than " + limit
                                + " levels (expected a Kubernetes manifest)", m.getLine() + 1, m.getColumn() + 1);
                    }
                    open.push(t == JsonToken.START_OBJECT
                            ? new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.FLOW, at(), Optional.empty())
                            : new SequenceNode(Tag.SEQ, true, new ArrayList<>(), FlowStyle.FLOW, at(), Optional.empty()));
                }
                case FIELD_NAME -> keys.push(scalar(Tag.STR, parser.currentName(), ScalarStyle.DOUBLE_QUOTED));
                case END_OBJECT, END_ARRAY -> done = open.pop();
                case VALUE_STRING -> done = scalar(Tag.STR, parser.getText(), ScalarStyle.DOUBLE_QUOTED);
                case VALUE_NUMBER_INT -> done = scalar(Tag.INT, parser.getText(), ScalarStyle.PLAIN);
                case VALUE_NUMBER_FLOAT -> done = scalar(Tag.FLOAT, parser.getText(), ScalarStyle.PLAIN);
                case VALUE_TRUE, VALUE_FALSE -> done = scalar(Tag.BOOL, parser.getText(), ScalarStyle.PLAIN);
                case VALUE_NULL -> done = scalar(Tag.NULL, "null", ScalarStyle.PLAIN);
                default -> throw new Problem("JSON syntax error: unexpected " + t, 0, 0);
            }
            if (done != null) {
                Node parent = open.peek();
                if (parent == null) {
                    return done;
                }
                if (parent instanceof MappingNode m) {
                    m.getValue().add(new NodeTuple(keys.pop(), done));
                } else {
                    ((SequenceNode) parent).getValue().add(done);
                }
            }
            t = parser.nextToken();
        }
    }

    private ScalarNode scalar(Tag tag, String value, ScalarStyle style) {
        Optional<Mark> at = at();
        return new ScalarNode(tag, true, value, style, at, at);
    }

    private Optional<Mark> at() {
        return Optional.of(mark());
    }

    /** Where the current token starts (the composer's marks count lines and columns from 0). */
    private Mark mark() {
        JsonLocation l = parser.currentTokenLocation();
        return new Mark(name, (int) Math.max(0, l.getCharOffset()), l.getLineNr() - 1, l.getColumnNr() - 1,
                new int[0], 0);
    }

    /**
     * The parser's complaint, said in the terms of JSON as kubectl reads it; the common mistakes
     * (a comment, a trailing comma, single quotes, a key without quotes, NaN) by name, at the
     * character that is wrong.
     */
    private Problem problem(String message, int line, int column) {
        String m = message == null ? "" : message;
        int index = index(line, column);
        // the parser points after a word it does not know (NaN, tru) and into a number: back to their start
        String word = m.matches("(?s)(Non-standard|Unrecognized) token '.*") ? m.substring(m.indexOf('\'') + 1,
                Math.max(m.indexOf('\'') + 1, m.indexOf('\'', m.indexOf('\'') + 1))) : null;
        if (word != null && index >= word.length()) {
            index -= word.length();
        } else if (m.contains("numeric value")) {
            while (index > 0 && index <= text.length() && "-+.0123456789eE".indexOf(text.charAt(index - 1)) >= 0) {
                index--;
            }
        }
        int[] at = index >= 0 && index <= text.length() ? lineColumn(index) : new int[] {line, column};
        char c = index >= 0 && index < text.length() ? text.charAt(index) : 0;
        if (c == '/' || c == '#') {
            return new Problem("JSON syntax error: comments are not allowed in JSON", at[0], at[1]);
        }
        if (c == '}' || c == ']') {
            int comma = previousNonBlank(index);
            if (comma >= 0 && text.charAt(comma) == ',') {
                int[] lc = lineColumn(comma);
                return new Problem("JSON syntax error: trailing comma before " + c + " (not allowed in JSON)", lc[0],
                        lc[1]);
            }
        }
        if (c == '\'') {
            return new Problem("JSON syntax error: single quotes are not allowed in JSON (expected a string in"
                    + " double quotes)", at[0], at[1]);
        }
        if (text.startsWith("---", index)) {
            return new Problem("JSON syntax error: a YAML document separator --- in JSON (kubectl reads an input that"
                    + " starts with { as JSON only; write the YAML documents in another file)", at[0], at[1]);
        }
        if (m.contains("start field name")) {
            return new Problem("JSON syntax error: expected a key in double quotes, found " + found(index), at[0],
                    at[1]);
        }
        if (word != null && (word.contains("NaN") || word.contains("Infinity"))) {
            return new Problem("JSON syntax error: " + found(index) + " is not a JSON number", at[0], at[1]);
        }
        if (word != null || m.contains("expected a valid value")) {
            return new Problem("JSON syntax error: unexpected " + found(index) + " (expected a JSON value: a string in"
                    + " double quotes, a number, an object, a list, true, false or null)", at[0], at[1]);
        }
        if (m.contains("end-of-input")) {
            return new Problem("JSON syntax error: the input ends inside a value (expected its closing } or ] or \")",
                    line, column);
        }
        if (m.contains("Leading zeroes")) {
            return new Problem("JSON syntax error: " + found(index) + " starts with 0 (a JSON number may not)", at[0],
                    at[1]);
        }
        String first = m.lines().findFirst().orElse("").replaceAll("\\s+", " ").trim();
        return new Problem("JSON syntax error: " + Quote.words(first), at[0], at[1]);
    }

    /** The word at {@code index} (letters, digits and a few marks), quoted, or the character there. */
    private String found(int index) {
        if (index < 0 || index >= text.length()) {
            return "the end of the input";
        }
        int end = index;
        while (end < text.length() && end - index < 40 && (Character.isLetterOrDigit(text.charAt(end))
                || "_-.+".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return Quote.of(end == index ? text.substring(index, index + 1) : text.substring(index, end));
    }

    /** The index of a 1-based line and column of the text, -1 when it is not in the text. */
    private int index(int line, int column) {
        if (line < 1 || column < 1) {
            return -1;
        }
        int i = 0;
        for (int l = 1; l < line; l++) {
            i = text.indexOf('\n', i);
            if (i < 0) {
                return -1;
            }
            i++;
        }
        return i + column - 1;
    }

    private int[] lineColumn(int index) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, index - start + 1};
    }

    private int previousNonBlank(int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    String name() {
        return name;
    }
}
