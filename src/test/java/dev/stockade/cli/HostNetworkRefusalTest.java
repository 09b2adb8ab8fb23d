package dev.stockade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.HostNetworkMode;
import dev.stockade.model.Cluster;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The data plane's refusal of host-network pods policed as pods names them on one line, escaped. */
@Tag("hostile")
class HostNetworkRefusalTest {
    @Test
    void refuses_hostileHostNetworkPodName_staysOnOneLineEscaped() {
        Pod pod = new Pod("ops", "agent\n\u001b[31mflush ruleset", Labels.EMPTY, List.of(), List.of(), true,
                Source.UNKNOWN);
        Cluster cluster = Cluster.of(List.of(), List.of(new Workload("Pod", "ops", pod.name(), List.of(pod),
                Source.UNKNOWN)), List.of());
        StringWriter err = new StringWriter();

        boolean refused = HostNetworkRefusal.refuses(cluster, new AnalysisOptions(true, HostNetworkMode.POD), "lab",
                new PrintWriter(err));

        assertThat(refused).isTrue();
        assertThat(err.toString()).endsWith("\n").doesNotContain("\u001b").hasLineCount(1)
                .contains("(ops/agent\\u000a\\u001b[31mflush ruleset)");
    }
}
