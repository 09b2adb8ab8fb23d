package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPolicy.Kind;
import dev.stockade.model.AdminPolicy.Tier;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminRule.Action;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Node;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every combination of the tiers for one flow, {@code src/s => dst/d} on TCP 80, as a literal
 * truth table: admin tier (no rule, Allow, Deny, Pass) × NetworkPolicy (none selects the pod,
 * one admits the flow, one selects it and admits nothing) × baseline tier (no rule, Allow,
 * Deny), on the ingress side and on the egress side, for AdminNetworkPolicy with
 * BaselineAdminNetworkPolicy and for ClusterNetworkPolicy of both tiers. Then priorities, rule
 * order, ports, both directions, host-network pods and nodes. Each cell is checked with the
 * analysis and with {@link Explainer}.
 */
class TierTruthTableTest {
    /** admin, NetworkPolicy, baseline, expected (X allowed, . blocked). */
    private static final String TABLE = """
            none  none    none   X
            none  none    Allow  X
            none  none    Deny   .
            none  admits  none   X
            none  admits  Allow  X
            none  admits  Deny   X
            none  denies  none   .
            none  denies  Allow  .
            none  denies  Deny   .
            Allow none    none   X
            Allow none    Allow  X
            Allow none    Deny   X
            Allow admits  none   X
            Allow admits  Allow  X
            Allow admits  Deny   X
            Allow denies  none   X
            Allow denies  Allow  X
            Allow denies  Deny   X
            Deny  none    none   .
            Deny  none    Allow  .
            Deny  none    Deny   .
            Deny  admits  none   .
            Deny  admits  Allow  .
            Deny  admits  Deny   .
            Deny  denies  none   .
            Deny  denies  Allow  .
            Deny  denies  Deny   .
            Pass  none    none   X
            Pass  none    Allow  X
            Pass  none    Deny   .
            Pass  admits  none   X
            Pass  admits  Allow  X
            Pass  admits  Deny   X
            Pass  denies  none   .
            Pass  denies  Allow  .
            Pass  denies  Deny   .
            """;

    /** Which API writes the tiers. */
    enum Api { V1ALPHA1, V1ALPHA2 }

    private static final Pod S = Pod.of("src", "s", Labels.of("app", "s"));
    private static final Pod D = Pod.of("dst", "d", Labels.of("app", "d"), new ContainerPort("http", 80, Protocol.TCP));

    @ParameterizedTest
    @EnumSource(Api.class)
    void tiers_everyCombination_ingressSide(Api api) {
        check(api, PolicyType.Ingress);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void tiers_everyCombination_egressSide(Api api) {
        check(api, PolicyType.Egress);
    }

    private static void check(Api api, PolicyType side) {
        List<String> wrong = new ArrayList<>();
        for (String row : TABLE.strip().split("\n")) {
            String[] c = row.trim().split("\\s+");
            List<AdminPolicy> admin = new ArrayList<>();
            if (!c[0].equals("none")) {
                admin.add(policy(api == Api.V1ALPHA1 ? Kind.AdminNetworkPolicy : Kind.ClusterNetworkPolicy, Tier.ADMIN,
                        "admin", 10, side, rule(Action.valueOf(c[0].toUpperCase()), side)));
            }
            if (!c[2].equals("none")) {
                admin.add(api == Api.V1ALPHA1
                        ? policy(Kind.BaselineAdminNetworkPolicy, Tier.BASELINE, "default", AdminPolicy.BANP_PRIORITY, side,
                        rule(Action.valueOf(c[2].toUpperCase()), side))
                        : policy(Kind.ClusterNetworkPolicy, Tier.BASELINE, "baseline", 10, side,
                        rule(Action.valueOf(c[2].toUpperCase()), side)));
            }
            List<NetworkPolicy> nps = new ArrayList<>();
            if (!c[1].equals("none")) {
                nps.add(networkPolicy(side, c[1].equals("admits")));
            }
            Cluster cluster = cluster(nps, admin, List.of());
            boolean expected = c[3].equals("X");
            boolean analyzed = analyzed(cluster, Protocol.TCP, 80);
            boolean explained = explained(cluster, Protocol.TCP, 80);
            if (analyzed != expected || explained != expected) {
                wrong.add(row.trim() + "  but analysis " + (analyzed ? "X" : ".") + ", explain " + (explained ? "X" : "."));
            }
        }
        assertThat(wrong).as(api + " " + side + " side: rows that differ").isEmpty();
    }

    private static AdminRule rule(Action action, PolicyType side) {
        AdminPeer far = new AdminPeer.Namespaces(LabelSelector.matchLabels(Namespace.NAME_LABEL,
                side == PolicyType.Ingress ? "src" : "dst"), Source.UNKNOWN);
        return new AdminRule("", action, List.of(far), List.of(), Source.UNKNOWN);
    }

    /** A policy whose subject is the side's namespace, with these rules for that side. */
    private static AdminPolicy policy(Kind kind, Tier tier, String name, int priority, PolicyType side, AdminRule... rules) {
        AdminSubject subject = new AdminSubject.Namespaces(LabelSelector.matchLabels(Namespace.NAME_LABEL,
                side == PolicyType.Ingress ? "dst" : "src"));
        return new AdminPolicy(kind, tier, name, priority, subject, side == PolicyType.Ingress ? List.of(rules) : List.of(),
                side == PolicyType.Egress ? List.of(rules) : List.of(), Source.UNKNOWN);
    }

    /** A NetworkPolicy selecting the side's pod: admitting the far end, or admitting nothing. */
    private static NetworkPolicy networkPolicy(PolicyType side, boolean admits) {
        String ns = side == PolicyType.Ingress ? "dst" : "src";
        List<PolicyRule> rules = admits ? List.of(new PolicyRule(List.of(new Peer.NamespaceSelectorPeer(
                LabelSelector.matchLabels(Namespace.NAME_LABEL, side == PolicyType.Ingress ? "src" : "dst"),
                Source.UNKNOWN)), List.of(), Source.UNKNOWN)) : List.of();
        return new NetworkPolicy(ns, "np", LabelSelector.all(), java.util.Set.of(side),
                side == PolicyType.Ingress ? rules : List.of(), side == PolicyType.Egress ? rules : List.of(), Source.UNKNOWN);
    }

    private static Cluster cluster(List<NetworkPolicy> nps, List<AdminPolicy> admin, List<Node> nodes) {
        return cluster(List.of(S, D), nps, admin, nodes);
    }

    private static Cluster cluster(List<Pod> pods, List<NetworkPolicy> nps, List<AdminPolicy> admin, List<Node> nodes) {
        List<Workload> ws = pods.stream().map(p -> new Workload("Pod", p.namespace(), p.name(), List.of(p), Source.UNKNOWN))
                .toList();
        return Cluster.of(List.of(Namespace.of("src", Labels.EMPTY, Source.UNKNOWN),
                Namespace.of("dst", Labels.EMPTY, Source.UNKNOWN)), ws, nps).withAdminPolicies(admin).withNodes(nodes);
    }

    private static boolean analyzed(Cluster c, Protocol protocol, int port) {
        return analyzed(c, "src/s", "dst/d", protocol, port);
    }

    private static boolean analyzed(Cluster c, String from, String to, Protocol protocol, int port) {
        return new Analyzer(AnalysisOptions.DEFAULT).analyze(c).connections().stream().anyMatch(x ->
                x.src().id().equals(from) && x.dst().id().equals(to) && x.allowed().contains(protocol, port));
    }

    private static boolean explained(Cluster c, Protocol protocol, int port) {
        return verdict(c, S, D, protocol, port).allowed();
    }

    private static Verdict verdict(Cluster c, Pod from, Pod to, Protocol protocol, int port) {
        Workload s = c.workloads().stream().filter(w -> w.pods().contains(from)).findFirst().orElseThrow();
        Workload d = c.workloads().stream().filter(w -> w.pods().contains(to)).findFirst().orElseThrow();
        return new Explainer(c, AnalysisOptions.DEFAULT).explain(new Target.PodTarget(s, from), new Target.PodTarget(d, to),
                protocol, port);
    }

    private static AdminPolicy anp(String name, int priority, PolicyType side, AdminRule... rules) {
        return policy(Kind.AdminNetworkPolicy, Tier.ADMIN, name, priority, side, rules);
    }

    @Test
    void priority_lowerNumberDecidesFirst() {
        AdminRule deny = rule(Action.DENY, PolicyType.Ingress);
        AdminRule allow = rule(Action.ALLOW, PolicyType.Ingress);
        Cluster denyFirst = cluster(List.of(), List.of(anp("z-deny", 1, PolicyType.Ingress, deny),
                anp("a-allow", 2, PolicyType.Ingress, allow)), List.of());
        Cluster allowFirst = cluster(List.of(), List.of(anp("z-deny", 2, PolicyType.Ingress, deny),
                anp("a-allow", 1, PolicyType.Ingress, allow)), List.of());
        assertThat(analyzed(denyFirst, Protocol.TCP, 80)).isFalse();
        assertThat(explained(denyFirst, Protocol.TCP, 80)).isFalse();
        assertThat(analyzed(allowFirst, Protocol.TCP, 80)).isTrue();
        assertThat(explained(allowFirst, Protocol.TCP, 80)).isTrue();
    }

    @Test
    void ruleOrder_firstMatchingRuleOfAPolicyDecides() {
        AdminRule deny = rule(Action.DENY, PolicyType.Egress);
        AdminRule allow = rule(Action.ALLOW, PolicyType.Egress);
        AdminRule pass = rule(Action.PASS, PolicyType.Egress);
        NetworkPolicy admits = networkPolicy(PolicyType.Egress, true);
        assertThat(analyzed(cluster(List.of(), List.of(anp("p", 5, PolicyType.Egress, allow, deny)), List.of()),
                Protocol.TCP, 80)).isTrue();
        assertThat(analyzed(cluster(List.of(), List.of(anp("p", 5, PolicyType.Egress, deny, allow)), List.of()),
                Protocol.TCP, 80)).isFalse();
        assertThat(analyzed(cluster(List.of(admits), List.of(anp("p", 5, PolicyType.Egress, pass, deny)), List.of()),
                Protocol.TCP, 80)).isTrue();
        Verdict v = verdict(cluster(List.of(admits), List.of(anp("p", 5, PolicyType.Egress, pass, deny)), List.of()),
                S, D, Protocol.TCP, 80);
        assertThat(v.egress().walk().stage()).isEqualTo(Verdict.Stage.NETWORK_POLICY);
        assertThat(v.egress().walk().admin().toString()).isEqualTo("AdminNetworkPolicy p (prio 5) rule 0: Pass");
    }

    @Test
    void ports_aDenyOnOnePortLeavesTheOthersToTheNextTier() {
        AdminRule denyHttp = new AdminRule("no-http", Action.DENY, rule(Action.DENY, PolicyType.Ingress).peers(),
                List.of(new AdminPort.Named("http")), Source.UNKNOWN);
        Cluster c = cluster(List.of(networkPolicy(PolicyType.Ingress, true)),
                List.of(anp("p", 5, PolicyType.Ingress, denyHttp)), List.of());
        assertThat(analyzed(c, Protocol.TCP, 80)).isFalse();
        assertThat(analyzed(c, Protocol.TCP, 81)).isTrue();
        assertThat(analyzed(c, Protocol.UDP, 80)).isTrue();
        assertThat(explained(c, Protocol.TCP, 80)).isFalse();
        assertThat(explained(c, Protocol.TCP, 81)).isTrue();
    }

    @Test
    void bothDirections_anAdminAllowOnOneSideDoesNotOverrideADenyOnTheOther() {
        Cluster c = cluster(List.of(), List.of(anp("deny-egress", 1, PolicyType.Egress, rule(Action.DENY, PolicyType.Egress)),
                anp("allow-ingress", 1, PolicyType.Ingress, rule(Action.ALLOW, PolicyType.Ingress))), List.of());
        assertThat(analyzed(c, Protocol.TCP, 80)).isFalse();
        Verdict v = verdict(c, S, D, Protocol.TCP, 80);
        assertThat(v.egress().allowed()).isFalse();
        assertThat(v.ingress().allowed()).isTrue();
    }

    @Test
    void baselineTier_passGoesToTheDefaultAndClusterNetworkPoliciesComeBeforeTheBaselineAdminNetworkPolicy() {
        AdminPolicy cnpPass = policy(Kind.ClusterNetworkPolicy, Tier.BASELINE, "cnp", 900, PolicyType.Ingress,
                rule(Action.PASS, PolicyType.Ingress), rule(Action.DENY, PolicyType.Ingress));
        AdminPolicy cnpDeny = policy(Kind.ClusterNetworkPolicy, Tier.BASELINE, "cnp", 900, PolicyType.Ingress,
                rule(Action.DENY, PolicyType.Ingress));
        AdminPolicy banpAllow = policy(Kind.BaselineAdminNetworkPolicy, Tier.BASELINE, "default", AdminPolicy.BANP_PRIORITY,
                PolicyType.Ingress, rule(Action.ALLOW, PolicyType.Ingress));
        AdminPolicy banpDeny = policy(Kind.BaselineAdminNetworkPolicy, Tier.BASELINE, "default", AdminPolicy.BANP_PRIORITY,
                PolicyType.Ingress, rule(Action.DENY, PolicyType.Ingress));
        assertThat(analyzed(cluster(List.of(), List.of(cnpPass), List.of()), Protocol.TCP, 80)).isTrue();
        assertThat(analyzed(cluster(List.of(), List.of(cnpPass, banpDeny), List.of()), Protocol.TCP, 80)).isTrue();
        assertThat(analyzed(cluster(List.of(), List.of(banpAllow, cnpDeny), List.of()), Protocol.TCP, 80)).isFalse();
        assertThat(explained(cluster(List.of(), List.of(banpAllow, cnpDeny), List.of()), Protocol.TCP, 80)).isFalse();
    }

    @Test
    void hostNetworkPods_areNeitherSubjectsNorSelectorPeers_butNetworksAndNodesReachTheirAddress() {
        IpAddress nodeIp = IpAddress.parse("10.0.0.10").orElseThrow();
        Pod agent = new Pod("dst", "agent", Labels.of("app", "d"), List.of(), List.of(nodeIp), true, Source.UNKNOWN);
        AdminPolicy denyAll = anp("deny-all", 1, PolicyType.Ingress, rule(Action.DENY, PolicyType.Ingress));
        Cluster c = cluster(List.of(S, agent), List.of(), List.of(denyAll), List.of());
        assertThat(analyzed(c, "src/s", "dst/agent", Protocol.TCP, 80)).as("not a subject").isTrue();

        AdminRule toNamespace = rule(Action.DENY, PolicyType.Egress);
        AdminRule toNetwork = new AdminRule("", Action.DENY, List.of(new AdminPeer.Networks(List.of(Cidr.of("10.0.0.0/24")),
                Source.UNKNOWN)), List.of(), Source.UNKNOWN);
        AdminRule toNodes = new AdminRule("", Action.DENY, List.of(new AdminPeer.Nodes(LabelSelector.matchLabels("role",
                "worker"), Source.UNKNOWN)), List.of(), Source.UNKNOWN);
        Node worker = new Node("w1", Labels.of("role", "worker"), List.of(nodeIp), Source.UNKNOWN);
        assertThat(analyzed(cluster(List.of(S, agent), List.of(), List.of(anp("e", 1, PolicyType.Egress, toNamespace)),
                List.of()), "src/s", "dst/agent", Protocol.TCP, 80)).as("namespaces peer").isTrue();
        assertThat(analyzed(cluster(List.of(S, agent), List.of(), List.of(anp("e", 1, PolicyType.Egress, toNetwork)),
                List.of()), "src/s", "dst/agent", Protocol.TCP, 80)).as("networks peer").isFalse();
        Cluster nodes = cluster(List.of(S, agent), List.of(), List.of(anp("e", 1, PolicyType.Egress, toNodes)), List.of(worker));
        assertThat(analyzed(nodes, "src/s", "dst/agent", Protocol.TCP, 80)).as("nodes peer").isFalse();
        assertThat(analyzed(nodes, "src/s", "10.0.0.10/32", Protocol.TCP, 80)).as("the node address").isFalse();
        assertThat(analyzed(nodes, "src/s", "10.0.0.11-255.255.255.255", Protocol.TCP, 80)).isTrue();
    }

    @Test
    void samePriority_conflictingPolicies_areWarnedAbout() {
        Cluster c = cluster(List.of(), List.of(anp("b", 7, PolicyType.Ingress, rule(Action.DENY, PolicyType.Ingress)),
                anp("a", 7, PolicyType.Ingress, rule(Action.ALLOW, PolicyType.Ingress)),
                anp("c", 7, PolicyType.Ingress, rule(Action.ALLOW, PolicyType.Ingress))), List.of());
        assertThat(new Analyzer(AnalysisOptions.DEFAULT).analyze(c).warnings()).containsExactly(
                "AdminNetworkPolicy a (<generated>:0) and AdminNetworkPolicy b (<generated>:0) have the same priority 7 and"
                        + " could both match a connection with different actions (ingress rule 0 Allow, ingress rule 0"
                        + " Deny); the API leaves their order undefined: Stockade applies a first (by kind and name)",
                "AdminNetworkPolicy b (<generated>:0) and AdminNetworkPolicy c (<generated>:0) have the same priority 7 and"
                        + " could both match a connection with different actions (ingress rule 0 Deny, ingress rule 0"
                        + " Allow); the API leaves their order undefined: Stockade applies b first (by kind and name)");
        assertThat(analyzed(c, Protocol.TCP, 80)).as("a, by name, comes first").isTrue();
    }
}
