package dev.stockade.audit.mtls;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.RuleOption;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Istio's peer authentication as written, and how its levels combine. A PeerAuthentication
 * without {@code spec.selector} labels is namespace-wide, and mesh-wide in the root namespace;
 * one with a selector applies to the pods it selects. A mode that is absent or {@code UNSET}
 * inherits from the parent (workload → namespace → mesh), and the mesh's default is
 * {@code PERMISSIVE}. {@code portLevelMtls} applies only to policies with a selector.
 */
final class Mesh {
    /** Modes, weakest first (UNSET is not a strength: it inherits). */
    enum Mode {
        DISABLE, PERMISSIVE, STRICT;

        static Optional<Mode> parse(RawNode n) {
            String t = n.text().orElse("").strip().toUpperCase(Locale.ROOT);
            for (Mode m : values()) {
                if (m.name().equals(t)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }

        boolean weakerThan(Mode other) {
            return ordinal() < other.ordinal();
        }
    }

    static final RuleOption ROOT_NAMESPACE = new RuleOption("rootNamespace",
            "Istio's root namespace, whose selector-less PeerAuthentication is mesh-wide.", List.of("istio-system"));
    static final RuleOption EXCLUDED = new RuleOption("excludedNamespaces",
            "Namespaces that are not workspaces (the platform's own).",
            List.of("kube-system", "kube-public", "kube-node-lease", "istio-system"));
    static final FieldPath MODE = FieldPath.parse("spec.mtls.mode");

    private Mesh() {}

    /** The PeerAuthentications of the input ({@code security.istio.io}), in reading order. */
    static List<RawObject> peerAuthentications(AuditContext context) {
        return context.manifests("PeerAuthentication").stream()
                .filter(o -> o.apiVersion().startsWith("security.istio.io/")).toList();
    }

    /** Whether the policy selects workloads (non-empty {@code spec.selector.matchLabels}). */
    static boolean hasSelector(RawObject pa) {
        return pa.at("spec.selector.matchLabels").filter(n -> !n.fields().isEmpty()).isPresent();
    }

    /** {@code spec.mtls.mode} when set to a mode other than UNSET. */
    static Optional<Mode> mode(RawObject pa) {
        return pa.at(MODE).flatMap(Mode::parse);
    }

    /** The PeerAuthentications of the input, indexed once per rule run: the namespace-wide one by namespace. */
    record Policies(List<RawObject> all, Map<String, RawObject> namespaceWide, String root) {
        static Policies of(AuditContext context, String root) {
            List<RawObject> all = peerAuthentications(context);
            Map<String, RawObject> wide = new HashMap<>();
            for (RawObject p : all) {
                if (!hasSelector(p)) {
                    wide.putIfAbsent(p.namespace(), p);
                }
            }
            return new Policies(all, wide, root);
        }

        /** The namespace-wide (selector-less) policy of {@code namespace}, the first one written. */
        Optional<RawObject> namespacePolicy(String namespace) {
            return Optional.ofNullable(namespaceWide.get(namespace));
        }

        /** The mesh-wide mode: the root namespace's selector-less policy, else PERMISSIVE. */
        Mode meshMode() {
            return namespacePolicy(root).flatMap(Mesh::mode).orElse(Mode.PERMISSIVE);
        }

        /** The mode a namespace's pods get without a workload policy. */
        Mode namespaceMode(String namespace) {
            return namespacePolicy(namespace).flatMap(Mesh::mode).orElseGet(this::meshMode);
        }
    }

    /** {@code spec.portLevelMtls} entries as (port, mode node). */
    static List<PortMode> portModes(RawObject pa) {
        List<PortMode> out = new ArrayList<>();
        pa.at("spec.portLevelMtls").ifPresent(n -> n.fields().forEach((port, v) -> v.field("mode")
                .ifPresent(m -> out.add(new PortMode(port, FieldPath.parse("spec.portLevelMtls").field(port).field("mode"),
                        Mode.parse(m))))));
        return out;
    }

    record PortMode(String port, FieldPath path, Optional<Mode> mode) {}

    /** The first value of a one-value option. */
    static String first(List<String> values, String fallback) {
        return values.isEmpty() ? fallback : values.getFirst();
    }

    static String name(RawObject o) {
        return o.kind() + " " + o.namespace() + "/" + o.name();
    }
}
