package dev.stockade.audit;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.Explainer;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawObject;
import dev.stockade.model.Cluster;
import dev.stockade.model.Namespace;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import dev.stockade.query.Exposure;
import dev.stockade.query.SelectsNothing;
import dev.stockade.query.Unprotected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What rules look at: the cluster model (for the engine and the queries), the objects as written
 * (for exact positions and fields the model does not keep), and the analysis options. The
 * query results are computed once, on first use, and shared by the rules that need them; rules
 * run in parallel, so those lazy parts are synchronized and everything else is read-only.
 */
public final class AuditContext {
    private final Cluster cluster;
    private final List<RawObject> manifests;
    private final AnalysisOptions options;
    private final AuditConfig config;
    private final Map<ObjectRef, RawObject> byRef = new HashMap<>();
    // each shared part has its own lock: a rule waiting for the pod specs must not wait for the analysis
    private final Lazy<Unprotected.Result> unprotected =
            new Lazy<>(() -> Unprotected.run(cluster(), options(), ns -> true));
    private final Lazy<SelectsNothing.Result> selectsNothing =
            new Lazy<>(() -> SelectsNothing.run(cluster(), options(), ns -> true));
    private final Lazy<Connectivity> connectivity = new Lazy<>(() -> new Analyzer(options()).analyze(cluster()));
    private final Lazy<Exposure.Result> exposure =
            new Lazy<>(() -> Exposure.run(cluster(), connectivity(), ns -> true));
    private final Lazy<Explainer> explainer = new Lazy<>(this::newExplainer);
    private final Lazy<EntrancePaths.Result> entrancePaths = new Lazy<>(() -> EntrancePaths.resolve(cluster()));
    private final Lazy<Map<String, ObjectRef>> workloadsById = new Lazy<>(this::indexWorkloads);
    private final Lazy<List<Workload>> sortedWorkloads = new Lazy<>(this::sortWorkloads);
    private final Lazy<Map<String, List<RawObject>>> byKind = new Lazy<>(this::indexKinds);
    private final Lazy<Map<String, Source>> firstSources = new Lazy<>(this::indexFirstSources);
    private final Lazy<List<WorkloadPod>> pods = new Lazy<>(() -> WorkloadPod.read(this));
    /** Pod-spec-relative paths as parsed and printed, by workload kind and relative path. */
    private final Map<String, PathText> podPaths = new ConcurrentHashMap<>();

    private record PathText(FieldPath path, String text) {}

    /** A value computed once, on first use, under its own lock. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    /**
     * The kinds rules read as written ({@link #manifests(String)}) besides the kinds of the cluster
     * model, whose objects as written the loader always keeps for audit: an object of any other
     * kind is only counted, not copied (a million ConfigMaps cost a copy each; a million objects
     * of a kind no rule reads cost nothing). A rule that asks for a kind not listed here fails.
     */
    public static final Set<String> KINDS_READ = Set.of("Namespace", "Service", "Ingress",
            "Route", "Gateway", "ConfigMap", "Secret", "ServiceAccount", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "LimitRange", "PeerAuthentication", "DestinationRule");

    public AuditContext(Cluster cluster, List<RawObject> manifests, AnalysisOptions options) {
        this(cluster, manifests, options, AuditConfig.DEFAULT);
    }

    public AuditContext(Cluster cluster, List<RawObject> manifests, AnalysisOptions options, AuditConfig config) {
        this.cluster = cluster;
        this.manifests = List.copyOf(manifests);
        this.options = options;
        this.config = config;
        for (RawObject o : manifests) {
            byRef.put(o.ref(), o);
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<RawObject> manifests() {
        return manifests;
    }

    public AnalysisOptions options() {
        return options;
    }

    /** Which rules run, their severities and options. */
    public AuditConfig config() {
        return config;
    }

    /** The values of {@code rule}'s option {@code name}, as configured or by default. */
    public List<String> option(Rule rule, String name) {
        return config.option(rule, name);
    }

    /** The object as written, when the input has it. */
    public Optional<RawObject> raw(ObjectRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /**
     * The workload object as written, by the id findings carry ({@code ns/name}, or
     * {@code ns/name[Kind]} when two kinds share the name).
     */
    public Optional<RawObject> workloadObject(String id) {
        ObjectRef ref = workloadsById.get().get(id);
        return ref == null ? Optional.empty() : raw(ref);
    }

    /** Workload ids to objects, indexed once: the auditor asks for every finding about a workload. */
    private Map<String, ObjectRef> indexWorkloads() {
        Map<String, ObjectRef> out = new HashMap<>();
        for (Workload w : cluster.workloads()) {
            out.putIfAbsent(w.toString(), w.ref());
            out.putIfAbsent(w + "[" + w.kind() + "]", w.ref());
        }
        return out;
    }

    /** The objects as written of one kind, in reading order. */
    public List<RawObject> manifests(String kind) {
        if (!KINDS_READ.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not in AuditContext.KINDS_READ, so the loader does not"
                    + " keep its objects as written for audit");
        }
        return byKind.get().getOrDefault(kind, List.of());
    }

    private Map<String, List<RawObject>> indexKinds() {
        Map<String, List<RawObject>> out = new HashMap<>();
        for (RawObject o : manifests) {
            out.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** Where each namespace's first object is written. */
    private Map<String, Source> indexFirstSources() {
        Map<String, Source> out = new HashMap<>();
        for (RawObject o : manifests) {
            out.putIfAbsent(o.namespace(), o.source());
        }
        return out;
    }

    /**
     * A finding of {@code rule} about {@code path} of {@code object}, located at that field as
     * written (or its nearest parent), else at {@code fallback}.
     */
    public Finding finding(Rule rule, ObjectRef object, FieldPath path, Source fallback, String message,
                           String workload) {
        return located(rule, object, raw(object).orElse(null), path, path.toString(), fallback, message, workload);
    }

    /** The finding, at {@code path} of {@code written} (the object as written, or null: then at {@code fallback}). */
    private static Finding located(Rule rule, ObjectRef object, RawObject written, FieldPath path, String pathText,
                                   Source fallback, String message, String workload) {
        Source at = written != null ? written.locate(path) : fallback != null ? fallback : Source.UNKNOWN;
        return new Finding(rule.id(), rule.severity(), object, pathText, at, message, workload, null, false);
    }

    /** A finding about a field of a workload's pod spec, e.g. {@code hostNetwork}. */
    public Finding podFinding(Rule rule, Workload w, String specRelative, String message) {
        return podFinding(rule, w, raw(w.ref()).orElse(null), specRelative, message);
    }

    /** The same, with the workload's object as written at hand (or null). */
    Finding podFinding(Rule rule, Workload w, RawObject object, String specRelative, String message) {
        // tens of thousands of findings on a large input share a few hundred paths: parsed once
        PathText p = podPaths.computeIfAbsent(w.kind() + "\u0000" + specRelative, k -> {
            FieldPath path = specRelative.isEmpty() ? PodTemplates.spec(w.kind())
                    : PodTemplates.spec(w.kind()).then(specRelative);
            return new PathText(path, path.toString());
        });
        return located(rule, w.ref(), object, p.path(), p.text(), w.source(), message, w.toString());
    }

    /**
     * A finding about a namespace: at the Namespace object when the input defines it, else at
     * the first object of that namespace.
     */
    public Finding namespaceFinding(Rule rule, Namespace ns, String message) {
        ObjectRef ref = new ObjectRef("Namespace", "", ns.name());
        Source fallback = firstSources.get().getOrDefault(ns.name(), ns.source());
        return finding(rule, ref, FieldPath.ROOT, fallback, message, "");
    }

    /** The pod spec of every workload as written, read once ({@link WorkloadPod#all}). */
    public List<WorkloadPod> pods() {
        return pods.get();
    }

    /** The workloads of the cluster, in analyze's order. */
    public List<Workload> workloads() {
        return sortedWorkloads.get();
    }

    private List<Workload> sortWorkloads() {
        List<Workload> out = new ArrayList<>(cluster.workloads());
        out.sort(Comparator.comparing(Workload::namespace).thenComparing(Workload::name)
                .thenComparing(Workload::kind));
        return List.copyOf(out);
    }

    public Unprotected.Result unprotected() {
        return unprotected.get();
    }

    public SelectsNothing.Result selectsNothing() {
        return selectsNothing.get();
    }

    public Exposure.Result exposure() {
        return exposure.get();
    }

    /** The routes and exposing Services of the input followed to pods and ports, as {@code analyze} does. */
    public EntrancePaths.Result entrancePaths() {
        return entrancePaths.get();
    }

    /** Every allowed connection of the cluster, as {@code analyze} reports it. */
    public Connectivity connectivity() {
        return connectivity.get();
    }

    /**
     * An explainer over the cluster plus, when the input lacks it, the {@code kube-system}
     * namespace (with only its name label), so flows to cluster DNS can be decided.
     */
    public Explainer explainer() {
        return explainer.get();
    }

    private Explainer newExplainer() {
        List<Namespace> namespaces = new ArrayList<>(cluster.namespaces());
        if (namespaces.stream().noneMatch(n -> n.name().equals("kube-system"))) {
            namespaces.add(Namespace.implicit("kube-system"));
        }
        return new Explainer(cluster.withContents(namespaces, cluster.workloads()), options);
    }
}
