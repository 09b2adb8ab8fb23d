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
                problems.add(n.source() + ": fingerprint \"" + comment(v.length() > 40 ? v.substring(0, 40) + "…" : v)
                        + "\" (expected 32 hexadecimal digits)");
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
                sb.append("- ").append(f.fingerprint()).append("  # ").append(comment(f.ruleId() + ' ' + f.object()
                        + (f.path().isEmpty() ? "" : " " + f.path()))).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} on one line: a comment ends at a line break, so line breaks (and every other
     * control character) are written as {@code \\uXXXX}; a name cannot add entries to the file.
     */
    static String comment(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
