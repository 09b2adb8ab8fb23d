package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one nesting limit ({@link Loader#MAX_NESTING} levels) on every path that reads YAML: a
 * file, several files composed in parallel, standard input, text, expectation files; a positioned
 * error at the node that opens the level too many, and never a StackOverflowError.
 */
@Tag("hostile")
class NestingLimitTest {
    private static final String MESSAGE = "error: YAML nesting is deeper than 200 levels (expected a Kubernetes"
            + " manifest)";

    /** A Pod whose env is {@code depth} sequences deep; the first list opens level 5 on line 6 at column 10. */
    static String deepPod(String name, int depth) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: prod}
                spec:
                  containers:
                  - env: %s
                    image: i
                """.formatted(name, "[".repeat(depth) + "]".repeat(depth));
    }

    @TempDir
    Path tmp;

    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void limit_isDocumentedValue() {
//         assertThat(Loader.MAX_NESTING).isEqualTo(200);
    }

    @Test
    void loadString_atTheLimit_isRead() {
        // the document mapping, spec, containers, the container and env: 5 levels before the env's lists
        LoadResult r = Loader.loadString("in.yaml", deepPod("p", 196));

        assertThat(lines(r)).noneMatch(l -> l.contains("nesting"));
    }

    @Test
    void loadString_oneLevelTooDeep_isAPositionedError() {
        LoadResult r = Loader.loadString("in.yaml", deepPod("p", 197));

        // the 197th '[' opens level 201: line 6, column 10 + 196
        assertThat(lines(r)).containsExactly("in.yaml:6:206: " + MESSAGE);
    }

    @Test
    void loadString_tenThousandLevels_isTheSameError() {
        LoadResult r = Loader.loadString("in.yaml", deepPod("p", 10_000));

        assertThat(lines(r)).containsExactly("in.yaml:6:206: " + MESSAGE);
    }

    @Test
    void loadString_deepFlowMapping_keepsEarlierDocuments() {
        LoadResult r = Loader.loadString("in.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\n"
                + "kind: Pod\nspec: " + "{a: ".repeat(50_000));

        assertThat(lines(r)).containsExactly("in.yaml:6:" + (7 + 199 * 4) + ": " + MESSAGE);
        assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
    }

    @Test
    void loadString_aliasesStackingShallowAnchorsDeeper_areCounted() {
        // each anchor is 100 levels deep; placing one inside the other reaches 201
        String hundred = "[".repeat(100) + "]".repeat(100);
        LoadResult r = Loader.loadString("in.yaml", "a: &a " + hundred + "\nb: [&b " + "[".repeat(99) + "*a"
                + "]".repeat(99) + "]\n");

        assertThat(lines(r)).containsExactly("in.yaml:2:" + (7 + 99 + 1) + ": " + MESSAGE);
    }

    @Test
    void load_severalFilesInParallel_eachGetsTheError() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("deep"));
        Files.writeString(dir.resolve("a.yaml"), deepPod("a", 10_000));
        Files.writeString(dir.resolve("b.yaml"), deepPod("b", 10_000));
        Files.writeString(dir.resolve("c.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n");

        LoadResult r = Loader.load(List.of(dir.toString()), InputStream.nullInputStream());

        assertThat(lines(r)).containsExactly(dir.resolve("a.yaml") + ":6:206: " + MESSAGE,
                dir.resolve("b.yaml") + ":6:206: " + MESSAGE);
        assertThat(r.cluster().namespaces()).extracting(Object::toString).containsExactly("prod");
    }

    @Test
    void load_standardInput_getsTheError() {
        LoadResult r = Loader.load(List.of("-"), new ByteArrayInputStream(deepPod("p", 10_000)
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(lines(r)).containsExactly("<stdin>:6:206: " + MESSAGE);
    }

    @Test
    void expectations_deepFile_getsTheError() {
        ExpectationsLoad r = ExpectationsReader.readString("expect.yaml", "apiVersion: stockade.dev/v1alpha1\n"
                + "kind: ConnectivityExpectations\nspec: {expectations: " + "[".repeat(10_000) + "}\n");

        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly("expect.yaml:3:"
                + (21 + 199) + ": " + MESSAGE);
    }

    @Test
    void textInputs_deepFile_getsTheError() {
        LoadResult r = TextInputs.load(List.of(new TextInputs.NamedText("main:deep.yaml",
                deepPod("p", 10_000).getBytes(StandardCharsets.UTF_8))));

        assertThat(lines(r)).containsExactly("main:deep.yaml:6:206: " + MESSAGE);
    }
}
