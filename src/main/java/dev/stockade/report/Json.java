package dev.stockade.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Protocol;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Streaming JSON writing with two-space indentation and a final newline. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().replace("\" : ", "\": ") + "\n";
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
