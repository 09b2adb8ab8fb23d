package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import dev.stockade.query.PodLevel;
import dev.stockade.query.Redundancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code query redundant} on generated clusters ({@link ClusterGenerator}), in both ipBlock modes:
 * every item it reports can be removed on its own without changing what analyze says, and what it
 * reports is exactly what brute force finds — re-analysing the whole cluster, pod by pod
 * ({@link PodLevel}), without each policy, then without each rule of the remaining policies —
 * which checks its local re-analysis against the global one.
 */
class QueryRedundancyPropertyTest {
    @Provide
    Arbitrary<Cluster> clusters() {
        return Combinators.combine(ClusterGenerator.clusters(), Arbitraries.integers().between(0, 5))
                .as((c, open) -> withOpenPolicy(withTemplates(c), open));
    }

    /**
     * A third of the clusters get a policy that selects every pod of a namespace and admits
     * everything without saying so in the short way ({@code [{}]}): every address by ipBlocks, or
     * every protocol's ports listed. Where it is the only policy isolating a pod, only the whole
     * cluster can tell whether it is redundant.
     */
    private static Cluster withOpenPolicy(Cluster c, int open) {
        if (open > 1) {
            return c;
        }
        List<PolicyRule> rules = List.of(open == 0
                ? new PolicyRule(List.of(new Peer.IpBlockPeer(IpBlock.of("0.0.0.0/0"), Source.UNKNOWN),
                        new Peer.IpBlockPeer(IpBlock.of("::/0"), Source.UNKNOWN)), List.of(), Source.UNKNOWN)
                : new PolicyRule(List.of(), List.of(new PolicyPort.AllPorts(Protocol.TCP),
                        new PolicyPort.AllPorts(Protocol.UDP), new PolicyPort.AllPorts(Protocol.SCTP)), Source.UNKNOWN));
        PolicyType d = open == 0 ? PolicyType.Ingress : PolicyType.Egress;
        List<NetworkPolicy> policies = new ArrayList<>(c.policies());
        policies.add(new NetworkPolicy(c.namespaces().get(0).name(), "open", LabelSelector.all(), Set.of(d),
                d == PolicyType.Ingress ? rules : List.of(), d == PolicyType.Egress ? rules : List.of(), Source.UNKNOWN));
        return c.withPolicies(policies);
    }

    /**
     * The generator's pods have their own names; give every other single-pod controller a pod
     * named like itself, as the loader does for a workload read from its template, so that
     * replicas are in play too.
     */
    private static Cluster withTemplates(Cluster c) {
        List<Workload> out = new ArrayList<>();
        for (int i = 0; i < c.workloads().size(); i++) {
            Workload w = c.workloads().get(i);
            if (i % 2 == 0 && w.pods().size() == 1 && !w.kind().equals("Pod")) {
                Pod p = w.pods().get(0);
                p = new Pod(p.namespace(), w.name(), p.labels(), p.ports(), p.ips(), p.hostNetwork(), p.source());
                w = new Workload(w.kind(), w.namespace(), w.name(), List.of(p), w.source());
            }
            out.add(w);
        }
        return c.withWorkloads(out);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void redundant_eachReportedItemOnItsOwn_leavesAnalyzeUnchanged(@ForAll("clusters") Cluster cluster,
                                                                  @ForAll boolean ipBlockMatchesPods) {
        AnalysisOptions options = new AnalysisOptions(ipBlockMatchesPods);
        Analyzer analyzer = new Analyzer(options);
        Connectivity all = analyzer.analyze(cluster);
        Redundancy.Result r = Redundancy.run(cluster, options, ns -> true);

        for (Redundancy.Item item : r.policies()) {
            assertThat(PodLevel.same(all, analyzer.analyze(without(cluster, item.policy()))))
                    .as("analyze without %s (%s)\n%s", item.policy(), item.reason(), ClusterText.describe(cluster))
                    .isTrue();
        }
        for (Redundancy.Item item : r.rules()) {
            Cluster edited = withoutRule(cluster, item.policy(), item.direction(), item.rule());
            assertThat(PodLevel.same(all, analyzer.analyze(edited)))
                    .as("analyze without %s %s (%s)\n%s", item.policy(), item.path(), item.reason(),
                            ClusterText.describe(cluster))
                    .isTrue();
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void redundant_generatedCluster_reportsExactlyWhatBruteForceFinds(@ForAll("clusters") Cluster cluster,
                                                                      @ForAll boolean ipBlockMatchesPods) {
        AnalysisOptions options = new AnalysisOptions(ipBlockMatchesPods);
        Analyzer analyzer = new Analyzer(options);
        Connectivity base = analyzer.analyze(PodLevel.expand(cluster));
        Map<String, Boolean> expected = new TreeMap<>();
        for (NetworkPolicy p : cluster.policies()) {
            boolean redundant = PodLevel.same(base, analyzer.analyze(PodLevel.expand(without(cluster, p))));
            expected.put(p.toString(), redundant);
            if (redundant) {
                continue;
            }
            for (PolicyType d : PolicyType.values()) {
                for (int i = 0; i < p.rules(d).size(); i++) {
                    Cluster edited = PodLevel.expand(withoutRule(cluster, p, d, i));
                    expected.put(p + " " + (d == PolicyType.Ingress ? "spec.ingress[" : "spec.egress[") + i + "]",
                            PodLevel.same(base, analyzer.analyze(edited)));
                }
            }
        }

        Redundancy.Result r = Redundancy.run(cluster, options, ns -> true);

        Map<String, Boolean> reported = new TreeMap<>();
        expected.keySet().forEach(k -> reported.put(k, false));
        r.policies().forEach(i -> reported.put(i.policy().toString(), true));
        r.rules().forEach(i -> reported.put(i.policy() + " " + i.path(), true));
        Statistics.label("redundant policies").collect(r.policies().size() > 0);
        Statistics.label("redundant rules").collect(r.rules().size() > 0);
        Statistics.label("judged by re-analysis").collect(r.reanalyses() > 0);
        Statistics.label("whole cluster re-analysed").collect(r.fullReanalyses() > 0);
        assertThat(reported).as("[%s] reported (true = redundant) vs brute force\n%s", options.describe(),
                ClusterText.describe(cluster)).isEqualTo(expected);
    }

    private static Cluster without(Cluster c, NetworkPolicy removed) {
        List<NetworkPolicy> policies = new ArrayList<>(c.policies());
        policies.remove(removed);
        return c.withPolicies(policies);
    }

    private static Cluster withoutRule(Cluster c, NetworkPolicy p, PolicyType d, int rule) {
        List<PolicyRule> kept = new ArrayList<>(p.rules(d));
        kept.remove(rule);
        NetworkPolicy edited = new NetworkPolicy(p.namespace(), p.name(), p.podSelector(), p.policyTypes(),
                d == PolicyType.Ingress ? kept : p.ingress(), d == PolicyType.Egress ? kept : p.egress(), p.source());
        List<NetworkPolicy> policies = new ArrayList<>(c.policies());
        policies.set(policies.indexOf(p), edited);
        return c.withPolicies(policies);
    }
}
