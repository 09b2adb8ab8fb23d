package dev.stockade.audit;

import java.util.List;

/**
 * A setting a rule reads from the {@link AuditConfig} file, e.g. the annotation keys that count
 * as a WAF policy or the registries images may come from: a name, what it means, and the values
 * used when the configuration does not set it. Values are always a list of strings.
 */
public record RuleOption(String name, String description, List<String> defaults) {
    public RuleOption {
        if (name == null || !name.matches("[a-z][A-Za-z]*")) {
            throw new IllegalArgumentException("option names are lowerCamelCase: " + name);
        }
        defaults = List.copyOf(defaults);
    }
}
