package dev.stockade.load;

import dev.stockade.model.Cluster;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads manifests from files, directories (recursively: .yaml, .yml, .json) and standard input
 * ({@code -}). Recognised kinds: Namespace, Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet,
 * Job, CronJob, ReplicationController, NetworkPolicy, the admin policies, Node, the entrances (Service,
 * Ingress, OpenShift Route, Gateway API Gateway, routes and ReferenceGrant), and {@code List}/{@code *List} wrappers;
 * everything else is counted and skipped. Objects without a namespace are in {@code default}.
 *
 * <p>{@link InputFiles} turns the inputs into files composed in parallel and handed over in
 * input order; {@link ObjectDispatcher} reads their documents into objects.
 */
public final class Loader {
    /** Largest file (or standard input) read, in bytes. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /**
     * Deepest YAML nesting read, in mappings and sequences (aliases counted where they are used),
     * checked on every input before any tree is built ({@link NestingLimit}). Real manifests stay
     * far below: a Deployment's deepest field is about 15 levels down, a CustomResourceDefinition
     * with a pod template in its schema about 40.
     */
    public static final int MAX_NESTING = 200;
    /** Most objects read from all inputs together. */
    public static final int MAX_OBJECTS = 1_000_000;
    /**
     * Most aliases to collections in one file. A "billion laughs" bomb needs fewer; what stops it
     * is {@link AliasExpansion}, which bounds the nodes aliases add.
     */
    public static final int MAX_ALIASES = 100;

    private final Diagnostics diagnostics = new Diagnostics();
    private final ObjectDispatcher objects;
    private int files;

    private Loader(AsWritten asWritten, int maxObjects) {
        objects = new ObjectDispatcher(diagnostics, asWritten, maxObjects);
    }

    /** The error at the first object past {@code limit}. */
    static String tooManyObjects(int limit) {
        return String.format(Locale.ROOT, "input is too large: more than %,d objects (expected at most"
                + " %,d; split the input); the rest is not read", limit, limit);
    }

    /** Loads all inputs; never throws on bad input. */
    public static LoadResult load(List<String> inputs, InputStream stdin) {
        return load(inputs, stdin, AsWritten.NONE);
    }

    /**
     * Loads all inputs; with {@code manifests} the result also holds every object as written
     * ({@link LoadResult#manifests()}), which costs a copy of every YAML tree.
     */
    public static LoadResult load(List<String> inputs, InputStream stdin, boolean manifests) {
        return load(inputs, stdin, manifests ? AsWritten.ALL : AsWritten.NONE);
    }

    /** Loads all inputs, keeping the objects as written that {@code asWritten} names (for audit). */
    public static LoadResult load(List<String> inputs, InputStream stdin, AsWritten asWritten) {
        return load(inputs, stdin, asWritten, MAX_OBJECTS);
    }

    /** The same with another limit on the objects read (tests). */
    static LoadResult load(List<String> inputs, InputStream stdin, AsWritten asWritten, int maxObjects) {
        Loader l = new Loader(asWritten, maxObjects);
        InputFiles queue = new InputFiles(stdin);
        for (String in : inputs) {
            queue.add(in);
        }
        queue.drain(l::consume);
        return l.result();
    }

    public static LoadResult load(List<String> inputs) {
        return load(inputs, System.in);
    }

    /** Loads YAML text (tests and generated input); {@code name} stands for the file name. */
    public static LoadResult loadString(String name, String yaml) {
        return loadString(name, yaml, false);
    }

    /** Loads YAML text, keeping the objects as written when {@code manifests}. */
    public static LoadResult loadString(String name, String yaml, boolean manifests) {
        Loader l = new Loader(manifests ? AsWritten.ALL : AsWritten.NONE, MAX_OBJECTS);
        l.consume(ComposedFile.of(name, yaml));
        return l.result();
    }

    /**
     * Reads one input's documents; the input's own problems go before those of its objects, as if
     * they had all been found first. False once {@link #MAX_OBJECTS} is passed: nothing more is read.
     */
    private boolean consume(DocumentSource f) {
        if (f.read()) {
            files++;
        }
        int at = diagnostics.size();
        for (Node root = f.next(); root != null && !objects.full(); root = f.next()) {
            objects.document(f.name(), root);
        }
        diagnostics.insert(at, f.problems());
        return !objects.full();
    }

    private LoadResult result() {
        Cluster cluster = objects.cluster();
        return new LoadResult(cluster, diagnostics.list(), objects.skipped(), files, objects.objects(), objects.raw());
    }
}
