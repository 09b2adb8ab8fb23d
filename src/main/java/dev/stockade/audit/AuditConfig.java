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
 *   IMG003: {registries: [registry.example.com, ghcr.io/acme]}
 * </pre>
 * Rules are enabled by default with the catalogue's severity; a rule's {@link RuleOption}s take
 * their defaults unless set here.
 */
public record AuditConfig(Set<String> disabled, Map<String, Severity> severities,
                          Map<String, Map<String, List<String>>> options) {
    public static final String API_VERSION = "stockade.dev/v1alpha1";
    public static final String KIND = "AuditConfig";
    public static final AuditConfig DEFAULT = new AuditConfig(Set.of(), Map.of(), Map.of());

    public AuditConfig {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        Map<String, Map<String, List<String>>> copy = new HashMap<>();
        options.forEach((id, byName) -> {
            Map<String, List<String>> inner = new HashMap<>();
            byName.forEach((k, v) -> inner.put(k, List.copyOf(v)));
            copy.put(id, Map.copyOf(inner));
        });
        options = Map.copyOf(copy);
    }

    public AuditConfig(Set<String> disabled, Map<String, Severity> severities) {
        this(disabled, severities, Map.of());
    }

    public boolean enabled(Rule r) {
        return !disabled.contains(r.id());
    }

    /** The severity this configuration sets for {@code r}'s findings, if it sets one. */
    public Optional<Severity> override(Rule r) {
        return Optional.ofNullable(severities.get(r.id()));
    }

    /** The values of {@code r}'s option {@code name}: as configured, else the option's defaults. */
    public List<String> option(Rule r, String name) {
        List<String> set = options.getOrDefault(r.id(), Map.of()).get(name);
        if (set != null) {
            return set;
        }
        return r.options().stream().filter(o -> o.name().equals(name)).findFirst().map(RuleOption::defaults)
                .orElseThrow(() -> new IllegalArgumentException(r.id() + " has no option " + name));
    }

    /** The configuration read from {@code object}; problems ({@code file:line:col: message}) go to {@code problems}. */
    public static AuditConfig read(RawObject object, List<String> problems) {
        if (!object.apiVersion().equals(API_VERSION)) {
            problems.add(object.source() + ": apiVersion \"" + object.apiVersion() + "\" (expected " + API_VERSION + ")");
        }
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        Map<String, Map<String, List<String>>> options = new HashMap<>();
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
                    default -> {
                        Rule rule = Catalogue.rule(id).orElseThrow();
                        if (rule.options().stream().anyMatch(o -> o.name().equals(s.getKey()))) {
                            List<String> values = values(s.getValue(), "rules." + id + "." + s.getKey(), problems);
                            options.computeIfAbsent(id, k -> new HashMap<>()).put(s.getKey(), values);
                        } else {
                            List<String> known = new ArrayList<>(List.of("enabled", "severity"));
                            rule.options().forEach(o -> known.add(o.name()));
                            problems.add(s.getValue().source() + ": rules." + id + "." + s.getKey()
                                    + ": unknown field (expected " + String.join(", ", known) + ")");
                        }
                    }
                }
            }
            if (!settings.isMapping()) {
                problems.add(settings.source() + ": rules." + id + ": expected a mapping (enabled, severity)");
            }
        }
        return new AuditConfig(disabled, severities, options);
    }

    /** A list of strings, or one string as a list of one. */
    private static List<String> values(RawNode node, String path, List<String> problems) {
        if (node.isMapping()) {
            problems.add(node.source() + ": " + path + ": expected a list of strings");
            return List.of();
        }
        List<RawNode> items = node.isSequence() ? node.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            RawNode item = items.get(i);
            if (item.isMapping() || item.isSequence() || item.text().isEmpty()) {
                problems.add(item.source() + ": " + path + (node.isSequence() ? "[" + i + "]" : "")
                        + ": expected a string");
            } else {
                out.add(item.text().get());
            }
        }
        return out;
    }
}
