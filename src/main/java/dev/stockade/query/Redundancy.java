package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Connectivity;
import dev.stockade.model.Cluster;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code query redundant}: policies, then rules of the remaining policies, that can each be
 * removed on its own without changing connectivity, judged pod by pod ({@link PodLevel}: every
 * pod on its own, traffic between replicas of one workload included).
 *
 * <p>Removing a policy P changes only pairs with a pod P selects (a <i>subject</i>) on the side
 * of a direction P isolates; removing a rule changes only its direction's side of P's subjects.
 * For a subject a and such a direction, two cases:
 * <ol>
 *   <li>another policy isolates a in that direction too. Then a's side can only shrink, so a pair
 *       can change only if it is allowed now, and only if one of the removed rules' peers matches
 *       the far end (or a removed rule has no peer list). The far ends to look at are therefore
 *       the workloads connected to a's workload in the full analysis whose pods such a peer
 *       matches.</li>
 *   <li>P is the only policy isolating a in that direction, so without P, a is open in that
 *       direction. If P has a rule admitting everything there, nothing changes. Otherwise every
 *       external address would reach a (ingress) or be reached from a (egress) on every port:
 *       unless that is already so, P is not redundant. In the rare remaining case the whole
 *       cluster is re-analysed.</li>
 * </ol>
 * The candidate is then re-analysed with and without it on a cluster of just the subjects'
 * workloads, those far ends and their namespaces' policies — exact, because a pair's verdict
 * depends only on its two pods, the namespaces' labels and the policies of the two pods'
 * namespaces — and the two results are compared ({@link PodLevel#same}).
 *
 * <p>A policy that only isolates (no rules in its directions) is redundant exactly when every
 * pod it selects is isolated by other policies in those directions. Note that removing a policy
 * that isolates a pod changes connectivity even when other policies' rules admit everything its
 * own rules admit: the pod becomes open. Each reported item is redundant on its own; removing
 * several together may change connectivity (two identical policies are each redundant).
 *
 * <p>Rule removal keeps the policy's effective {@code policyTypes}: when a policy does not declare
 * {@code policyTypes}, removing its last egress rule from the YAML also drops Egress from the
 * defaults, so declare the types when removing such a rule.
 */
public final class Redundancy {
    public static final String SELECTS_NO_POD = "selects no pod";
    public static final String ONLY_ISOLATES = "it admits nothing and every pod it selects is isolated by other"
            + " policies too (it would still isolate pods added later)";
    public static final String NO_CHANGE = "no connection changes without it";

    /**
     * A redundant policy ({@code direction} null, {@code rule} -1) or rule.
     */
    public record Item(NetworkPolicy policy, PolicyType direction, int rule, String reason) {
        public boolean isPolicy() {
            return rule < 0;
        }

        /** The rule's path ({@code spec.ingress[1]}), empty for a policy. */
        public String path() {
            return isPolicy() ? "" : FieldPaths.rule(direction, rule);
        }

        public Source source() {
            return isPolicy() ? policy.source() : policy.rules(direction).get(rule).source();
        }
    }

    /**
     * @param reanalyses sub-cluster analyses run (with and without a candidate count as two)
     * @param fullReanalyses how many candidates needed the whole cluster re-analysed
     */
    public record Result(List<Item> policies, List<Item> rules, int policiesChecked, int rulesChecked,
                         int reanalyses, int fullReanalyses, AnalysisOptions options) {
        public Result {
            policies = List.copyOf(policies);
            rules = List.copyOf(rules);
        }

        public boolean finding() {
            return !policies.isEmpty() || !rules.isEmpty();
        }
    }

    private final Cluster cluster;
    private final AnalysisOptions options;
    private final PolicyIndex index;
    private final LocalAnalysis local;
    private final Map<Pod, int[]> isolatedBy = new IdentityHashMap<>();

    private Redundancy(Cluster cluster, AnalysisOptions options) {
        this.cluster = cluster;
        this.options = options;
        this.index = new PolicyIndex(cluster, options.hostNetwork());
        this.local = new LocalAnalysis(cluster, options, index);
        for (NetworkPolicy p : cluster.policies()) {
            for (Pod pod : index.subjects(p)) {
                int[] n = isolatedBy.computeIfAbsent(pod, k -> new int[2]);
                for (PolicyType d : p.policyTypes()) {
                    n[d.ordinal()]++;
                }
            }
        }
    }

    /** Checks the policies (and their rules) whose namespace {@code namespaces} accepts. */
    public static Result run(Cluster cluster, AnalysisOptions options, Predicate<String> namespaces) {
        return new Redundancy(cluster, options).check(namespaces);
    }

    private Result check(Predicate<String> namespaces) {
        List<Item> policies = new ArrayList<>();
        List<Item> rules = new ArrayList<>();
        List<NetworkPolicy> remaining = new ArrayList<>();
        int policiesChecked = 0;
        int rulesChecked = 0;
        for (NetworkPolicy p : cluster.policies()) {
            if (!namespaces.test(p.namespace())) {
                continue;
            }
            policiesChecked++;
            String reason = policyReason(p);
            if (reason != null) {
                policies.add(new Item(p, null, -1, reason));
            } else {
                remaining.add(p);
            }
        }
        for (NetworkPolicy p : remaining) {
            for (PolicyType d : PolicyType.values()) {
                for (int i = 0; i < p.rules(d).size(); i++) {
                    rulesChecked++;
                    String reason = !p.affects(d) ? ignored(d) : ruleRedundant(p, d, i) ? NO_CHANGE : null;
                    if (reason != null) {
                        rules.add(new Item(p, d, i, reason));
                    }
                }
            }
        }
        return new Result(policies, rules, policiesChecked, rulesChecked, local.analyses(), local.wholeClusterParts(),
                options);
    }

    static String ignored(PolicyType d) {
        return "the policy's policyTypes do not include " + d + ", so the rule is ignored";
    }

    /** A subject that would be open in a direction without the policy. */
    private record Opened(Pod pod, PolicyType direction) {}

    /** Why removing the policy changes nothing, or null when it changes something. */
    private String policyReason(NetworkPolicy p) {
        List<Pod> subjects = index.subjects(p);
        if (subjects.isEmpty()) {
            return SELECTS_NO_POD;
        }
        if (p.policyTypes().stream().allMatch(d -> p.rules(d).isEmpty())) {
            for (Pod a : subjects) {
                for (PolicyType d : p.policyTypes()) {
                    if (isolatedBy.get(a)[d.ordinal()] == 1) {
                        return null; // a would be open in d, where it now admits nothing
                    }
                }
            }
            return ONLY_ISOLATES;
        }
        Set<Workload> workloads = local.owners(subjects);
        List<Opened> opened = new ArrayList<>();
        for (Pod a : subjects) {
            for (PolicyType d : p.policyTypes()) {
                if (isolatedBy.get(a)[d.ordinal()] > 1) {
                    workloads.addAll(local.farEnds(a, d, p.rules(d), p.namespace()));
                } else if (!admitsEverything(p.rules(d))) {
                    opened.add(new Opened(a, d));
                }
            }
        }
        LocalAnalysis.Part with = local.part(workloads, null, null);
        Connectivity before = local.analyze(with);
        if (!opened.isEmpty()) {
            for (Opened o : opened) {
                if (!LocalAnalysis.openToEveryAddress(before, with, o.pod(), o.direction())) {
                    return null;
                }
            }
            with = local.whole();
            before = local.analyze(with);
        }
        LocalAnalysis.Part without = local.part(with.workloads(), p, null);
        return PodLevel.same(before, local.analyze(without)) ? NO_CHANGE : null;
    }

    private boolean ruleRedundant(NetworkPolicy p, PolicyType d, int i) {
        List<PolicyRule> removed = List.of(p.rules(d).get(i));
        List<Pod> subjects = index.subjects(p);
        Set<Workload> workloads = local.owners(subjects);
        for (Pod a : subjects) {
            workloads.addAll(local.farEnds(a, d, removed, p.namespace()));
        }
        List<PolicyRule> kept = new ArrayList<>(p.rules(d));
        kept.remove(i);
        NetworkPolicy edited = new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.policyTypes(),
                d == PolicyType.Ingress ? kept : p.ingress(), d == PolicyType.Egress ? kept : p.egress(), p.source());
        return PodLevel.same(local.analyze(local.part(workloads, null, null)),
                local.analyze(local.part(workloads, p, edited)));
    }

    private static boolean admitsEverything(List<PolicyRule> rules) {
        return rules.stream().anyMatch(r -> r.allPeers() && r.allPorts());
    }
}
