package dev.stockade.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads manifests that are not files of the work tree (e.g. the files of a git revision) through
 * the real {@link Loader}: they are written to a private temporary directory, loaded together
 * (so owners, duplicates and namespaces work across files as usual), and every source position
 * and diagnostic is renamed back to the name the caller gave. The directory is deleted afterwards.
 */
public final class TextInputs {
    private TextInputs() {}

    /** One manifest: the name diagnostics and sources print (e.g. {@code main:deploy/policies.yaml}) and its bytes. */
    public record NamedText(String name, byte[] content) {
        public NamedText {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a name is required");
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** Loads {@code files} in the given order; never throws on bad input. */
    public static LoadResult load(List<NamedText> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("stockade-inputs-");
            List<String> inputs = new ArrayList<>(files.size());
            Map<String, String> names = new HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                NamedText f = files.get(i);
                String base = f.name().substring(Math.max(f.name().lastIndexOf('/'), f.name().lastIndexOf(':')) + 1);
                Path p = dir.resolve("f" + i + "_" + safe(base));
                Files.write(p, f.content());
                inputs.add(p.toString());
                names.put(p.toString(), f.name());
            }
            return new Relocation(names).apply(Loader.load(inputs, java.io.InputStream.nullInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write temporary files: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /** A file name the temporary directory accepts; the extension is kept. */
    private static String safe(String base) {
        String s = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "input.yaml" : s;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary file is not worth failing the run
        }
    }
}
