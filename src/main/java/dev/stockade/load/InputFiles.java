package dev.stockade.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The inputs named on the command line, in order, as pending {@link ComposedFile}s: a file; every
 * .yaml, .yml and .json file below a directory, sorted by path; standard input for {@code -}.
 * A path that cannot be read becomes a file with one problem, so it is reported in its place.
 *
 * <p>Symbolic links: a file named on the command line is read wherever it points (the user named
 * it). Below a directory, a link is judged by where it really leads: outside the directory named
 * on the command line it is not read, with a warning at the link (a scanned repository must not
 * make Stockade read a file elsewhere, say a secret, and print it in a report); a link to a file
 * inside the tree is read once, at the file's own path when that is read anyway, else at the
 * link's; a link to a directory inside the tree is not followed (its files are read at their own
 * paths, and no cycle can form); a dangling or looping link named like a manifest is reported.
 */
final class InputFiles {
    private final InputStream stdin;
    private final List<Callable<ComposedFile>> pending = new ArrayList<>();

    InputFiles(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Queues one input: a path or {@code -}. */
    void add(String in) {
        if (in.equals("-")) {
            pending.add(() -> {
                try {
                    byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Loader.MAX_FILE_BYTES + 1));
                    if (bytes.length > Loader.MAX_FILE_BYTES) {
                        return ComposedFile.failed("<stdin>", "input is larger than " + (Loader.MAX_FILE_BYTES >> 20)
                                + " MiB (expected a smaller input; split it into files)");
                    }
                    return ComposedFile.of("<stdin>", bytes);
                } catch (IOException e) {
                    return ComposedFile.failed("<stdin>", "cannot read standard input: " + e.getMessage());
                }
            });
            return;
        }
        Path p = Path.of(in);
        if (Files.isDirectory(p)) {
            directory(in, p);
        } else if (Files.isRegularFile(p)) {
            pending.add(() -> file(p, p));
        } else {
            String why = Files.exists(p) ? "not a regular file or directory" : "no such file or directory";
            pending.add(() -> ComposedFile.failed(in, why));
        }
    }

    /** Queues the manifests below {@code p}, and a warning for each link not read, in path order. */
    private void directory(String in, Path p) {
        Map<Path, Callable<ComposedFile>> found = new TreeMap<>();
        try {
            Path root = p.toRealPath();
            List<Path> links = new ArrayList<>();
            Set<Path> read = new HashSet<>();
            // the walk does not follow links, so every path it yields is a real path
            try (Stream<Path> s = Files.walk(root)) {
                for (Path real : (Iterable<Path>) s::iterator) {
                    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) {
                        links.add(real);
                    } else if (a.isRegularFile() && isManifest(real)) {
                        Path shown = p.resolve(root.relativize(real));
                        found.put(shown, () -> file(shown, real));
                        read.add(real);
                    }
                }
            }
            for (Path link : links.stream().sorted().toList()) {
                Path shown = p.resolve(root.relativize(link));
                boolean manifest = isManifest(link);
                Path target;
                try {
                    target = link.toRealPath();
                } catch (IOException e) {
                    if (manifest) {
                        String why = e instanceof NoSuchFileException ? "to a missing file"
                                : loops(link) ? "in a loop" : "that cannot be followed";
                        found.put(shown, () -> ComposedFile.notice(shown.toString(), "is a symbolic link " + why
                                + " (not read)"));
                    }
                    continue;
                }
                if (!target.startsWith(root)) {
                    if (manifest || Files.isDirectory(target)) {
                        found.put(shown, () -> ComposedFile.notice(shown.toString(), "is a symbolic link to a path"
                                + " outside " + in + " (not read)"));
                    }
                } else if (manifest && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && read.add(target)) {
                    found.put(shown, () -> file(shown, target));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            pending.add(() -> ComposedFile.failed(in, "cannot read directory: " + e.getMessage()));
            return;
        }
        if (found.isEmpty()) {
            pending.add(() -> ComposedFile.notice(in, "directory has no .yaml, .yml or .json files"));
        }
        pending.addAll(found.values());
    }

    /** Whether following {@code link} comes back to a link already passed. */
    private static boolean loops(Path link) {
        Set<Path> passed = new HashSet<>();
        Path at = link;
        try {
            while (Files.isSymbolicLink(at)) {
                if (!passed.add(at) || passed.size() > 64) {
                    return true;
                }
                at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /**
     * The file at {@code real}, named {@code shown}. Below a directory {@code real} is a real path:
     * it is opened without following a link, so a file swapped for a link meanwhile is not read.
     */
    private static ComposedFile file(Path shown, Path real) {
        String name = shown.toString();
        try {
            long size = Files.size(real);
            if (size > Loader.MAX_FILE_BYTES) {
                return ComposedFile.failed(name, "file is larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB ("
                        + (size >> 20) + " MiB; expected a smaller file: split it)");
            }
            byte[] bytes;
            try (InputStream in = shown == real ? Files.newInputStream(real)
                    : Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Loader.MAX_FILE_BYTES + 1));
            }
            if (bytes.length > Loader.MAX_FILE_BYTES) {
                return ComposedFile.failed(name, "file is larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB"
                        + " (expected a smaller file: split it)");
            }
            return ComposedFile.of(name, bytes);
        } catch (IOException e) {
            return ComposedFile.failed(name, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Hands the inputs to {@code sink} strictly in input order, while a small pool composes them
     * ahead (YAML parsing dominates loading) into {@link DocumentPipe}s: each holds a few documents
     * at most, so memory stays bounded however many documents a file has. Stops when {@code sink}
     * returns false.
     */
    void drain(Predicate<DocumentSource> sink) {
        try (DocumentPipe.Pool pool = new DocumentPipe.Pool()) {
            List<DocumentPipe> window = new ArrayList<>();
            int next = 0;
            while (next < pending.size() || !window.isEmpty()) {
                while (next < pending.size() && window.size() < pool.threads() + 1) {
                    window.add(pool.start(pending.get(next++)));
                }
                if (!sink.test(window.removeFirst())) {
                    return;
                }
            }
        }
    }
}
