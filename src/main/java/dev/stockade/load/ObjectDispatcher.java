package dev.stockade.load;

import dev.stockade.manifest.RawObject;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.Cluster;
import dev.stockade.model.Entrances;
import dev.stockade.model.Gateway;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.ObjectRef;
import dev.stockade.model.ReferenceGrant;
import dev.stockade.model.Route;
import dev.stockade.model.Service;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Turns YAML documents into objects, in reading order: unwraps {@code List}/{@code *List}
 * wrappers, counts and skips kinds Stockade does not read, checks the common fields (kind,
 * metadata.name, metadata.namespace defaulting to {@code default}), and hands each recognised
 * kind to its reader. When an object is defined twice, the last definition wins, with a warning.
 */
final class ObjectDispatcher {
    private final Diagnostics diagnostics;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Map<String, Source> namespaceUse = new LinkedHashMap<>();
    private final Map<ObjectRef, NetworkPolicy> policies = new LinkedHashMap<>();
    private final Map<ObjectRef, WorkloadObject> workloads = new LinkedHashMap<>();
    private final Map<ObjectRef, AdminPolicy> adminPolicies = new LinkedHashMap<>();
    private final Map<String, dev.stockade.model.Node> nodes = new LinkedHashMap<>();
    private final Map<ObjectRef, Service> services = new LinkedHashMap<>();
    private final Map<ObjectRef, Route> routes = new LinkedHashMap<>();
    private final Map<ObjectRef, Gateway> gateways = new LinkedHashMap<>();
    private final Map<ObjectRef, ReferenceGrant> referenceGrants = new LinkedHashMap<>();
    private final Map<ObjectRef, Source> seen = new HashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<RawObject> raw = new ArrayList<>();
    private final RawObjects asWritten = new RawObjects();
    private int objects;
    private boolean tooMany;

    private final AsWritten keepRaw;
    private final int maxObjects;

    /** Kinds without a namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node",
            "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy", "ClusterRole", "ClusterRoleBinding");

    /**
     * The entrances' kinds. Their namespaces are not counted as used: a Service or route alone
     * does not add a namespace to the cluster (nor the warning that it is not defined).
     */
    private static final Set<String> ENTRANCES = Set.of("Service", "Ingress", "Route", "Gateway",
            "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute", "ReferenceGrant");

    /** Every object with a kind and a name that {@code keepRaw} keeps is also kept as written ({@link #raw()}). */
    ObjectDispatcher(Diagnostics diagnostics, AsWritten keepRaw, int maxObjects) {
        this.diagnostics = diagnostics;
        this.keepRaw = keepRaw;
        this.maxObjects = maxObjects;
    }

    /** Reads one document of {@code file}. */
    void document(String file, Node root) {
        ObjectReader r = new ObjectReader(file, "", diagnostics);
        r.node(root);
        Fields top = r.mapping(root, "");
        if (top == null) {
            return;
        }
        object(r, top);
    }

    /** Whether the most objects read ({@link Loader#MAX_OBJECTS}) were passed, so nothing more is read. */
    boolean full() {
        return tooMany;
    }

    private void object(ObjectReader r, Fields top) {
        object(r, top, null, null);
    }

    /**
     * Reads one object; {@code listKind} and {@code listApiVersion} are the item kind and the
     * apiVersion of the typed list ({@code PodList} → {@code Pod}) it is an item of, else null.
     * The API server writes the items of a typed list without {@code kind} and {@code apiVersion}:
     * such an item takes both from its list; an item that states another kind is an error.
     */
    private void object(ObjectReader r, Fields top, String listKind, String listApiVersion) {
        if (++objects > maxObjects) {
            if (!tooMany) {
                diagnostics.error(r.source(top.node()), "", "", Loader.tooManyObjects(maxObjects));
            }
            tooMany = true;
            return;
        }
        // name the object in the first messages already, when its name can be read
        r.object(ObjectNames.quietLabel(top.node(), CLUSTER_SCOPED));
        String kind = r.string(top.get("kind"), "kind");
        String apiVersion = r.string(top.get("apiVersion"), "apiVersion");
        if (listKind != null) {
            if (kind != null && !kind.equals(listKind)) {
                r.error(top.get("kind"), "kind", Quote.of(kind) + " is not the kind of its list (expected " + listKind
                        + ", the kind every item of a " + listKind + "List has, or no kind)");
                return;
            }
            if (kind == null && !ObjectReader.isNull(top.get("kind"))) {
                return;
            }
            kind = listKind;
            if (apiVersion == null && ObjectReader.isNull(top.get("apiVersion"))) {
                apiVersion = listApiVersion;
            }
        }
        if (kind == null) {
            if (!top.has("kind")) {
                r.error(top.node(), "kind", "is required (expected a Kubernetes object with apiVersion and kind)");
            }
            return;
        }
        if (kind.endsWith("List") && (top.has("items") || kind.equals("List"))) {
            r.checkFields(top, KnownFields.LIST);
            // kind: List holds objects of any kind, each stating its own; a typed list's items may omit theirs
            String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
            List<Node> items = r.list(top.get("items"), "items");
            for (int i = 0; i < items.size(); i++) {
                ObjectReader ir = new ObjectReader(r.file(), "", diagnostics);
                ir.node(items.get(i));
                Fields item = ir.mapping(items.get(i), "items[" + i + "]");
                if (item != null) {
                    object(ir, item, itemKind, apiVersion);
                }
            }
            return;
        }
        Optional<String> recognised = KindSupport.recognise(kind, apiVersion);
        if (recognised.isEmpty()) {
            // a kind audit reads as written is kept only with a name and namespace the API server accepts
            if (ObjectNames.checkAsWritten(r, kind, top)) {
                keepRaw(r, kind, apiVersion, top);
            }
            skipped.merge(apiVersion == null ? Quote.plain(kind) : Quote.plain(kind) + " (" + Quote.plain(apiVersion) + ")",
                    1, Integer::sum);
            Optional<String> usual = KindSupport.usualApiVersion(kind, apiVersion);
            if (usual.isPresent() && (apiVersion != null || ObjectReader.isNull(top.get("apiVersion")))) {
                r.object(kind + " " + quietName(top, CLUSTER_SCOPED.contains(kind)));
                r.warning(apiVersion == null ? top.node() : top.get("apiVersion"), "apiVersion", (apiVersion == null
                        ? "is missing" : Quote.of(apiVersion) + " is not an API group Stockade reads " + kind + " from")
                        + " (expected " + usual.get() + "); the object is skipped");
            }
            return;
        }
        r.checkFields(top, KnownFields.OBJECT);
        Fields meta = r.mapping(top.get("metadata"), "metadata");
        String name = meta == null ? null : r.string(meta.get("name"), "metadata.name");
        boolean clusterScoped = CLUSTER_SCOPED.contains(kind);
        String namespace = clusterScoped ? "" : Optional.ofNullable(meta == null ? null
                : r.string(meta.get("namespace"), "metadata.namespace")).filter(s -> !s.isEmpty()).orElse("default");
        if (name == null || name.isEmpty()) {
            r.object(kind + (clusterScoped ? "" : " " + quietName(top, false).replaceFirst("/[^/]*$", "/?")));
            if (meta == null || ObjectReader.isNull(meta.get("name")) || name != null) {
                // a name of the wrong type (123, on) has had its error already
                r.error(meta == null ? top.node() : meta.node(), "metadata.name", "is required (expected the object's name)");
            }
            return;
        }
        r.object(ObjectNames.label(kind, namespace, name, clusterScoped));
        // an invalid name or namespace rejects the object; it is still read, to report every problem
        if (ObjectNames.check(r, kind, top, meta, name, namespace, clusterScoped)) {
            keepRaw(r, kind, apiVersion, top);
        }
        r.metadata(meta);
        ObjectRef owner = new OwnerReferences(r).owner(meta, namespace);
        ObjectRef ref = new ObjectRef(kind, namespace, name);
        Source source = r.source(top.node());
        switch (kind) {
            case "Namespace" -> keep(namespaces, name, namespace(r, top, meta, name, source), ref, source, r);
            case "NetworkPolicy" -> keep(policies, ref,
                    new NetworkPolicyReader(r).read(namespace, name, top.get("spec"), source, top.node()), ref, source, r);
            case "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy" -> keep(adminPolicies, ref,
                    new AdminPolicyReader(r, AdminPolicy.Kind.valueOf(kind)).read(name, top.get("spec"), source,
                            top.node()), ref, source, r);
            case "Node" -> keep(nodes, name, new NodeReader(r).read(name, top, meta, source), ref, source, r);
            case "Service" -> keep(services, ref, new ServiceReader(r).read(namespace, name, top.get("spec"), source),
                    ref, source, r);
            case "Ingress" -> {
                new IngressPaths(r).check(top.get("spec"), top.node());
                keep(routes, ref, new RouteReader(r).ingress(namespace, name, top.get("spec"), source), ref, source, r);
            }
            case "Route" -> keep(routes, ref, new RouteReader(r).openShift(namespace, name, top.get("spec"),
                    top.node(), source), ref, source, r);
            case "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute" -> keep(routes, ref,
                    new GatewayApiReader(r).route(kind, namespace, name, top.get("spec"), top.node(), source), ref,
                    source, r);
            case "Gateway" -> keep(gateways, ref, new GatewayApiReader(r).gateway(namespace, name, top.get("spec"),
                    top.node(), source), ref, source, r);
            case "ReferenceGrant" -> keep(referenceGrants, ref, new GatewayApiReader(r).referenceGrant(namespace,
                    name, top.get("spec"), top.node(), source), ref, source, r);
            default -> keep(workloads, ref, new WorkloadReader(r).read(ref, owner, apiVersion, top, meta,
                    source), ref, source, r);
        }
    }

    /** Keeps the object as written when {@code keepRaw} keeps its kind. */
    private void keepRaw(ObjectReader r, String kind, String apiVersion, Fields top) {
        RawObject copy = keepRaw.keeps(kind) ? asWritten.object(r.file(), kind, apiVersion, top.node()) : null;
        if (copy != null) {
            raw.add(copy);
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
        return ObjectNames.label(null, namespace, name, clusterScoped).replace("\"?\"", "?");
    }

    /** A Namespace object (its labels; its spec is only checked), or null when it is unusable. */
    private static Namespace namespace(ObjectReader r, Fields top, Fields meta, String name, Source source) {
        Fields spec = r.mapping(top.get("spec"), "spec");
        r.checkFields(spec, KnownFields.NAMESPACE_SPEC);
        Labels labels = new PodReader(r).labels(meta);
        return r.broken() ? null : Namespace.of(name, labels, source);
    }

    /**
     * Keeps a usable object (value not null, no error reported) under {@code key}, warning when
     * {@code ref} was seen before. Only a kept object counts its namespace as used: a rejected
     * one does not make its namespace appear.
     */
    private <K, V> void keep(Map<K, V> into, K key, V value, ObjectRef ref, Source source, ObjectReader r) {
        if (value == null || r.broken()) {
            return;
        }
        if (!CLUSTER_SCOPED.contains(ref.kind()) && !ENTRANCES.contains(ref.kind())) {
            namespaceUse.putIfAbsent(ref.namespace(), source);
        }
        Source before = seen.put(ref, source);
        if (before != null) {
            diagnostics.warning(source, r.object(), "", "defined twice (also at " + before
                    + "); the last definition wins");
        }
        into.put(key, value);
    }

    /** The cluster read so far; a namespace used but not defined is added, with a warning. */
    Cluster cluster() {
        List<Workload> ws = WorkloadAssembler.assemble(workloads);
        for (Map.Entry<String, Source> e : namespaceUse.entrySet()) {
            if (!namespaces.containsKey(e.getKey())) {
                diagnostics.warning(e.getValue(), "Namespace " + e.getKey(), "", "is used but not defined in the input;"
                        + " it gets only the label " + Namespace.NAME_LABEL + "=" + e.getKey());
                namespaces.put(e.getKey(), Namespace.implicit(e.getKey()));
            }
        }
        return new Cluster(new ArrayList<>(namespaces.values()), ws, new ArrayList<>(policies.values()),
                new ArrayList<>(adminPolicies.values()), new ArrayList<>(nodes.values()),
                new Entrances(new ArrayList<>(services.values()), new ArrayList<>(routes.values()),
                        new ArrayList<>(gateways.values()), new ArrayList<>(referenceGrants.values())));
    }

    /** Objects skipped as not relevant, counted by kind (and apiVersion where one was given). */
    Map<String, Integer> skipped() {
        return skipped;
    }

    /** Every object with a kind and a name, of any kind, as written, in reading order. */
    List<RawObject> raw() {
        return raw;
    }

    /** How many objects were met, List wrappers included. */
    int objects() {
        return objects;
    }
}
