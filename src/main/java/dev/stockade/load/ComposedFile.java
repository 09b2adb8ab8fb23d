package dev.stockade.load;

import dev.stockade.model.Source;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One input parsed into YAML node trees (with positions), plus the file-level problems met on
 * the way. Pure and thread-safe, so files can be composed in parallel and read in order.
 *
 * @param documents the documents composed before any syntax error
 * @param problems file-level diagnostics (syntax errors, limits, encoding, emptiness)
 * @param read whether a file (or standard input) was read, as opposed to a notice about a path
 */
record ComposedFile(String name, List<Node> documents, List<Diagnostic> problems, boolean read) {

    ComposedFile(String name, List<Node> documents, List<Diagnostic> problems) {
        this(name, documents, problems, true);
    }

    static ComposedFile failed(String name, String message) {
        return new ComposedFile(name, List.of(), List.of(
                new Diagnostic(Diagnostic.Severity.ERROR, new Source(name, 0, 0), "", "", message)));
    }

    /** A warning about an input path that yields no file (an empty directory). */
    static ComposedFile notice(String path, String message) {
        return new ComposedFile(path, List.of(), List.of(
                new Diagnostic(Diagnostic.Severity.WARNING, new Source(path, 0, 0), "", "", message)), false);
    }

    static ComposedFile of(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return failed(name, "file is UTF-16 text (expected UTF-8; save it as UTF-8)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = 1 + before.codePointCount(before.lastIndexOf('\n') + 1, before.length());
            return new ComposedFile(name, List.of(), List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                    new Source(name, line, column), "", "", String.format("file is not UTF-8 text: byte 0x%02X"
                    + " is not valid here (expected a YAML or JSON manifest in UTF-8)", bytes[in.position()] & 0xFF))));
        }
        out.flip();
        return of(name, out.toString());
    }

    static ComposedFile of(String name, String text) {
        Diagnostics problems = new Diagnostics();
        List<Node> docs = new ArrayList<>();
        if (text.isBlank()) {
            problems.warning(new Source(name, 1, 1), "", "", "file is empty (no objects)");
            return new ComposedFile(name, docs, problems.list());
        }
        // The core schema, as YAML 1.2 defines it: ~ and Null are null, True is a boolean, 0x50 a number
        // (decided without regular expressions, and without the library's environment-variable tag).
        LoadSettings settings = LoadSettings.builder().setLabel(name).setUseMarks(true).setSchema(new CoreSchema())
                .setMaxAliasesForCollections(Loader.MAX_ALIASES).setAllowRecursiveKeys(false)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Loader.MAX_FILE_BYTES)).build();
        // an alias is written *name: text without '*' has none, and needs no expansion check
        boolean mayAlias = text.indexOf('*') >= 0;
        try {
            for (Node root : new Compose(settings).composeAllFromString(text)) {
                if (ObjectReader.isNull(root)) {
                    continue;
                }
                AliasExpansion.Problem bomb = mayAlias ? AliasExpansion.problem(root) : null;
                if (bomb != null) {
                    problems.error(ObjectReader.sourceOf(name, bomb.at()), "", "", bomb.message());
                    continue;
                }
                docs.add(root);
            }
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            Source at = mark.map(m -> new Source(name, m.getLine() + 1, m.getColumn() + 1)).orElse(new Source(name, 0, 0));
            problems.error(at, "", "", "YAML syntax error: " + oneLine(e.getProblem())
                    + (oneLine(e.getContext()).isEmpty() ? "" : " (" + oneLine(e.getContext()) + ")"));
        } catch (ReaderException e) {
            problems.error(position(name, text, e.getPosition()), "", "", "YAML syntax error: character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed (expected printable text)");
        } catch (YamlEngineException e) {
            problems.error(new Source(name, 0, 0), "", "", "YAML error: " + yamlMessage(e));
        } catch (StackOverflowError e) {
            problems.error(new Source(name, 0, 0), "", "", "YAML nesting is too deep (expected a Kubernetes manifest)");
        }
        if (docs.isEmpty() && !problems.hasErrors()) {
            problems.warning(new Source(name, 1, 1), "", "", "file has no objects");
        }
        return new ComposedFile(name, docs, problems.list());
    }

    /** The line and column of the {@code index}-th code point of {@code text}. */
    private static Source position(String name, String text, int index) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int n = 0; n < index && i < text.length(); n++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Source(name, line, column);
    }

    private static String yamlMessage(YamlEngineException e) {
        String m = oneLine(e.getMessage());
        if (m.contains("aliases")) {
            return "too many aliases (more than " + Loader.MAX_ALIASES + "; this looks like a YAML bomb)";
        }
        if (m.contains("code point")) {
            return "document is too large (expected at most " + (Loader.MAX_FILE_BYTES >> 20) + " MiB)";
        }
        return m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : Quote.words(s.replaceAll("\\s+", " ").trim());
    }
}
