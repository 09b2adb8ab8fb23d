package dev.stockade.audit.compliance;

import java.util.List;

/**
 * One item of a compliance framework: an id within the framework ({@code 2.1}, {@code privileged}),
 * its section and title, the rules that judge it from manifests, and — when manifests cannot
 * settle it (MFA, backups, penetration tests) — what has to be checked by hand instead.
 *
 * @param manual null when the rules settle the item; else what to check by hand (alone, when
 *               {@code rules} is empty; in addition to the rules otherwise)
 * @param inSource false for items the framework's source does not list but Stockade checks as well
 */
public record Control(String id, String section, String title, List<String> rules, String manual,
                      boolean inSource) {
    public Control {
        rules = List.copyOf(rules);
        if (rules.isEmpty() && manual == null) {
            throw new IllegalArgumentException("control " + id + " has neither rules nor a manual check");
        }
    }

    /** Whether nothing in the manifests can judge this item. */
    public boolean manualOnly() {
        return rules.isEmpty();
    }
}
