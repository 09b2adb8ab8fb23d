package dev.stockade.load;

import dev.stockade.model.Source;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One input parsed into YAML node trees (with positions), plus the file-level problems met on
 * the way. Pure and thread-safe, so files can be composed in parallel and read in order.
 *
 * @param documents the documents composed before any syntax error
 * @param problems file-level diagnostics (syntax errors, limits, encoding, emptiness)
 */
record ComposedFile(String name, List<Node> documents, List<Diagnostic> problems) {

    static ComposedFile failed(String name, String message) {
        return new ComposedFile(name, List.of(), List.of(
                new Diagnostic(Diagnostic.Severity.ERROR, new Source(name, 0, 0), "", "", message)));
    }

    static ComposedFile of(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(name, "is not UTF-8 text (expected a YAML or JSON manifest)");
        }
        return of(name, text);
    }

    static ComposedFile of(String name, String text) {
        Diagnostics problems = new Diagnostics();
        List<Node> docs = new ArrayList<>();
        if (text.isBlank()) {
            problems.warning(new Source(name, 1, 1), "", "", "file is empty (no objects)");
            return new ComposedFile(name, docs, problems.list());
        }
        LoadSettings settings = LoadSettings.builder().setLabel(name).setUseMarks(true)
                .setMaxAliasesForCollections(Loader.MAX_ALIASES).setAllowRecursiveKeys(false)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Loader.MAX_FILE_BYTES)).build();
        try {
            for (Node root : new Compose(settings).composeAllFromString(text)) {
                if (!ObjectReader.isNull(root)) {
                    docs.add(root);
                }
            }
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            Source at = mark.map(m -> new Source(name, m.getLine() + 1, m.getColumn() + 1)).orElse(new Source(name, 0, 0));
            problems.error(at, "", "", "YAML syntax error: " + oneLine(e.getProblem())
                    + (e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")"));
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
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
