package dev.stockade.audit.rbac;

import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * A Role or ClusterRole as written: its rules and, for an aggregated ClusterRole, the label
 * selectors of {@code aggregationRule.clusterRoleSelectors}.
 */
record RoleObject(RawObject raw, List<RbacRule> rules, List<RawNode> aggregationSelectors) {
    RoleObject {
        rules = List.copyOf(rules);
        aggregationSelectors = List.copyOf(aggregationSelectors);
    }

    static RoleObject of(RawObject raw) {
        return new RoleObject(raw, RbacRule.read(raw.at("rules")),
                raw.at("aggregationRule.clusterRoleSelectors").map(RawNode::items).orElse(List.of()));
    }

    boolean aggregated() {
        return !aggregationSelectors.isEmpty();
    }

    boolean cluster() {
        return raw.kind().equals("ClusterRole");
    }

    /** {@code Role shop/reader (roles.yaml:3)}: the role and where it is written. */
    String described() {
        return raw.ref() + " (" + raw.source().file() + ":" + raw.source().line() + ")";
    }

    /** Where its grants apply: one namespace for a Role, every namespace it is bound for otherwise. */
    String scope() {
        return cluster() ? "" : " in namespace " + raw.namespace();
    }
}
