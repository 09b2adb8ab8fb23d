package dev.stockade.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.engine.Endpoint;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Differ} on the diff test inputs and on small hand-made clusters. */
class DifferTest {
    private static final String OLD = "src/test/resources/diff-inputs/old";
    private static final String NEW = "src/test/resources/diff-inputs/new";

    private static Cluster load(String path) {
        return Loader.load(List.of(path)).cluster();
    }

    private static List<String> lines(ConnectivityDiff d) {
        return d.changes().stream().map(PairChange::toString).toList();
    }

    @Test
    void diff_hexabaseVersions_reportsEveryKindOfChange() {
        ConnectivityDiff d = Differ.diff(load(OLD), load(NEW), AnalysisOptions.DEFAULT);

        assertThat(lines(d)).containsExactly(
                "- ingress-nginx/ingress-nginx-controller => production/frontend : TCP 8080",
                "+ production/backend => production/cache : TCP 6379",
                "- production/backend => 192.168.100.10/32 : TCP 5432",
                "+ production/backend => 192.168.100.20/32 : TCP 5432",
                "+ production/cache => kube-system/coredns : TCP 53; UDP 53",
                "~ production/frontend => production/backend : TCP 8080 -> TCP 8080,9090",
                "+ workspace-b/experiments => production/frontend : TCP 8080");
        assertThat(d.workloadsAdded()).extracting(Endpoint::id).containsExactly("production/cache");
        assertThat(d.workloadsRemoved()).isEmpty();
        assertThat(d.hasAdded()).isTrue();
        assertThat(d.hasRemoved()).isTrue();
    }

    @Test
    void diff_namespaceLabelChange_isExplainedByThePolicySelectingTheNamespace() {
        ConnectivityDiff d = Differ.diff(load(OLD), load(NEW), AnalysisOptions.DEFAULT);
        PairChange c = d.changes().stream().filter(x -> x.src().id().equals("workspace-b/experiments")).findFirst()
                .orElseThrow();

        Witness w = c.witnesses().get(0);
        assertThat(w.toString()).isEqualTo("TCP 8080");
        assertThat(w.opened()).isTrue();
        assertThat(w.before().allowed()).isFalse();
        assertThat(w.before().reasons()).extracting(Object::toString).containsExactly(
                "ingress to production/frontend: NetworkPolicy production/default-deny-all (" + OLD
                        + "/policies.yaml:3) admits nothing for it",
                "ingress to production/frontend: NetworkPolicy production/allow-ingress-controller-to-frontend (" + OLD
                        + "/policies.yaml:39) admits nothing for it",
                "ingress to production/frontend: NetworkPolicy production/allow-trusted-namespaces-to-frontend (" + OLD
                        + "/policies.yaml:178) admits nothing for it");
        assertThat(w.after().reasons()).extracting(Object::toString).containsExactly(
                "egress from workspace-b/experiments: unrestricted (no policy selects it for Egress)",
                "ingress to production/frontend: NetworkPolicy production/allow-trusted-namespaces-to-frontend (" + NEW
                        + "/policies.yaml:158) rule 0 (" + NEW + "/policies.yaml:170) admits it");
    }

    @Test
    void diff_changedPortsBothWays_hasAnOpenedAndAClosedWitness() {
        Cluster before = cluster(egress("backend", IpBlock.of("10.0.0.0/8"), PolicyPort.PortRange.of(Protocol.TCP, 443)));
        Cluster after = cluster(egress("backend", IpBlock.of("10.0.0.0/8"), PolicyPort.PortRange.of(Protocol.TCP, 8443)));

        PairChange c = Differ.diff(before, after, AnalysisOptions.DEFAULT).changes().get(0);

        assertThat(c).hasToString("~ prod/backend => 10.0.0.0/8 : TCP 443 -> TCP 8443");
        assertThat(c.witnesses()).extracting(w -> w + (w.opened() ? " opened" : " closed"))
                .containsExactly("TCP 8443 opened", "TCP 443 closed");
    }

    @Test
    void diff_rangesOfEitherVersion_areRefinedThenMergedWhereTheyChangeAlike() {
        // the frontend splits 10.0.0.0/8 at 10.128.0.0 in both versions; the backend's change is
        // the same on both halves, so the diff reports 10.0.0.0/8 whole
        NetworkPolicy frontend = egress("frontend", IpBlock.of("10.0.0.0/9"), PolicyPort.PortRange.of(Protocol.TCP, 80));
        Cluster before = cluster(frontend, egress("backend", IpBlock.of("10.0.0.0/8"),
                PolicyPort.PortRange.of(Protocol.TCP, 443)));
        Cluster after = cluster(frontend, egress("backend", IpBlock.of("10.0.0.0/8", "10.1.0.0/16"),
                PolicyPort.PortRange.of(Protocol.TCP, 443)), egress("backend-more", "backend",
                IpBlock.of("10.0.0.0/8"), PolicyPort.PortRange.of(Protocol.UDP, 53)));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(lines(d)).containsExactly(
                "~ prod/backend => 10.0.0.0/16 : TCP 443 -> TCP 443; UDP 53",
                "~ prod/backend => 10.1.0.0/16 : TCP 443 -> UDP 53",
                "~ prod/backend => 10.2.0.0-10.255.255.255 : TCP 443 -> TCP 443; UDP 53");
        assertThat(new Analyzer(AnalysisOptions.DEFAULT).analyze(after).endpoints()).extracting(Endpoint::id)
                .contains("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0-10.127.255.255", "10.128.0.0/9");
    }

    @Test
    void diff_workloadOfASecondKindWithTheSameName_getsKindQualifiedIds() {
        Workload deployment = workload("Deployment", "a");
        Workload statefulSet = workload("StatefulSet", "a");
        Cluster before = Cluster.of(List.of(), List.of(deployment), List.of());
        Cluster after = Cluster.of(List.of(), List.of(deployment, statefulSet), List.of());

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(d.workloadsAdded()).extracting(Endpoint::id).containsExactly("prod/a[StatefulSet]");
        assertThat(lines(d)).containsExactly(
                "+ prod/a[Deployment] => prod/a[StatefulSet] : All connections",
                "+ prod/a[StatefulSet] => prod/a[Deployment] : All connections",
                "+ prod/a[StatefulSet] => 0.0.0.0/0 : All connections",
                "+ prod/a[StatefulSet] => ::/0 : All connections",
                "+ 0.0.0.0/0 => prod/a[StatefulSet] : All connections",
                "+ ::/0 => prod/a[StatefulSet] : All connections");
    }

    @Test
    void diff_podLabelChange_movesThePodBetweenSelectors() {
        NetworkPolicy denyAll = new NetworkPolicy("prod", "deny", LabelSelector.matchLabels("app", "web"),
                Set.of(PolicyType.Ingress), List.of(), List.of(), Source.UNKNOWN);
        Workload web = workload("Deployment", "web");
        Workload relabelled = new Workload("Deployment", "prod", "web",
                List.of(Pod.of("prod", "web", Labels.of("app", "web-v2"))), Source.UNKNOWN);
        Cluster before = Cluster.of(List.of(), List.of(web, workload("Deployment", "client")), List.of(denyAll));
        Cluster after = Cluster.of(List.of(), List.of(relabelled, workload("Deployment", "client")), List.of(denyAll));

        ConnectivityDiff d = Differ.diff(before, after, AnalysisOptions.DEFAULT);

        assertThat(d.workloadsAdded()).isEmpty();
        assertThat(lines(d)).containsExactly("+ prod/client => prod/web : All connections",
                "+ 0.0.0.0/0 => prod/web : All connections", "+ ::/0 => prod/web : All connections");
    }

    @Test
    void compare_differentOptions_isRefused() {
        Cluster c = load(OLD);
        assertThatThrownBy(() -> Differ.compare(new Analyzer(new AnalysisOptions(true)).analyze(c),
                new Analyzer(new AnalysisOptions(false)).analyze(c)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different options");
    }

    private static Workload workload(String kind, String name) {
        return new Workload(kind, "prod", name, List.of(Pod.of("prod", name, Labels.of("app", name))), Source.UNKNOWN);
    }

    private static Cluster cluster(NetworkPolicy... policies) {
        return Cluster.of(List.of(Namespace.of("prod", Labels.EMPTY, Source.UNKNOWN)),
                List.of(workload("Deployment", "backend"), workload("Deployment", "frontend")), Arrays.asList(policies));
    }

    private static NetworkPolicy egress(String app, IpBlock block, PolicyPort port) {
        return egress(app + "-egress", app, block, port);
    }

    private static NetworkPolicy egress(String name, String app, IpBlock block, PolicyPort port) {
        PolicyRule rule = new PolicyRule(List.of(new Peer.IpBlockPeer(block, Source.UNKNOWN)), List.of(port),
                Source.UNKNOWN);
        return new NetworkPolicy("prod", name, LabelSelector.matchLabels("app", app), Set.of(PolicyType.Egress),
                List.of(), List.of(rule), Source.UNKNOWN);
    }
}
