package dev.stockade.load;

import dev.stockade.model.Source;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * One input parsed as kubectl parses it, as YAML ({@link KubectlSchema}, {@link MergeKeys}) or,
 * when its first character is <code>{</code>, as strict JSON ({@link JsonDocuments}): its
 * documents composed into node trees (with positions) one at a time, as {@link #next()} asks for
 * them, and the file-level problems met on the way. Every input is composed here, so the limits
 * (size, aliases, {@link NestingLimit nesting}) hold on every path: files, directories, standard
 * input, text, git revisions and expectation files. Used by one thread at a time, so files can be
 * composed in parallel and read in order.
 */
final class ComposedFile implements DocumentSource {
    private final String name;
    private final boolean read;
    private final Diagnostics problems = new Diagnostics();
    /** The documents still to compose; null once the input is read to its end (or its first error). */
    private Composer composer;
    /** The text being composed (for positions the reader reports as an index); null once read. */
    private String text;
    private boolean mayAlias;
    /** Applies the merge keys of each document; null when the text has no {@code <<}. */
    private MergeKeys merges;
    /** The values still to read when the input is JSON; null for YAML and once read. */
    private JsonDocuments json;
    private int documents;

    private ComposedFile(String name, boolean read) {
        this.name = name;
        this.read = read;
    }

    static ComposedFile failed(String name, String message) {
        ComposedFile f = new ComposedFile(name, true);
        f.problems.error(new Source(name, 0, 0), "", "", message);
        return f;
    }

    /** A warning about an input path that yields no file (an empty directory, a link not followed). */
    static ComposedFile notice(String path, String message) {
        ComposedFile f = new ComposedFile(path, false);
        f.problems.warning(new Source(path, 0, 0), "", "", message);
        return f;
    }

    static ComposedFile of(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return failed(name, "file is UTF-16 text (expected UTF-8; save it as UTF-8)");
        }
        int bad = firstMalformed(bytes);
        if (bad >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = 1;
            for (int i = lineStart; i < bad; i++) {
                // a code point starts at every byte that is not a continuation byte (10xxxxxx)
                column += (bytes[i] & 0xC0) != 0x80 ? 1 : 0;
            }
            ComposedFile f = new ComposedFile(name, true);
            f.problems.error(new Source(name, line, column), "", "", String.format("file is not UTF-8 text: byte 0x%02X"
                    + " is not valid here (expected a YAML or JSON manifest in UTF-8)", bytes[bad] & 0xFF));
            return f;
        }
        // valid UTF-8: decoded in one step, without an intermediate buffer twice the file's size
        return of(name, new String(bytes, StandardCharsets.UTF_8));
    }

    /** The index of the first byte that is not valid UTF-8, or -1; checked in slices, keeping no text. */
    private static int firstMalformed(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    static ComposedFile of(String name, String text) {
        ComposedFile f = new ComposedFile(name, true);
        if (text.isBlank()) {
            f.problems.warning(new Source(name, 1, 1), "", "", "file is empty (no objects)");
            return f;
        }
        f.text = text;
        if (JsonDocuments.isJson(text)) {
            // kubectl reads a stream that starts with { as JSON, strictly
            f.json = new JsonDocuments(name, text, Loader.MAX_NESTING);
            return f;
        }
        // YAML as kubectl reads it: YAML 1.1 scalars (yes and on are booleans, 0755 is octal) and merge
        // keys, decided without regular expressions and without the library's environment-variable tag.
        LoadSettings settings = LoadSettings.builder().setLabel(name).setUseMarks(true).setSchema(new KubectlSchema())
                .setMaxAliasesForCollections(Loader.MAX_ALIASES).setAllowRecursiveKeys(false)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Loader.MAX_FILE_BYTES)).build();
        f.composer = new Composer(settings, new NestingLimit(new ParserImpl(settings,
                new StreamReader(settings, new StringReader(text))), Loader.MAX_NESTING));
        // an alias is written *name: text without '*' has none, and needs no expansion check
        f.mayAlias = text.indexOf('*') >= 0;
        f.merges = text.contains("<<") ? new MergeKeys(name, f.problems) : null;
        return f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean read() {
        return read;
    }

    @Override
    public List<Diagnostic> problems() {
        return problems.list();
    }

    @Override
    public Node next() {
        if (json != null) {
            return nextJson();
        }
        while (composer != null) {
            try {
                if (!composer.hasNext()) {
                    finish();
                    return null;
                }
                Node root = composer.next();
                if (ObjectReader.isNull(root)) {
                    continue;
                }
                AliasExpansion.Problem bomb = mayAlias ? AliasExpansion.problem(root) : null;
                if (bomb != null) {
                    problems.error(ObjectReader.sourceOf(name, bomb.at()), "", "", bomb.message());
                    continue;
                }
                if (merges != null && !merges.apply(root)) {
                    continue;
                }
                documents++;
                return root;
            } catch (NestingLimit.TooDeep e) {
                problems.error(e.at().map(m -> new Source(name, m.getLine() + 1, m.getColumn() + 1))
                        .orElse(new Source(name, 0, 0)), "", "", e.getMessage());
            } catch (MarkedYamlEngineException e) {
                var mark = e.getProblemMark().or(e::getContextMark);
                Source at = mark.map(m -> new Source(name, m.getLine() + 1, m.getColumn() + 1))
                        .orElse(new Source(name, 0, 0));
                problems.error(at, "", "", "YAML syntax error: " + oneLine(e.getProblem())
                        + (oneLine(e.getContext()).isEmpty() ? "" : " (" + oneLine(e.getContext()) + ")"));
            } catch (ReaderException e) {
                problems.error(position(e.getPosition()), "", "", "YAML syntax error: character "
                        + String.format("U+%04X", e.getCodePoint()) + " is not allowed (expected printable text)");
            } catch (YamlEngineException e) {
                problems.error(new Source(name, 0, 0), "", "", "YAML error: " + yamlMessage(e));
            }
            finish();
        }
        return null;
    }

    /** The next value of a JSON input; its first syntax error ends it. */
    private Node nextJson() {
        try {
            for (Node root = json.next(); root != null; root = json.next()) {
                if (!ObjectReader.isNull(root)) {
                    documents++;
                    return root;
                }
            }
        } catch (JsonDocuments.Problem e) {
            problems.error(new Source(name, e.line(), e.column()), "", "", e.getMessage());
        }
        json = null;
        finish();
        return null;
    }

    /** The input is read: nothing more is composed, and an input without objects is said to be so. */
    private void finish() {
        composer = null;
        text = null;
        if (documents == 0 && !problems.hasErrors()) {
            problems.warning(new Source(name, 1, 1), "", "", "file has no objects");
        }
    }

    /** The line and column of the {@code index}-th code point of the input. */
    private Source position(int index) {
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
