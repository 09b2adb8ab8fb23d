package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Selectors;
import dev.stockade.model.Cluster;
import dev.stockade.model.EditDistance;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code query selects-nothing}: policies whose podSelector selects no pod of their namespace,
 * and selector peers (podSelector, namespaceSelector, or both) that match no pod — typically a
 * typo in a label, a policy in the wrong namespace, or a podSelector peer that needed a
 * namespaceSelector. Host-network pods count as matching nothing, since NetworkPolicy selectors
 * never match them. ipBlock peers are not checked. Rules of a direction the policy does not
 * isolate are checked too. Each finding may carry hints: a label key or value of the selector
 * that is one edit away from one that exists ({@link EditDistance}), pods that match in other
 * namespaces, or host-network pods that match.
 */
public final class SelectsNothing {
    private static final int NAMESPACES_SHOWN = 3;

    /**
     * @param source where the policy ({@code spec.podSelector}) or the peer is written
     * @param path {@code spec.podSelector} or the peer's path, e.g. {@code spec.ingress[0].from[1]}
     * @param selector the selector as kubectl spells it, e.g. {@code podSelector role=fronted}
     * @param problem what it matches instead, e.g. {@code matches no pod in namespace shop}
     * @param hints did-you-mean and other hints, possibly none
     */
    public record Finding(NetworkPolicy policy, Source source, String path, String selector, String problem,
                          List<String> hints) {
        public Finding {
            hints = List.copyOf(hints);
        }
    }

    /** The findings in input order, and how many policies and selector peers were checked. */
    public record Result(List<Finding> findings, int policies, int peers) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean finding() {
            return !findings.isEmpty();
        }
    }

    private final Cluster cluster;
    private final PolicyIndex index;
    private final Map<String, Labels> namespaceLabels = new LinkedHashMap<>();
    private final Map<String, List<Pod>> hostNetworkPods = new LinkedHashMap<>();
    /** Thousands of peers share a few hundred selectors: each is matched against the namespaces once. */
    private final Map<LabelSelector, List<String>> namespacesBySelector = new HashMap<>();
    /** Whether a pod selector matches a pod in a scope, by selector and scope. */
    private final Map<Map.Entry<LabelSelector, List<String>>, Boolean> podMatches = new HashMap<>();

    private SelectsNothing(Cluster cluster, AnalysisOptions options) {
        this.cluster = cluster;
        this.index = new PolicyIndex(cluster, options.hostNetwork());
        for (Namespace n : cluster.namespaces()) {
            namespaceLabels.put(n.name(), n.labels());
        }
        for (Workload w : cluster.workloads()) {
            for (Pod p : w.pods()) {
                if (!index.selectable(p)) {
                    hostNetworkPods.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
                }
            }
        }
    }

    /** Checks the policies whose namespace {@code namespaces} accepts. */
    public static Result run(Cluster cluster, Predicate<String> namespaces) {
        return run(cluster, AnalysisOptions.DEFAULT, namespaces);
    }

    /**
     * Checks the policies whose namespace {@code namespaces} accepts; host-network pods count as
     * matches only when the options police them as pods.
     */
    public static Result run(Cluster cluster, AnalysisOptions options, Predicate<String> namespaces) {
        return new SelectsNothing(cluster, options).check(namespaces);
    }

    private Result check(Predicate<String> namespaces) {
        List<Finding> out = new ArrayList<>();
        int policies = 0;
        int peers = 0;
        for (NetworkPolicy p : cluster.policies()) {
            if (!namespaces.test(p.namespace())) {
                continue;
            }
            policies++;
            if (index.subjects(p).isEmpty()) {
                List<String> hints = new ArrayList<>();
                podHints(p.podSelector(), List.of(p.namespace()), hints);
                otherNamespaces(p.podSelector(), List.of(p.namespace()), "a policy selects pods of its own namespace only",
                        hints);
                out.add(new Finding(p, p.source(), FieldPaths.POD_SELECTOR, "podSelector " + p.podSelector(),
                        "selects no pod in namespace " + p.namespace() + emptyNote(List.of(p.namespace())), hints));
            }
            for (PolicyType d : PolicyType.values()) {
                List<PolicyRule> rules = p.rules(d);
                for (int i = 0; i < rules.size(); i++) {
                    List<Peer> rulePeers = rules.get(i).peers();
                    for (int k = 0; k < rulePeers.size(); k++) {
                        Peer peer = rulePeers.get(k);
                        if (peer instanceof Peer.IpBlockPeer) {
                            continue;
                        }
                        peers++;
                        peer(p, peer, FieldPaths.peer(d, i, k), out);
                    }
                }
            }
        }
        return new Result(out, policies, peers);
    }

    private void peer(NetworkPolicy policy, Peer peer, String path, List<Finding> out) {
        List<String> hints = new ArrayList<>();
        String problem = switch (peer) {
            case Peer.PodSelectorPeer ps -> {
                List<String> scope = List.of(policy.namespace());
                if (matchesPod(ps.pods(), scope)) {
                    yield null;
                }
                podHints(ps.pods(), scope, hints);
                otherNamespaces(ps.pods(), scope,
                        "a podSelector alone selects pods of the policy's namespace only; add a namespaceSelector",
                        hints);
                yield "matches no pod in namespace " + policy.namespace() + emptyNote(scope);
            }
            case Peer.NamespaceSelectorPeer ns -> {
                List<String> scope = matchingNamespaces(ns.namespaces());
                if (scope.isEmpty()) {
                    namespaceHints(ns.namespaces(), hints);
                    yield "matches no namespace";
                }
                if (matchesPod(LabelSelector.all(), scope)) {
                    yield null;
                }
                yield "matches " + plural(scope, "namespace") + " " + names(scope)
                        + (scope.size() == 1 ? ", which has no pods" : ", none of which has pods");
            }
            case Peer.NamespacePodSelectorPeer np -> {
                List<String> scope = matchingNamespaces(np.namespaces());
                if (scope.isEmpty()) {
                    namespaceHints(np.namespaces(), hints);
                    yield "its namespaceSelector matches no namespace";
                }
                if (matchesPod(np.pods(), scope)) {
                    yield null;
                }
                podHints(np.pods(), scope, hints);
                otherNamespaces(np.pods(), scope, "the namespaceSelector does not select them", hints);
                yield "matches no pod in " + plural(scope, "namespace") + " " + names(scope) + emptyNote(scope);
            }
            case Peer.IpBlockPeer ignored -> null;
        };
        if (problem != null) {
            out.add(new Finding(policy, peer.source(), path, peer.toString(), problem, hints));
        }
    }

    private boolean matchesPod(LabelSelector selector, List<String> namespaces) {
        return podMatches.computeIfAbsent(Map.entry(selector, namespaces), k -> scanPods(selector, namespaces));
    }

    private boolean scanPods(LabelSelector selector, List<String> namespaces) {
        for (String ns : namespaces) {
            for (Pod p : index.pods(ns)) {
                if (Selectors.matches(selector, p.labels())) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> matchingNamespaces(LabelSelector selector) {
        return namespacesBySelector.computeIfAbsent(selector, this::scanNamespaces);
    }

    private List<String> scanNamespaces(LabelSelector selector) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Labels> e : namespaceLabels.entrySet()) {
            if (Selectors.matches(selector, e.getValue())) {
                out.add(e.getKey());
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** Did-you-mean from the labels of the pods in scope, and host-network pods that match. */
    private void podHints(LabelSelector selector, List<String> namespaces, List<String> hints) {
        List<Labels> labels = new ArrayList<>();
        boolean hostMatch = false;
        for (String ns : namespaces) {
            index.pods(ns).forEach(p -> labels.add(p.labels()));
            for (Pod p : hostNetworkPods.getOrDefault(ns, List.of())) {
                hostMatch |= Selectors.matches(selector, p.labels());
            }
        }
        hints.addAll(LabelHints.didYouMean(selector, labels));
        if (hostMatch) {
            hints.add("it matches only host-network pods, which NetworkPolicy selectors never match");
        }
    }

    private void namespaceHints(LabelSelector selector, List<String> hints) {
        hints.addAll(LabelHints.didYouMean(selector, List.copyOf(namespaceLabels.values())));
    }

    /** Names the namespaces outside {@code scope} with pods the selector matches. */
    private void otherNamespaces(LabelSelector selector, List<String> scope, String why, List<String> hints) {
        TreeSet<String> found = new TreeSet<>();
        for (Workload w : cluster.workloads()) {
            if (scope.contains(w.namespace()) || found.contains(w.namespace())) {
                continue;
            }
            for (Pod p : w.pods()) {
                if (index.selectable(p) && Selectors.matches(selector, p.labels())) {
                    found.add(w.namespace());
                    break;
                }
            }
        }
        if (!found.isEmpty()) {
            List<String> l = List.copyOf(found);
            hints.add("it matches pods in " + plural(l, "namespace") + " " + names(l) + "; " + why);
        }
    }

    private String emptyNote(List<String> namespaces) {
        for (String ns : namespaces) {
            if (!index.pods(ns).isEmpty() || hostNetworkPods.containsKey(ns)) {
                return "";
            }
        }
        return namespaces.size() == 1 ? ", which has no workloads in the input" : ", none of which has workloads in the input";
    }

    private static String plural(List<String> l, String word) {
        return l.size() == 1 ? word : word + "s";
    }

    private static String names(List<String> l) {
        if (l.size() <= NAMESPACES_SHOWN) {
            return String.join(", ", l);
        }
        return String.join(", ", l.subList(0, NAMESPACES_SHOWN)) + " and " + (l.size() - NAMESPACES_SHOWN) + " more";
    }
}
