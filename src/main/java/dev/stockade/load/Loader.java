package dev.stockade.load;

import dev.stockade.model.Cluster;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads manifests from files, directories (recursively: .yaml, .yml, .json) and standard input
 * ({@code -}). Recognised kinds: Namespace, Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet,
 * Job, CronJob, ReplicationController, NetworkPolicy, and {@code List}/{@code *List} wrappers;
 * everything else is counted and skipped. Objects without a namespace are in {@code default}.
 */
public final class Loader {
    /** Largest file (or standard input) read, in bytes. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** Most objects read from all inputs together. */
    public static final int MAX_OBJECTS = 2_000_000;
    /**
     * Most aliases to collections in one file. A "billion laughs" bomb needs fewer; what stops it
     * is {@link AliasExpansion}, which bounds the nodes aliases add.
     */
    public static final int MAX_ALIASES = 100;

    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Map<String, Source> namespaceUse = new LinkedHashMap<>();
    private final Map<ObjectRef, NetworkPolicy> policies = new LinkedHashMap<>();
    private final Map<ObjectRef, WorkloadObject> workloads = new LinkedHashMap<>();
    private final Map<ObjectRef, Source> seen = new java.util.HashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final InputStream stdin;
    private final List<java.util.concurrent.Callable<ComposedFile>> pending = new ArrayList<>();
    private int files;
    private int objects;
    private boolean tooMany;

    private Loader(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Loads all inputs; never throws on bad input. */
    public static LoadResult load(List<String> inputs, InputStream stdin) {
        Loader l = new Loader(stdin);
        for (String in : inputs) {
            l.input(in);
        }
        l.drain();
        return l.result();
    }

    public static LoadResult load(List<String> inputs) {
        return load(inputs, System.in);
    }

    /** Loads YAML text (tests and generated input); {@code name} stands for the file name. */
    public static LoadResult loadString(String name, String yaml) {
        Loader l = new Loader(InputStream.nullInputStream());
        l.consume(ComposedFile.of(name, yaml));
        return l.result();
    }

    private void input(String in) {
        if (in.equals("-")) {
            pending.add(() -> {
                try {
                    byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
                    if (bytes.length > MAX_FILE_BYTES) {
                        return ComposedFile.failed("<stdin>", "input is larger than " + (MAX_FILE_BYTES >> 20)
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
                found = s.filter(Files::isRegularFile).filter(Loader::isManifest).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
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
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static ComposedFile file(Path p) {
        String name = p.toString();
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                return ComposedFile.failed(name, "file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB ("
                        + (size >> 20) + " MiB; expected a smaller file: split it)");
            }
            return ComposedFile.of(name, Files.readAllBytes(p));
        } catch (IOException e) {
            return ComposedFile.failed(name, "cannot read file: " + e.getMessage());
        }
    }

    /**
     * Composes the pending inputs on a small pool (YAML parsing dominates loading) while this
     * thread turns documents into objects strictly in input order; at most a few files are
     * held parsed at once.
     */
    private void drain() {
        if (pending.size() <= 1) {
            for (java.util.concurrent.Callable<ComposedFile> c : pending) {
                try {
                    consume(c.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "stockade-yaml", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<ComposedFile>> window = new java.util.ArrayDeque<>();
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
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                consume(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void consume(ComposedFile f) {
        if (f.read()) {
            files++;
        }
        for (Diagnostic d : f.problems()) {
            diagnostics.add(d);
        }
        for (Node root : f.documents()) {
            if (tooMany) {
                return;
            }
            document(f.name(), root);
        }
    }

    private void document(String file, Node root) {
        ObjectReader r = new ObjectReader(file, "", diagnostics);
        r.node(root);
        Fields top = r.mapping(root, "");
        if (top == null) {
            return;
        }
        object(r, top);
    }

    private void object(ObjectReader r, Fields top) {
        if (++objects > MAX_OBJECTS) {
            if (!tooMany) {
                diagnostics.error(r.source(top.node()), "", "", "more than " + MAX_OBJECTS
                        + " objects (expected a smaller input); the rest is not read");
            }
            tooMany = true;
            return;
        }
        String kind = r.string(top.get("kind"), "kind");
        String apiVersion = r.string(top.get("apiVersion"), "apiVersion");
        if (kind == null) {
            if (!top.has("kind")) {
                r.error(top.node(), "kind", "is required (expected a Kubernetes object with apiVersion and kind)");
            }
            return;
        }
        if (kind.endsWith("List") && (top.has("items") || kind.equals("List"))) {
            r.checkFields(top, KnownFields.LIST);
            List<Node> items = r.list(top.get("items"), "items");
            for (int i = 0; i < items.size(); i++) {
                ObjectReader ir = new ObjectReader(r.file(), "", diagnostics);
                ir.node(items.get(i));
                Fields item = ir.mapping(items.get(i), "items[" + i + "]");
                if (item != null) {
                    object(ir, item);
                }
            }
            return;
        }
        Optional<String> recognised = KindSupport.recognise(kind, apiVersion);
        if (recognised.isEmpty()) {
            skipped.merge(apiVersion == null ? kind : kind + " (" + apiVersion + ")", 1, Integer::sum);
            Optional<String> usual = KindSupport.usualApiVersion(kind);
            if (usual.isPresent()) {
                r.object(kind + " " + quietName(top, kind.equals("Namespace")));
                r.warning(apiVersion == null ? top.node() : top.get("apiVersion"), "apiVersion", (apiVersion == null
                        ? "is missing" : "\"" + apiVersion + "\" is not an API group Stockade reads " + kind + " from")
                        + " (expected " + usual.get() + "); the object is skipped");
            }
            return;
        }
        r.checkFields(top, KnownFields.OBJECT);
        Fields meta = r.mapping(top.get("metadata"), "metadata");
        String name = meta == null ? null : r.string(meta.get("name"), "metadata.name");
        boolean clusterScoped = kind.equals("Namespace");
        String namespace = clusterScoped ? "" : Optional.ofNullable(meta == null ? null
                : r.string(meta.get("namespace"), "metadata.namespace")).filter(s -> !s.isEmpty()).orElse("default");
        if (name == null || name.isEmpty()) {
            r.object(kind + (clusterScoped ? "" : " " + namespace + "/?"));
            r.error(meta == null ? top.node() : meta.node(), "metadata.name", "is required (expected the object's name)");
            return;
        }
        r.checkFields(meta, KnownFields.METADATA);
        ObjectRef ref = new ObjectRef(kind, namespace, name);
        r.object(ref.toString());
        Source source = r.source(top.node());
        if (!clusterScoped) {
            namespaceUse.putIfAbsent(namespace, source);
        }
        switch (kind) {
            case "Namespace" -> namespace(r, ref, meta, top, source);
            case "NetworkPolicy" -> {
                NetworkPolicy p = new NetworkPolicyReader(r).read(namespace, name, top.get("spec"), source, top.node());
                if (p != null) {
                    remember(ref, source, r);
                    policies.put(ref, p);
                }
            }
            default -> workload(r, ref, kind, top, meta, source);
        }
    }

    /** {@code ns/name} (or {@code name}) of an object as written, reporting nothing; {@code ?} where absent. */
    private static String quietName(Fields top, boolean clusterScoped) {
        String name = "?";
        String namespace = "default";
        if (top.get("metadata") instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v
                        && !v.getValue().isEmpty()) {
                    if (k.getValue().equals("name")) {
                        name = v.getValue();
                    } else if (k.getValue().equals("namespace")) {
                        namespace = v.getValue();
                    }
                }
            }
        }
        return clusterScoped ? name : namespace + "/" + name;
    }

    private void namespace(ObjectReader r, ObjectRef ref, Fields meta, Fields top, Source source) {
        Fields spec = r.mapping(top.get("spec"), "spec");
        r.checkFields(spec, KnownFields.NAMESPACE_SPEC);
        Labels labels = new PodReader(r).labels(meta);
        if (r.broken()) {
            return;
        }
        remember(ref, source, r);
        namespaces.put(ref.name(), Namespace.of(ref.name(), labels, source));
    }

    private void workload(ObjectReader r, ObjectRef ref, String kind, Fields top, Fields meta, Source source) {
        ObjectRef owner = owner(r, meta, ref.namespace());
        PodReader pr = new PodReader(r);
        Pod pod;
        if (kind.equals("Pod")) {
            pod = pr.pod(top, meta, ref.namespace(), ref.name(), source);
        } else {
            Fields spec = r.mapping(top.get("spec"), "spec");
            if (spec == null) {
                if (!r.broken()) {
                    r.error(top.node(), "spec", "is required (expected a spec with a pod template)");
                }
                return;
            }
            r.checkFields(spec, KnownFields.workloadSpec(kind));
            Node template;
            Node parent = spec.node();
            String path;
            if (kind.equals("CronJob")) {
                Fields jt = r.mapping(spec.get("jobTemplate"), "spec.jobTemplate");
                r.checkFields(jt, KnownFields.JOB_TEMPLATE);
                Fields js = jt == null ? null : r.mapping(jt.get("spec"), "spec.jobTemplate.spec");
                r.checkFields(js, KnownFields.JOB_SPEC);
                boolean wrongType = (jt == null && !ObjectReader.isNull(spec.get("jobTemplate")))
                        || (jt != null && js == null && !ObjectReader.isNull(jt.get("spec")));
                if (wrongType) {
                    return;
                }
                template = js == null ? null : js.get("template");
                parent = js != null ? js.node() : jt != null ? jt.node() : spec.node();
                path = "spec.jobTemplate.spec.template";
            } else {
                template = spec.get("template");
                path = "spec.template";
            }
            pod = pr.template(template, parent, path, ref.namespace(), ref.name(), source).orElse(null);
        }
        if (r.broken() || pod == null) {
            return;
        }
        remember(ref, source, r);
        workloads.put(ref, new WorkloadObject(ref, owner, pod, source));
    }

    /** The controlling owner (controller: true, else the first reference), ignoring Node owners. */
    private ObjectRef owner(ObjectReader r, Fields meta, String namespace) {
        if (meta == null || !meta.has("ownerReferences")) {
            return null;
        }
        List<Node> refs = r.list(meta.get("ownerReferences"), "metadata.ownerReferences");
        ObjectRef first = null;
        for (int i = 0; i < refs.size(); i++) {
            String p = "metadata.ownerReferences[" + i + "]";
            Fields f = r.mapping(refs.get(i), p);
            if (f == null) {
                continue;
            }
            r.checkFields(f, KnownFields.OWNER_REFERENCE);
            String kind = r.string(f.get("kind"), p + ".kind");
            String name = r.string(f.get("name"), p + ".name");
            Boolean controller = r.bool(f.get("controller"), p + ".controller");
            if (kind == null || name == null) {
                r.warning(f.node(), p, "owner reference without kind or name is ignored");
                continue;
            }
            if (kind.equals("Node")) {
                continue;
            }
            ObjectRef ref = new ObjectRef(kind, namespace, name);
            if (Boolean.TRUE.equals(controller)) {
                return ref;
            }
            if (first == null) {
                first = ref;
            }
        }
        return first;
    }

    private void remember(ObjectRef ref, Source source, ObjectReader r) {
        Source before = seen.put(ref, source);
        if (before != null) {
            diagnostics.warning(source, r.object(), "", "defined twice (also at " + before
                    + "); the last definition wins");
        }
    }

    private LoadResult result() {
        List<Workload> ws = WorkloadAssembler.assemble(workloads);
        for (Map.Entry<String, Source> e : namespaceUse.entrySet()) {
            if (!namespaces.containsKey(e.getKey())) {
                diagnostics.warning(e.getValue(), "Namespace " + e.getKey(), "", "is used but not defined in the input;"
                        + " it gets only the label " + Namespace.NAME_LABEL + "=" + e.getKey());
                namespaces.put(e.getKey(), Namespace.implicit(e.getKey()));
            }
        }
        Cluster c = new Cluster(new ArrayList<>(namespaces.values()), ws, new ArrayList<>(policies.values()));
        return new LoadResult(c, diagnostics.list(), skipped, files, objects);
    }
}
