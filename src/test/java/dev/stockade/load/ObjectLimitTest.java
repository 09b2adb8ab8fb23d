package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.manifest.RawObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What objects cost: a kind nobody reads is counted, not kept; objects as written are kept only
 * for the kinds asked for; the total is capped by a limit named in the error, after which nothing
 * more is read (small limits here stand for {@link Loader#MAX_OBJECTS}).
 */
@Tag("hostile")
class ObjectLimitTest {
    @TempDir
    Path tmp;

    private static String configMaps(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append("---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: cm-").append(i)
                    .append(", namespace: prod}, data: {k: v}}\n");
        }
        return sb.toString();
    }

    private static final String MIXED = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: prod, labels: {app: web}}
            spec: {containers: [{name: main, image: i}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: prod}
            data: {k: v}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: tls, namespace: prod}
            spec: {secretName: tls}
            ---
            apiVersion: v1
            kind: Event
            metadata: {name: e1, namespace: prod}
            """;

    private List<String> write(String name, String yaml) throws IOException {
        return List.of(Files.writeString(tmp.resolve(name), yaml).toString());
    }

    private static List<String> kept(LoadResult r) {
        return r.manifests().stream().map(RawObject::ref).map(Object::toString).toList();
    }

    @Test
    void load_forAnalysis_keepsNoObjectAsWrittenAndCountsSkippedKinds() throws IOException {
        LoadResult r = Loader.load(write("in.yaml", MIXED), InputStream.nullInputStream());

        assertThat(r.manifests()).isEmpty();
        assertThat(r.skippedKinds()).containsExactly(java.util.Map.entry("Certificate (cert-manager.io/v1)", 1),
                java.util.Map.entry("ConfigMap (v1)", 1), java.util.Map.entry("Event (v1)", 1));
        assertThat(r.objects()).isEqualTo(5);
    }

    @Test
    void load_forAudit_keepsModelKindsAndTheKindsNamedOnly() throws IOException {
        LoadResult r = Loader.load(write("in.yaml", MIXED), InputStream.nullInputStream(),
                AsWritten.modelKindsAnd(Set.of("ConfigMap")));

        assertThat(kept(r)).containsExactly("Namespace prod", "Pod prod/web", "ConfigMap prod/settings");
        assertThat(r.skippedKinds()).containsOnlyKeys("Certificate (cert-manager.io/v1)", "ConfigMap (v1)",
                "Event (v1)");
    }

    @Test
    void load_all_keepsEveryKind() throws IOException {
        LoadResult r = Loader.load(write("in.yaml", MIXED), InputStream.nullInputStream(), AsWritten.ALL);

        assertThat(kept(r)).containsExactly("Namespace prod", "Pod prod/web", "ConfigMap prod/settings",
                "Certificate prod/tls", "Event prod/e1");
    }

    @Test
    void load_pastTheObjectLimit_isOneErrorNamingTheLimitAndStopsReading() throws IOException {
        List<String> in = write("many.yaml", configMaps(0, 12));

        LoadResult r = Loader.load(in, InputStream.nullInputStream(), AsWritten.NONE, 10);

        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(tmp.resolve("many.yaml")
                + ":22:1: error: input is too large: more than 10 objects (expected at most 10; split the input);"
                + " the rest is not read");
        assertThat(r.objects()).isEqualTo(11);
        assertThat(r.skippedKinds()).containsExactly(java.util.Map.entry("ConfigMap (v1)", 10));
    }

    @Test
    void load_pastTheObjectLimit_laterFilesAreNotRead() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        for (int f = 0; f < 6; f++) {
            Files.writeString(dir.resolve("f" + f + ".yaml"), configMaps(f * 4, 4));
        }

        LoadResult r = Loader.load(List.of(dir.toString()), InputStream.nullInputStream(), AsWritten.NONE, 10);

        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(dir.resolve("f2.yaml")
                + ":6:1: error: input is too large: more than 10 objects (expected at most 10; split the input);"
                + " the rest is not read");
        assertThat(r.files()).isEqualTo(3);
    }

    @Test
    void tooManyObjects_atTheRealLimit_readsAsDocumented() {
        assertThat(Loader.tooManyObjects(Loader.MAX_OBJECTS)).isEqualTo("input is too large: more than 1,000,000"
                + " objects (expected at most 1,000,000; split the input); the rest is not read");
    }
}
