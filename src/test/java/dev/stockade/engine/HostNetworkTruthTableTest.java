package dev.stockade.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --host-network=node|pod} on one small cluster (golden-inputs/host-network): a
 * host-network pod ops/agent, on its node's address, among ordinary pods; NetworkPolicies
 * (a default deny in app, a pod selector, a namespace-and-pod selector naming the agent, an
 * ipBlock of its address, a policy selecting the agent itself) and AdminNetworkPolicies (one
 * whose subject is the agent, one whose pods peer names it). The exact connectivity on TCP 80
 * under both modes, from the analysis and from {@link Explainer} cell by cell (a pod to itself
 * is loopback, not analysed: {@code -}).
 */
class HostNetworkTruthTableTest {
    static final Path CLUSTER = Path.of("src/test/resources/golden-inputs/host-network/cluster.yaml");

    /**
     * As node traffic the agent is never isolated (everyone reaches it, it reaches every pod
     * not isolated against it) and no selector names it; only web's ipBlock of its address does.
     */
    private static final String NODE = """
            -         app/db    app/web   ops/agent ops/other ops/probe
            app/db    -         .         .         .         .
            app/web   X         -         X         .         .
            ops/agent .         .         -         X         X
            ops/other .         .         X         -         X
            ops/probe .         .         X         X         -
            """;

    /**
     * Policed as a pod: its own policy admits only probe (web's ipBlock no longer suffices);
     * the selectors naming it admit it to db (the admin Allow) and web; the admin Deny whose
     * subject it is keeps it from probe.
     */
    private static final String POD = """
            -         app/db    app/web   ops/agent ops/other ops/probe
            app/db    -         .         .         .         .
            app/web   X         -         .         .         .
            ops/agent X         X         -         X         .
            ops/other .         .         .         -         X
            ops/probe .         .         X         X         -
            """;

    static Cluster cluster() throws IOException {
        LoadResult r = Loader.loadString(CLUSTER.toString(), Files.readString(CLUSTER));
        assertThat(r.diagnostics()).isEmpty();
        return r.cluster();
    }

    @Test
    void node_hostNetworkPodIsNodeTraffic_analysisAndExplainAgree() throws IOException {
        check(HostNetworkMode.NODE, NODE);
    }

    @Test
    void pod_hostNetworkPodIsPolicedAsAPod_analysisAndExplainAgree() throws IOException {
        check(HostNetworkMode.POD, POD);
    }

    @Test
    void warnings_sayWhatEachModeAssumes() throws IOException {
        assertThat(new Analyzer(new AnalysisOptions(true, HostNetworkMode.NODE)).analyze(cluster()).warnings())
                .containsExactly("ops/agent: uses the host network; NetworkPolicies neither isolate it nor match"
                        + " it with pod or namespace selectors");
        assertThat(new Analyzer(new AnalysisOptions(true, HostNetworkMode.POD)).analyze(cluster()).warnings())
                .containsExactly("ops/agent: uses the host network; policed as a pod (--host-network=pod),"
                        + " which most network plugins do not do");
    }

    @Test
    void describe_namesBothChoices() {
        assertThat(new AnalysisOptions(true, HostNetworkMode.NODE).describe())
                .isEqualTo("ipBlock matches pod IPs; host-network pods are node traffic");
        assertThat(new AnalysisOptions(false, HostNetworkMode.POD).describe())
                .isEqualTo("ipBlock matches external addresses only; host-network pods are policed as pods");
        assertThat(AnalysisOptions.DEFAULT.hostNetwork()).isEqualTo(HostNetworkMode.NODE);
    }

    @Test
    void explain_nodeMode_saysHostNetwork_podMode_tracesThePolicies() throws IOException {
        Cluster c = cluster();
        Target agent = target(c, "ops/agent");
        Target other = target(c, "ops/other");
        Verdict node = new Explainer(c, new AnalysisOptions(true, HostNetworkMode.NODE))
                .explain(other, agent, Protocol.TCP, 80);
        Verdict pod = new Explainer(c, new AnalysisOptions(true, HostNetworkMode.POD))
                .explain(other, agent, Protocol.TCP, 80);
        assertThat(node.ingress().status()).isEqualTo(Verdict.Status.HOST_NETWORK);
        assertThat(pod.ingress().status()).isEqualTo(Verdict.Status.ISOLATED);
        assertThat(pod.ingress().policies()).extracting(t -> t.policy().name()).containsExactly("agent-ingress");
    }

    private static void check(HostNetworkMode mode, String expected) throws IOException {
        Cluster c = cluster();
        AnalysisOptions options = new AnalysisOptions(true, mode);
        List<Target.PodTarget> pods = pods(c);
        List<String> ids = pods.stream().map(t -> t.pod().toString()).toList();
        TruthTable analysed = withoutLoopback(TruthTable.filled(ids, false));
        for (Connection x : new Analyzer(options).analyze(c).connections()) {
            if (ids.contains(x.src().id()) && ids.contains(x.dst().id()) && x.allowed().contains(Protocol.TCP, 80)) {
                analysed = analysed.expect(x.src().id(), x.dst().id(), true);
            }
        }
        Explainer explainer = new Explainer(c, options);
        TruthTable explained = TruthTable.filled(ids, null);
        for (Target.PodTarget s : pods) {
            for (Target.PodTarget d : pods) {
                if (s == d) {
                    continue;
                }
                explained = explained.expect(s.pod().toString(), d.pod().toString(),
                        explainer.explain(s, d, Protocol.TCP, 80).allowed());
            }
        }
        assertThat(analysed.render()).as("analysis, " + mode).isEqualTo(expected);
        assertThat(explained.render()).as("explain, " + mode).isEqualTo(expected);
    }

    private static TruthTable withoutLoopback(TruthTable t) {
        for (String id : t.items()) {
            t = t.expect(id, id, null);
        }
        return t;
    }

    private static List<Target.PodTarget> pods(Cluster c) {
        List<Target.PodTarget> out = new ArrayList<>();
        for (Workload w : c.workloads()) {
            for (Pod p : w.pods()) {
                out.add(new Target.PodTarget(w, p));
            }
        }
        out.sort(java.util.Comparator.comparing(t -> t.pod().toString()));
        return out;
    }

    private static Target target(Cluster c, String id) {
        return pods(c).stream().filter(t -> t.pod().toString().equals(id)).findFirst().orElseThrow();
    }
}
