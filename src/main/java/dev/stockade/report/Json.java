package dev.stockade.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Protocol;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Streaming JSON writing with two-space indentation and a final newline. Whatever a name holds,
 * the document is valid JSON in valid UTF-8 that a terminal shows safely: Jackson escapes C0
 * controls; DEL, C1 controls, invisible format characters (bidi overrides, zero-width characters),
 * U+2028/U+2029 and noncharacters are written as {@code \}{@code uXXXX} escapes too (the same
 * string to a JSON reader), and a lone surrogate, which neither UTF-8 nor a strict JSON reader
 * accepts, becomes U+FFFD.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            // "name": value, with no space before the colon (inside strings nothing is rewritten)
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return safe(w.toString()) + "\n";
    }

    /**
     * The document with what {@link TerminalText} finds unsafe escaped; outside strings a JSON
     * document holds only ASCII, and its only controls are the newlines of the layout.
     */
    static String safe(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); ) {
            int cp = json.codePointAt(i);
            int n = Character.charCount(cp);
            boolean lone = n == 1 && Character.isSurrogate(json.charAt(i));
            boolean unsafe = cp >= 0x7F && TerminalText.unsafe(cp, lone);
            if (unsafe && sb == null) {
                sb = new StringBuilder(json.length() + 16).append(json, 0, i);
            }
            if (sb != null) {
                if (lone) {
                    sb.append('\ufffd');
                } else if (unsafe) {
                    for (char c : Character.toChars(cp)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return sb == null ? json : sb.toString();
    }

    /** {@code {"TCP":["80","8000-8080"],"UDP":["53"]}}. */
    static void ports(JsonGenerator g, PortSet ports) throws IOException {
        g.writeStartObject();
        for (Map.Entry<Protocol, List<String>> e : ports.toRangeStrings().entrySet()) {
            g.writeArrayFieldStart(e.getKey().name());
            for (String r : e.getValue()) {
                g.writeString(r);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
