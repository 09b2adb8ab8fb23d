package dev.stockade.audit.rbac;

import dev.stockade.manifest.RawNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a Role's {@code rules} as written, with the RBAC authorizer's matching
 * ({@code k8s.io/component-helpers/auth/rbac/validation}'s {@code VerbMatches},
 * {@code APIGroupMatches}, {@code ResourceMatches}, {@code ResourceNameMatches}): a verb or group
 * matches itself or {@code *}; a resource {@code r} with subresource {@code s} matches {@code *},
 * {@code r/s} or {@code *}{@code /s}; {@code pods/*} is not a wildcard.
 *
 * @param index the rule's index in {@code rules}
 */
public record RbacRule(int index, List<String> apiGroups, List<String> resources, List<String> verbs,
                       List<String> resourceNames, List<String> nonResourceURLs) {
    public static final String ALL = "*";

    public RbacRule {
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        verbs = List.copyOf(verbs);
        resourceNames = List.copyOf(resourceNames);
        nonResourceURLs = List.copyOf(nonResourceURLs);
    }

    /** The rules of a {@code rules} sequence (entries that are not mappings are skipped). */
    public static List<RbacRule> read(Optional<RawNode> rules) {
        List<RbacRule> out = new ArrayList<>();
        List<RawNode> items = rules.map(RawNode::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            RawNode r = items.get(i);
            if (r.isMapping()) {
                out.add(new RbacRule(i, strings(r, "apiGroups"), strings(r, "resources"), strings(r, "verbs"),
                        strings(r, "resourceNames"), strings(r, "nonResourceURLs")));
            }
        }
        return out;
    }

    private static List<String> strings(RawNode rule, String field) {
        // a null item stays in the list as "" so indexes match what is written
        return rule.field(field).map(RawNode::items).orElse(List.of()).stream()
                .map(n -> n.text().orElse("")).toList();
    }

    /** Whether the rule matches requests for {@code group} ({@code ""} is the core group). */
    public boolean group(String group) {
        return apiGroups.contains(ALL) || apiGroups.contains(group);
    }

    /** Whether the rule matches {@code resource} (with {@code subresource}, or {@code ""} for none). */
    public boolean resource(String resource, String subresource) {
        String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
        return resources.contains(ALL) || resources.contains(combined)
                || (!subresource.isEmpty() && resources.contains("*/" + subresource));
    }

    /** Whether the rule matches {@code group}/{@code resource}/{@code subresource}. */
    public boolean covers(String group, String resource, String subresource) {
        return group(group) && resource(resource, subresource);
    }

    /**
     * The index in {@code verbs} of the item granting {@code verb}: the verb itself if written,
     * else {@code *}; -1 when the rule does not grant it.
     */
    public int verb(String verb) {
        int exact = verbs.indexOf(verb);
        return exact >= 0 ? exact : verbs.indexOf(ALL);
    }

    /**
     * Whether the rule is limited to named objects: it then grants nothing on collections and,
     * since a create request carries no name, never grants {@code create} of the resource itself.
     */
    public boolean named() {
        return !resourceNames.isEmpty();
    }

    /** Grants every verb on every resource of every group, unrestricted: the {@code cluster-admin} rule. */
    public boolean everything() {
        return verbs.contains(ALL) && apiGroups.contains(ALL) && resources.contains(ALL) && !named();
    }

    /** The same grants regardless of where the rule is written (its index left out). */
    public boolean sameGrants(RbacRule o) {
        return apiGroups.equals(o.apiGroups) && resources.equals(o.resources) && verbs.equals(o.verbs)
                && resourceNames.equals(o.resourceNames) && nonResourceURLs.equals(o.nonResourceURLs);
    }

    /** The path of an item of this rule, relative to the role: {@code rules[0].verbs[2]}. */
    public String path(String field, int item) {
        return "rules[" + index + "]." + field + (item < 0 ? "" : "[" + item + "]");
    }

    /** The path of this rule: {@code rules[0]}. */
    public String path() {
        return "rules[" + index + "]";
    }
}
