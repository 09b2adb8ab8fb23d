package dev.stockade.load;

import dev.stockade.model.Cidr;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectation.Expect;
import dev.stockade.model.ConnectivityExpectations;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a {@code stockade.dev/v1alpha1 ConnectivityExpectations} file (one or more YAML or JSON
 * documents) with the same positioned diagnostics as manifests: every problem with
 * {@code file:line:col}, the object, the field path, the bad value and what is expected; unknown
 * fields are warned about with a suggestion. An expectation with an error is skipped, the rest
 * are read.
 */
public final class ExpectationsReader {
    static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    static final Set<String> METADATA = Set.of("name", "labels", "annotations");
    static final Set<String> SPEC = Set.of("expectations");
    static final Set<String> EXPECTATION = Set.of("from", "to", "port", "protocol", "expect", "description");
    static final Set<String> ENDPOINT = Set.of("namespace", "podSelector", "namespaceSelector", "cidr", "except");

    private static final String ENDPOINT_FORMS =
            "expected namespace/name, a mapping with namespace, podSelector and namespaceSelector, or {cidr: …}";

    private final String file;
    private final Diagnostics diagnostics = new Diagnostics();

    private ExpectationsReader(String file) {
        this.file = file;
    }

    /** Reads {@code path} ({@code -} for {@code stdin}); never throws on bad input. */
    public static ExpectationsLoad read(String path, InputStream stdin) {
        ComposedFile f;
        if (path.equals("-")) {
            try {
                byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Loader.MAX_FILE_BYTES + 1));
                f = bytes.length > Loader.MAX_FILE_BYTES
                        ? ComposedFile.failed("<stdin>", "input is larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB")
                        : ComposedFile.of("<stdin>", bytes);
            } catch (IOException e) {
                f = ComposedFile.failed("<stdin>", "cannot read standard input: " + e.getMessage());
            }
        } else {
            Path p = Path.of(path);
            try {
                if (Files.isDirectory(p)) {
                    f = ComposedFile.failed(path, "is a directory (expected an expectations file)");
                } else if (!Files.isRegularFile(p)) {
                    f = ComposedFile.failed(path, Files.exists(p) ? "not a regular file" : "no such file or directory");
                } else if (Files.size(p) > Loader.MAX_FILE_BYTES) {
                    f = ComposedFile.failed(path, "file is larger than " + (Loader.MAX_FILE_BYTES >> 20) + " MiB");
                } else {
                    f = ComposedFile.of(path, Files.readAllBytes(p));
                }
            } catch (IOException e) {
                f = ComposedFile.failed(path, "cannot read file: " + e.getMessage());
            }
        }
        return new ExpectationsReader(f.name()).consume(f);
    }

    /** Reads YAML text; {@code name} stands for the file name. */
    public static ExpectationsLoad readString(String name, String yaml) {
        return new ExpectationsReader(name).consume(ComposedFile.of(name, yaml));
    }

    private ExpectationsLoad consume(ComposedFile f) {
        List<ConnectivityExpectations> documents = new ArrayList<>();
        for (Node root = f.next(); root != null; root = f.next()) {
            document(root).ifPresent(documents::add);
        }
        diagnostics.insert(0, f.problems());
        return new ExpectationsLoad(file, documents, diagnostics.list());
    }

    private Optional<ConnectivityExpectations> document(Node root) {
        ObjectReader r = new ObjectReader(file, "", diagnostics);
        r.node(root);
        Fields top = r.mapping(root, "");
        if (top == null) {
            return Optional.empty();
        }
        String kind = r.string(top.get("kind"), "kind");
        String apiVersion = r.string(top.get("apiVersion"), "apiVersion");
        if (kind == null) {
            if (ObjectReader.isNull(top.get("kind"))) {
                r.error(top.node(), "kind", "is required (expected " + ConnectivityExpectations.KIND + ")");
            }
            return Optional.empty();
        }
        if (!kind.equals(ConnectivityExpectations.KIND)) {
            r.error(top.get("kind"), "kind", Quote.of(kind) + " is not " + ConnectivityExpectations.KIND
                    + " (an expectations file holds only " + ConnectivityExpectations.KIND
                    + " objects; manifests go in PATH)");
            return Optional.empty();
        }
        r.checkFields(top, TOP);
        Fields meta = r.mapping(top.get("metadata"), "metadata");
        String name = meta == null ? null : r.string(meta.get("name"), "metadata.name");
        if (name == null || name.isEmpty()) {
            r.object(kind);
            if (!r.broken()) {
                r.error(meta == null ? top.node() : meta.node(), "metadata.name", "is required (expected a name for"
                        + " the expectations, e.g. prod-baseline)");
            }
            return Optional.empty();
        }
        r.object(ObjectNames.label(kind, "", name, true));
        r.checkFields(meta, METADATA);
        if (apiVersion == null) {
            if (ObjectReader.isNull(top.get("apiVersion"))) {
                r.error(top.node(), "apiVersion", "is required (expected " + ConnectivityExpectations.API_VERSION + ")");
            }
        } else if (!apiVersion.equals(ConnectivityExpectations.API_VERSION)) {
            r.error(top.get("apiVersion"), "apiVersion", Quote.of(apiVersion) + " is not a version Stockade reads (expected "
                    + ConnectivityExpectations.API_VERSION + ")");
        }
        Fields spec = r.mapping(top.get("spec"), "spec");
        if (spec == null) {
            if (ObjectReader.isNull(top.get("spec"))) {
                r.error(top.node(), "spec", "is required (expected spec.expectations, a list)");
            }
            return Optional.empty();
        }
        r.checkFields(spec, SPEC);
        Node list = spec.get("expectations");
        if (ObjectReader.isNull(list)) {
            r.error(spec.node(), "spec.expectations", "is required (expected a list of expectations)");
            return Optional.empty();
        }
        List<Node> items = r.list(list, "spec.expectations");
        if (items.isEmpty() && !r.broken()) {
            r.warning(list, "spec.expectations", "is empty (expected at least one expectation); nothing is checked");
        }
        List<ConnectivityExpectation> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ObjectReader ir = new ObjectReader(file, r.object(), diagnostics);
            ir.node(items.get(i));
            expectation(ir, items.get(i), "spec.expectations[" + i + "]").ifPresent(out::add);
        }
        if (r.broken()) {
            return Optional.empty();
        }
        return Optional.of(new ConnectivityExpectations(name, out, r.source(top.node())));
    }

    private Optional<ConnectivityExpectation> expectation(ObjectReader r, Node n, String path) {
        Fields f = r.mapping(n, path);
        if (f == null) {
            if (ObjectReader.isNull(n)) {
                r.error(n, path, "is empty (expected from, to and expect)");
            }
            return Optional.empty();
        }
        r.checkFields(f, EXPECTATION);
        Optional<EndpointSelector> from = endpoint(r, f, "from");
        Optional<EndpointSelector> to = endpoint(r, f, "to");
        Optional<Protocol> protocol = r.protocol(f);
        Optional<PolicyPort> port = protocol.isEmpty() ? Optional.empty() : port(r, f, protocol.get());
        Expect expect = null;
        String e = r.string(f.get("expect"), f.child("expect"));
        if (e == null) {
            if (ObjectReader.isNull(f.get("expect"))) {
                r.error(f.node(), f.child("expect"), "is required (expected Allow or Deny)");
            }
        } else {
            expect = Expect.parse(e).orElse(null);
            if (expect == null) {
                r.error(f.get("expect"), f.child("expect"), "unknown value " + Quote.of(e)
                        + " (expected Allow or Deny; values are case-sensitive)");
            }
        }
        String description = r.string(f.get("description"), f.child("description"));
        if (r.broken()) {
            return Optional.empty();
        }
        if (from.get() instanceof EndpointSelector.CidrForm && to.get() instanceof EndpointSelector.CidrForm) {
            r.error(f.get("to"), f.child("to"), "from and to are both CIDRs (expected at least one side to select"
                    + " workloads: connections between external addresses are not analysed)");
            return Optional.empty();
        }
        if (port.isPresent() && port.get() instanceof PolicyPort.NamedPort np
                && to.get() instanceof EndpointSelector.CidrForm) {
            r.error(f.get("port"), f.child("port"), Quote.of(np.name()) + " is a port name, which resolves on the"
                    + " destination's pods, but to is a CIDR (expected a port number)");
            return Optional.empty();
        }
        return Optional.of(new ConnectivityExpectation(from.get(), to.get(), port, expect, description, r.source(n)));
    }

    /** The port with its protocol ({@code p}: TCP when not given); empty when both are omitted (everything). */
    private static Optional<PolicyPort> port(ObjectReader r, Fields f, Protocol p) {
        Node n = f.get("port");
        if (ObjectReader.isNull(n)) {
            return f.has("protocol") ? Optional.of(new PolicyPort.AllPorts(p)) : Optional.empty();
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            String problem = Names.portNameProblem(s.getValue());
            if (problem != null) {
                r.error(n, f.child("port"), problem);
                return Optional.empty();
            }
            return Optional.of(new PolicyPort.NamedPort(p, s.getValue()));
        }
        if (!ObjectReader.isWholeNumber(n)) {
            r.error(n, f.child("port"), "expected a port number or name, found " + ObjectReader.describe(n));
            return Optional.empty();
        }
        Long v = r.integer(n, f.child("port"));
        if (v == null) {
            return Optional.empty();
        }
        if (v < PolicyPort.MIN || v > PolicyPort.MAX) {
            r.error(n, f.child("port"), v + " is out of range (expected 1-65535)");
            return Optional.empty();
        }
        return Optional.of(PolicyPort.PortRange.of(p, v.intValue()));
    }

    private static Optional<EndpointSelector> endpoint(ObjectReader r, Fields parent, String field) {
        Node n = parent.get(field);
        String path = parent.child(field);
        if (ObjectReader.isNull(n)) {
            r.error(parent.node(), path, "is required (" + ENDPOINT_FORMS + ")");
            return Optional.empty();
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return workloadRef(r, n, path, s.getValue());
        }
        if (!(n instanceof MappingNode)) {
            r.error(n, path, "expected a string or a mapping, found " + ObjectReader.describe(n) + " (" + ENDPOINT_FORMS + ")");
            return Optional.empty();
        }
        Fields f = r.mapping(n, path);
        if (f == null) {
            return Optional.empty();
        }
        r.checkFields(f, ENDPOINT);
        boolean cidr = f.has("cidr");
        boolean selectors = f.has("namespace") || f.has("podSelector") || f.has("namespaceSelector");
        if (cidr && selectors) {
            r.error(f.key("cidr"), f.child("cidr"), "may not be combined with namespace, podSelector or namespaceSelector"
                    + " (expected either {cidr: …} for external addresses or selectors for workloads)");
            return Optional.empty();
        }
        if (cidr) {
            Optional<IpBlock> block = NetworkPolicyReader.ipBlock(r, f);
            return r.broken() ? Optional.empty() : block.map(EndpointSelector.CidrForm::new);
        }
        if (f.has("except")) {
            r.error(f.key("except"), f.child("except"), "requires cidr (expected except together with cidr)");
            return Optional.empty();
        }
        if (!selectors) {
            r.error(n, path, "selects nothing (expected namespace, podSelector, namespaceSelector or cidr;"
                    + " podSelector: {} selects every workload)");
            return Optional.empty();
        }
        Optional<String> namespace = Optional.ofNullable(r.string(f.get("namespace"), f.child("namespace")));
        if (namespace.isPresent()) {
            String problem = Names.namespaceProblem(namespace.get());
            if (problem != null) {
                r.error(f.get("namespace"), f.child("namespace"), problem);
                return Optional.empty();
            }
        } else if (f.has("namespace") && ObjectReader.isNull(f.get("namespace"))) {
            r.error(f.get("namespace") == null ? f.key("namespace") : f.get("namespace"), f.child("namespace"),
                    "is empty (expected a namespace name; leave the field out for every namespace)");
            return Optional.empty();
        }
        Optional<LabelSelector> namespaces = SelectorReader.read(r, f.get("namespaceSelector"), f.child("namespaceSelector"));
        Optional<LabelSelector> pods = SelectorReader.read(r, f.get("podSelector"), f.child("podSelector"));
        if (r.broken()) {
            return Optional.empty();
        }
        if (namespace.isEmpty() && namespaces.isEmpty() && pods.isEmpty()) {
            r.error(n, path, "selects nothing (expected namespace, podSelector, namespaceSelector or cidr;"
                    + " podSelector: {} selects every workload)");
            return Optional.empty();
        }
        return Optional.of(new EndpointSelector.SelectorForm(namespace, namespaces, pods));
    }

    private static Optional<EndpointSelector> workloadRef(ObjectReader r, Node n, String path, String text) {
        if (Cidr.parse(text).isPresent() || IpAddress.parse(text).isPresent()) {
            String cidr = Cidr.parse(text).isPresent() ? text : text + (text.contains(":") ? "/128" : "/32");
            r.error(n, path, Quote.of(text) + " is an address, not a workload (expected {cidr: " + cidr
                    + "} for external addresses, or namespace/name)");
            return Optional.empty();
        }
        String kind = "";
        String ref = text;
        if (ref.endsWith("]") && ref.indexOf('[') > 0) {
            kind = ref.substring(ref.indexOf('[') + 1, ref.length() - 1);
            ref = ref.substring(0, ref.indexOf('['));
        }
        int slash = ref.indexOf('/');
        if (slash < 0 || slash != ref.lastIndexOf('/')) {
            r.error(n, path, Quote.of(text) + " is not a workload reference (expected namespace/name, e.g. prod/web, or a"
                    + " mapping with namespace, podSelector and namespaceSelector)");
            return Optional.empty();
        }
        String namespace = ref.substring(0, slash);
        String name = ref.substring(slash + 1);
        String problem = Names.namespaceProblem(namespace);
        if (problem == null) {
            problem = Names.objectNameProblem(name);
        }
        if (problem == null && !kind.isEmpty() && !kind.matches("[A-Z][A-Za-z0-9]*")) {
            problem = Quote.of(kind) + " is not a kind (expected e.g. prod/web[Deployment])";
        }
        if (problem != null) {
            r.error(n, path, problem);
            return Optional.empty();
        }
        return Optional.of(new EndpointSelector.WorkloadRef(namespace, name, kind));
    }
}
