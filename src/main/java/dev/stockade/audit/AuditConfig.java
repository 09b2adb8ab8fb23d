package dev.stockade.audit;

import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit configuration file, its own kind:
 * <pre>
 * apiVersion: stockade.dev/v1alpha1
 * kind: AuditConfig
 * metadata: {name: ci}
 * rules:
 *   NET014: {enabled: false}
 *   NET002: {severity: error}
 * </pre>
 * Rules are enabled by default with the catalogue's severity.
 */
public record AuditConfig(Set<String> disabled, Map<String, Severity> severities) {
    public static final String API_VERSION = "stockade.dev/v1alpha1";
    public static final String KIND = "AuditConfig";
    public static final AuditConfig DEFAULT = new AuditConfig(Set.of(), Map.of());

    public AuditConfig {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
    }

    public boolean enabled(Rule r) {
        return !disabled.contains(r.id());
    }

    public Severity severity(Rule r) {
        return severities.getOrDefault(r.id(), r.severity());
    }

    /** The configuration read from {@code object}; problems ({@code file:line:col: message}) go to {@code problems}. */
    public static AuditConfig read(RawObject object, List<String> problems) {
        if (!object.apiVersion().equals(API_VERSION)) {
            problems.add(object.source() + ": apiVersion \"" + object.apiVersion() + "\" (expected " + API_VERSION + ")");
        }
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        Optional<RawNode> rules = object.at("rules");
        if (rules.isPresent() && !rules.get().isMapping()) {
            problems.add(rules.get().source() + ": rules: expected a mapping from rule id to settings");
            return DEFAULT;
        }
        for (Map.Entry<String, RawNode> e : rules.map(RawNode::fields).orElse(Map.of()).entrySet()) {
            String id = e.getKey();
            RawNode settings = e.getValue();
            if (Catalogue.rule(id).isEmpty()) {
                problems.add(settings.source() + ": rules." + id + ": unknown rule (expected one of "
                        + Catalogue.rules().stream().map(Rule::id).toList() + ")");
                continue;
            }
            for (Map.Entry<String, RawNode> s : settings.fields().entrySet()) {
                String value = s.getValue().text().orElse("");
                switch (s.getKey()) {
                    case "enabled" -> {
                        if (value.equals("false")) {
                            disabled.add(id);
                        } else if (!value.equals("true")) {
                            problems.add(s.getValue().source() + ": rules." + id + ".enabled: \"" + value
                                    + "\" (expected true or false)");
                        }
                    }
                    case "severity" -> Severity.parse(value).ifPresentOrElse(v -> severities.put(id, v),
                            () -> problems.add(s.getValue().source() + ": rules." + id + ".severity: \"" + value
                                    + "\" (expected error, warning or note)"));
                    default -> problems.add(s.getValue().source() + ": rules." + id + "." + s.getKey()
                            + ": unknown field (expected enabled or severity)");
                }
            }
            if (!settings.isMapping()) {
                problems.add(settings.source() + ": rules." + id + ": expected a mapping (enabled, severity)");
            }
        }
        return new AuditConfig(disabled, severities);
    }
}
