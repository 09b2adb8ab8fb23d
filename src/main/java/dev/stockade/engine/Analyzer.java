package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import java.util.List;

/**
 * Computes every allowed connection between workloads and external address ranges.
 *
 * <p>A connection from S to D on a port is allowed iff S's egress allows it (S is selected by
 * no egress policy, or some egress rule of a policy selecting S admits D on that port) AND D's
 * ingress allows it (likewise for ingress). Policies are additive.
 *
 * <p>The analysis never walks pods × pods × policies. Pods are first grouped by
 * (namespace, labels) ({@link PodGroups}); every selector becomes a bitset over groups
 * ({@link SelectorIndex}), once per rule peer ({@link RuleTable}). Pods that no selector,
 * ipBlock or named port can tell apart form one class ({@link PodClasses}); external addresses
 * are split into classes by the ipBlocks containing them ({@link IpPartition}). Rules are then
 * turned into sparse grants between classes ({@link Grants}), and only candidate pairs are
 * visited ({@link AllowedPairs}). {@link EndpointExpansion} maps the classes back to workloads
 * and address ranges.
 */
public final class Analyzer {
    private final AnalysisOptions options;

    public Analyzer(AnalysisOptions options) {
        this.options = options;
    }

    public Connectivity analyze(Cluster cluster) {
        List<NetworkPolicy> policies = cluster.policies();
        PodGroups groups = new PodGroups(cluster);
        RuleTable rules = new RuleTable(policies, groups.index());
        IpPartition partition = new IpPartition(rules.blocks());
        PodClasses classes = new PodClasses(groups, policies, rules, partition, options);
        UnresolvedPorts unresolved = new UnresolvedPorts();
        AllowedPairs allowed = new AllowedPairs(new Grants(policies, rules, classes, partition, unresolved));
        // visiting pairs resolves more named ports, so unresolved ones are reported only now
        return new EndpointExpansion(groups.workloads(), groups.members(), groups.memberWorkload(),
                classes.memberClass(), classes.count(), partition, options, groups.warnings())
                .expand(allowed.pairs(), allowed.ports(), unresolved.warnings(policies, groups, classes));
    }
}
