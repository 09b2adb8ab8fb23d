package dev.stockade.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What the lab refuses before it creates anything: pod addresses it cannot route, too many pods. */
@Tag("hostile")
class LabPlanTest {
    private static final Source AT = new Source("pods.yaml", 7, 1);

    private static Cluster pods(List<Pod> pods) {
        return Cluster.of(List.of(), List.of(new Workload("Pod", "ns", "w", pods, Source.UNKNOWN)), List.of());
    }

    private static Pod pod(String name, String... ips) {
        return new Pod("ns", name, Labels.EMPTY, List.of(), List.of(ips).stream()
                .map(s -> IpAddress.parse(s).orElseThrow()).toList(), false, AT);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1|a loopback address",
        "::1|a loopback address",
        "224.0.0.5|a multicast address",
        "ff02::1|a multicast address",
        "255.255.255.255|the broadcast address",
        "169.254.1.1|a link-local address",
        "240.0.0.1|",
        "fe80::1|a link-local address",
        "0.0.0.0|the unspecified address",
        "::|the unspecified address",
        "0.1.2.3|in 0.0.0.0/8 (this network)",
        "::ffff:a00:1|an IPv4-mapped IPv6 address"})
    void plan_unusableAddress_isAPositionedProblem(String ip, String kind) {
        Lab lab = Lab.plan(pods(List.of(pod("web", "10.0.0.1"), pod("db", ip))));
        if (kind == null) {
            assertThat(lab.problems()).as("class E is unicast to Linux").isEmpty();
            return;
        }

        assertThat(lab.problems()).containsExactly("pods.yaml:7:1: Pod ns/db: status.podIPs: " + ip + " is " + kind
                + ": the lab cannot route it (expected a unicast pod address: not loopback, link-local, multicast,"
                + " broadcast, unspecified, 0.0.0.0/8 or IPv4-mapped)");
    }

    @Test
    void plan_ordinaryAddresses_areNoProblem() {
        assertThat(Lab.plan(pods(List.of(pod("web", "10.0.0.1", "fd00::1"), pod("db", "192.168.1.1", "2001:db8::1"))))
                .problems()).isEmpty();
    }

    @Test
    void plan_morePodsThanTheCap_isOneProblemAndAssignsNothing() {
        List<Pod> many = new ArrayList<>();
        for (int i = 0; i <= Lab.MAX_PODS; i++) {
            many.add(Pod.of("ns", "p" + i, Labels.EMPTY));
        }
        many.add(new Pod("ns", "host", Labels.EMPTY, List.of(), List.of(), true, AT));

        Lab lab = Lab.plan(pods(many));

        assertThat(lab.problems()).containsExactly("the input has 501 pods for the lab, more than it runs (at most 500:"
                + " each is a network namespace with a listener and a probe process); give it fewer pods, e.g. one"
                + " namespace's manifests");
        assertThat(lab.pods()).isEmpty();
    }

    @Test
    void plan_64000PodsWithoutIps_isRefusedNotACrash() {
        List<Pod> many = new ArrayList<>();
        for (int i = 0; i < 64_000; i++) {
            many.add(Pod.of("ns", "p" + i, Labels.EMPTY));
        }
        assertThat(Lab.plan(pods(many)).problems()).singleElement().asString().startsWith("the input has 64000 pods");
    }
}
