package dev.stockade.audit;

import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings accepted as they are, by {@link Finding#fingerprint()} (rule, object, field path and
 * message; not lines, so the baseline survives edits around the findings). Its file is its own kind:
 * <pre>
 * apiVersion: stockade.dev/v1alpha1
 * kind: AuditBaseline
 * metadata: {name: baseline}
 * fingerprints:
 * - 3f2a…   # NET001 Namespace kube-system
 * </pre>
 */
public record AuditBaseline(Set<String> fingerprints) {
    public static final String KIND = "AuditBaseline";
    public static final AuditBaseline EMPTY = new AuditBaseline(Set.of());

    public AuditBaseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    public boolean contains(Finding f) {
        return !fingerprints.isEmpty() && fingerprints.contains(f.fingerprint());
    }

    public static AuditBaseline read(RawObject object, List<String> problems) {
        Set<String> out = new LinkedHashSet<>();
        List<RawNode> items = object.at("fingerprints").map(RawNode::items).orElse(List.of());
        if (object.at("fingerprints").isEmpty()) {
            problems.add(object.source() + ": fingerprints: is required (expected a list of fingerprints)");
        }
        for (RawNode n : items) {
            String v = n.text().orElse("");
            if (!v.matches("[0-9a-f]{32}")) {
                problems.add(n.source() + ": fingerprint \"" + v + "\" (expected 32 hexadecimal digits)");
            } else {
                out.add(v);
            }
        }
        return new AuditBaseline(out);
    }

    /** The baseline file accepting every finding that is not suppressed. */
    public static String write(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Findings accepted as they are: stockade audit --baseline FILE fails only on new ones.\n");
        sb.append("apiVersion: ").append(AuditConfig.API_VERSION).append('\n');
        sb.append("kind: ").append(KIND).append('\n');
        sb.append("metadata:\n  name: baseline\n");
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.suppressed()) {
                kept.add(f);
            }
        }
        if (kept.isEmpty()) {
            return sb.append("fingerprints: []\n").toString();
        }
        sb.append("fingerprints:\n");
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : kept) {
            if (seen.add(f.fingerprint())) {
                sb.append("- ").append(f.fingerprint()).append("  # ").append(f.ruleId()).append(' ')
                        .append(f.object()).append(f.path().isEmpty() ? "" : " " + f.path()).append('\n');
            }
        }
        return sb.toString();
    }
}
