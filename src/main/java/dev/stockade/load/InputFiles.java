package dev.stockade.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The inputs named on the command line, in order, as pending {@link ComposedFile}s: a file; every
 * .yaml, .yml and .json file below a directory, sorted by path; standard input for {@code -}.
 * A path that cannot be read becomes a file with one problem, so it is reported in its place.
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
            List<Path> found;
            try (Stream<Path> s = Files.walk(p)) {
                found = s.filter(Files::isRegularFile).filter(InputFiles::isManifest).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                pending.add(() -> ComposedFile.failed(in, "cannot read directory: " + e.getMessage()));
                return;
            }
            if (found.isEmpty()) {
                pending.add(() -> ComposedFile.notice(in, "directory has no .yaml, .yml or .json files"));
            }
            for (Path f : found) {
                pending.add(() -> file(f));
            }
        } else if (Files.isRegularFile(p)) {
            pending.add(() -> file(p));
        } else {
            String why = Files.exists(p) ? "not a regular file or directory" : "no such file or directory";
            pending.add(() -> ComposedFile.failed(in, why));
        }
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static ComposedFile file(Path p) {
        String name = p.toString();
        try {
            long size = Files.size(p);
            if (size > Loader.MAX_FILE_BYTES) {
                return ComposedFile.failed(name, "file is larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB ("
                        + (size >> 20) + " MiB; expected a smaller file: split it)");
            }
            return ComposedFile.of(name, Files.readAllBytes(p));
        } catch (IOException e) {
            return ComposedFile.failed(name, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Composes the pending inputs on a small pool (YAML parsing dominates loading) while this
     * thread hands them to {@code sink} strictly in input order; at most a few files are held
     * parsed at once.
     */
    void drain(Consumer<ComposedFile> sink) {
        if (pending.size() <= 1) {
            for (Callable<ComposedFile> c : pending) {
                try {
                    sink.accept(c.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "stockade-yaml", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<ComposedFile>> window = new ArrayDeque<>();
            int next = 0;
            while (next < pending.size() || !window.isEmpty()) {
                while (next < pending.size() && window.size() < threads + 1) {
                    window.add(pool.submit(pending.get(next++)));
                }
                ComposedFile f;
                try {
                    f = window.poll().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                sink.accept(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
