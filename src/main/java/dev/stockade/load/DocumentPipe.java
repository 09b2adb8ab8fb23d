package dev.stockade.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One input composed on a pool thread and read on another: the composing thread hands documents
 * over in small batches through a bounded queue and waits while it is full, so a file of a million
 * documents is never held composed at once, and composing overlaps with reading.
 */
final class DocumentPipe implements DocumentSource {
    /** Documents per batch; a batch is handed over when full, or at the end of the input. */
    private static final int BATCH = 64;
    /** Batches waiting at most. */
    private static final int BATCHES = 4;

    /** After the last batch of an input; {@code failure} is what stopped its composing thread, if anything. */
    private record End(Throwable failure) {}

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
    private List<Node> batch = List.of();
    private int taken;
    private ComposedFile file;
    private boolean ended;

    private DocumentPipe() {}

    /** The pool that composes the inputs; closing it stops every composing thread still at work. */
    static final class Pool implements AutoCloseable {
        private final int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        private final ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "stockade-yaml");
            t.setDaemon(true);
            return t;
        });

        int threads() {
            return threads;
        }

        /** Starts composing the input {@code open} yields (in submission order: the pool is first in, first out). */
        DocumentPipe start(Callable<ComposedFile> open) {
            DocumentPipe pipe = new DocumentPipe();
            executor.execute(() -> pipe.compose(open));
            return pipe;
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    /** On the pool: the input first (its name), then its documents in batches, then the end. */
    private void compose(Callable<ComposedFile> open) {
        try {
            try {
                ComposedFile f = open.call();
                queue.put(f);
                List<Node> out = new ArrayList<>(BATCH);
                for (Node root = f.next(); root != null; root = f.next()) {
                    out.add(root);
                    if (out.size() == BATCH) {
                        queue.put(out);
                        out = new ArrayList<>(BATCH);
                    }
                }
                if (!out.isEmpty()) {
                    queue.put(out);
                }
                queue.put(new End(null));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | Error e) {
                queue.put(new End(e));
            }
        } catch (InterruptedException e) {
            // the reader stopped: nothing more is wanted
        }
    }

    /** The next item the composing thread handed over. */
    private Object take() {
        try {
            Object o = queue.take();
            if (o instanceof End end && end.failure() != null) {
                throw new IllegalStateException(end.failure());
            }
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + (file == null ? "an input" : file.name()), e);
        }
    }

    private ComposedFile file() {
        if (file == null) {
            file = (ComposedFile) take();
        }
        return file;
    }

    @Override
    public String name() {
        return file().name();
    }

    @Override
    public boolean read() {
        return file().read();
    }

    @Override
    public Node next() {
        file();
        while (taken == batch.size()) {
            if (ended) {
                return null;
            }
            Object o = take();
            if (o instanceof End) {
                ended = true;
                batch = List.of();
            } else {
                @SuppressWarnings("unchecked")
                List<Node> next = (List<Node>) o;
                batch = next;
            }
            taken = 0;
        }
        return batch.get(taken++);
    }

    /**
     * Every one of them once {@link #next()} returned null (the composing thread has then
     * finished); none before, as the composing thread may still be adding some.
     */
    @Override
    public List<Diagnostic> problems() {
        return ended ? file().problems() : List.of();
    }
}
