package dev.stockade.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.model.AdminPeer;
import dev.stockade.model.AdminPolicy;
import dev.stockade.model.AdminPort;
import dev.stockade.model.AdminRule;
import dev.stockade.model.AdminSubject;
import dev.stockade.model.Cidr;
import dev.stockade.model.IpAddress;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Node;
import dev.stockade.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy and Node through the
 * loader: what a valid object becomes, and every CRD validation rule as an exact diagnostic.
 */
class AdminPolicyLoaderTest {
    private static List<String> lines(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** An AdminNetworkPolicy {@code anp} with this spec; the spec's first line is line 5, column 3. */
    private static String anp(String spec) {
        return "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp}\nspec:\n"
                + spec.indent(2);
    }

    /** A ClusterNetworkPolicy {@code cnp} with this spec; the spec's first line is line 5, column 3. */
    private static String cnp(String spec) {
        return "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: cnp}\nspec:\n"
                + spec.indent(2);
    }

    @Test
    void load_adminNetworkPolicy_readsEveryField() {
        LoadResult r = Loader.loadString("in.yaml", anp("""
                priority: 10
                subject:
                  pods:
                    namespaceSelector: {matchLabels: {team: a}}
                    podSelector: {matchLabels: {app: web}}
                ingress:
                - name: from-monitoring
                  action: Allow
                  from:
                  - namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                  ports:
                  - portNumber: {protocol: TCP, port: 9090}
                  - namedPort: metrics
                  - portRange: {protocol: UDP, start: 5000, end: 5010}
                egress:
                - action: Pass
                  to:
                  - pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}
                  - nodes: {matchLabels: {role: infra}}
                  - networks: [10.0.0.0/8, "fd00::/64"]
                """));
        assertThat(lines(r)).isEmpty();
        AdminPolicy p = r.cluster().adminPolicies().get(0);
        assertThat(p.kind()).isEqualTo(AdminPolicy.Kind.AdminNetworkPolicy);
        assertThat(p.tier()).isEqualTo(AdminPolicy.Tier.ADMIN);
        assertThat(p.priority()).isEqualTo(10);
        assertThat(p.subject()).isEqualTo(new AdminSubject.Pods(LabelSelector.matchLabels("team", "a"),
                LabelSelector.matchLabels("app", "web")));
        AdminRule in = p.ingress().get(0);
        assertThat(in.name()).isEqualTo("from-monitoring");
        assertThat(in.action()).isEqualTo(AdminRule.Action.ALLOW);
        assertThat(in.peers()).extracting(Object::toString)
                .containsExactly("namespaces kubernetes.io/metadata.name=monitoring");
        assertThat(in.ports()).containsExactly(new AdminPort.Number(Protocol.TCP, 9090), new AdminPort.Named("metrics"),
                new AdminPort.Range(Protocol.UDP, 5000, 5010));
        AdminRule out = p.egress().get(0);
        assertThat(out.action()).isEqualTo(AdminRule.Action.PASS);
        assertThat(out.allPorts()).isTrue();
        assertThat(out.peers().get(1)).isInstanceOf(AdminPeer.Nodes.class);
        assertThat(((AdminPeer.Networks) out.peers().get(2)).cidrs()).containsExactly(Cidr.of("10.0.0.0/8"),
                Cidr.of("fd00::/64"));
        assertThat(p.source().toString()).isEqualTo("in.yaml:1:1");
        assertThat(in.source().toString()).isEqualTo("in.yaml:11:5");
    }

    @Test
    void load_clusterNetworkPolicy_readsTierAcceptAndProtocols() {
        LoadResult r = Loader.loadString("in.yaml", cnp("""
                tier: Baseline
                priority: 3
                subject:
                  namespaces: {}
                egress:
                - action: Accept
                  to:
                  - namespaces: {}
                  protocols:
                  - tcp: {destinationPort: {number: 443}}
                  - udp: {destinationPort: {range: {start: 53, end: 54}}}
                  - sctp: {destinationPort: {number: 9}}
                  - destinationNamedPort: dns
                """));
        assertThat(lines(r)).isEmpty();
        AdminPolicy p = r.cluster().adminPolicies().get(0);
        assertThat(p.kind()).isEqualTo(AdminPolicy.Kind.ClusterNetworkPolicy);
        assertThat(p.tier()).isEqualTo(AdminPolicy.Tier.BASELINE);
        assertThat(p.egress().get(0).action()).isEqualTo(AdminRule.Action.ALLOW);
        assertThat(p.actionName(AdminRule.Action.ALLOW)).isEqualTo("Accept");
        assertThat(p.egress().get(0).ports()).containsExactly(new AdminPort.Number(Protocol.TCP, 443),
                new AdminPort.Range(Protocol.UDP, 53, 54), new AdminPort.Number(Protocol.SCTP, 9),
                new AdminPort.Named("dns"));
        assertThat(p.title()).isEqualTo("ClusterNetworkPolicy cnp (Baseline tier, prio 3)");
    }

    @Test
    void load_nodes_readsLabelsAndInternalAndExternalAddresses() {
        LoadResult r = Loader.loadString("in.yaml", """
                apiVersion: v1
                kind: Node
                metadata: {name: n1, labels: {role: infra}}
                status:
                  addresses:
                  - {type: InternalIP, address: 10.0.0.1}
                  - {type: ExternalIP, address: "2001:db8::1"}
                  - {type: Hostname, address: n1}
                """);
        assertThat(lines(r)).isEmpty();
        Node n = r.cluster().nodes().get(0);
        assertThat(n.name()).isEqualTo("n1");
        assertThat(n.labels().map()).containsEntry("role", "infra");
        assertThat(n.addresses()).containsExactly(IpAddress.parse("10.0.0.1").orElseThrow(),
                IpAddress.parse("2001:db8::1").orElseThrow());
    }

    @Test
    void load_badAdminNetworkPolicy_reportsEveryProblemAtItsField() {
        LoadResult r = Loader.loadString("in.yaml", anp("""
                priority: 1001
                subject:
                  namespaces: {}
                  pods: {namespaceSelector: {}, podSelector: {}}
                ingress:
                - action: Accept
                  from: []
                - action: Deny
                  from:
                  - networks: [10.0.0.0/8]
                  ports: []
                egress:
                - action: Deny
                  to:
                  - {}
                  - domainNames: [example.com]
                  - namespaces: {}
                    pods: {podSelector: {}}
                  ports:
                  - portNumber: {port: 0}
                  - portRange: {start: 80, end: 80}
                  - namedPort: HTTP
                  - {portNumber: {port: 1}, namedPort: http}
                """));
        assertThat(lines(r)).containsExactlyInAnyOrder(
                "in.yaml:5:13: error: AdminNetworkPolicy anp: spec.priority: 1001 is out of range (expected an integer from 0 to 1000)",
                "in.yaml:8:5: error: AdminNetworkPolicy anp: spec.subject: sets namespaces and pods (expected exactly one of namespaces or pods)",
                "in.yaml:10:13: error: AdminNetworkPolicy anp: spec.ingress[0].action: unknown action \"Accept\" for AdminNetworkPolicy (expected Allow, Deny or Pass)",
                "in.yaml:11:11: error: AdminNetworkPolicy anp: spec.ingress[0].from: is required (expected at least one peer)",
                "in.yaml:14:7: error: AdminNetworkPolicy anp: spec.ingress[1].from[0]: must set exactly one field (expected namespaces or pods)",
                "in.yaml:15:12: error: AdminNetworkPolicy anp: spec.ingress[1].ports: is empty (expected at least one port; leave ports out to match every port)",
                "in.yaml:19:7: error: AdminNetworkPolicy anp: spec.egress[0].to[0]: must set exactly one field (expected namespaces, pods, nodes, networks or domainNames)",
                "in.yaml:20:7: error: AdminNetworkPolicy anp: spec.egress[0].to[1].domainNames: is only allowed in Allow rules (expected another peer for a Deny rule)",
                "in.yaml:22:7: error: AdminNetworkPolicy anp: spec.egress[0].to[2]: sets namespaces and pods (expected exactly one of namespaces, pods, nodes, networks or domainNames)",
                "in.yaml:24:26: error: AdminNetworkPolicy anp: spec.egress[0].ports[0].portNumber.port: 0 is out of range (expected 1-65535)",
                "in.yaml:25:35: error: AdminNetworkPolicy anp: spec.egress[0].ports[1].portRange.end: 80 is not above start 80 (expected start < end; use a single port for one port)",
                "in.yaml:26:18: error: AdminNetworkPolicy anp: spec.egress[0].ports[2].namedPort: " + portNameProblem("HTTP"),
                "in.yaml:27:31: error: AdminNetworkPolicy anp: spec.egress[0].ports[3]: sets portNumber and namedPort (expected exactly one of portNumber, namedPort or portRange)",
                "in.yaml:14:7: warning: AdminNetworkPolicy anp: spec.ingress[1].from[0].networks: unknown field \"networks\"; it is ignored");
        assertThat(r.cluster().adminPolicies()).isEmpty();
    }

    private static String portNameProblem(String name) {
        return Names.portNameProblem(name);
    }

    @Test
    void load_baselineAdminNetworkPolicy_mustBeNamedDefaultAndHasNoPass() {
        LoadResult r = Loader.loadString("in.yaml", """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: baseline}
                spec:
                  priority: 5
                  subject: {namespaces: {}}
                  ingress:
                  - {action: Pass, from: [{namespaces: {}}]}
                """);
        assertThat(lines(r)).containsExactlyInAnyOrder(
                "in.yaml:3:18: error: BaselineAdminNetworkPolicy baseline: metadata.name: \"baseline\" is not allowed (expected default: the BaselineAdminNetworkPolicy is a singleton named default)",
                "in.yaml:8:14: error: BaselineAdminNetworkPolicy baseline: spec.ingress[0].action: unknown action \"Pass\" for BaselineAdminNetworkPolicy (expected Allow or Deny)",
                "in.yaml:5:3: warning: BaselineAdminNetworkPolicy baseline: spec.priority: unknown field \"priority\"; it is ignored");
    }

    @Test
    void load_badClusterNetworkPolicy_reportsTierActionsAndProtocols() {
        LoadResult r = Loader.loadString("in.yaml", cnp("""
                tier: admin
                subject: {}
                ingress:
                - action: Allow
                  from: [{namespaces: {}}]
                  protocols:
                  - tcp: {}
                  - udp: {destinationPort: {number: 53, range: {start: 1, end: 2}}}
                  - tcp: {destinationPort: {number: 80}}
                    udp: {destinationPort: {number: 80}}
                egress:
                - action: Accept
                  to: [{networks: [10.0.0.0/33]}]
                  protocols: [{destinationNamedPort: http}]
                """));
        assertThat(lines(r)).containsExactlyInAnyOrder(
                "in.yaml:5:3: error: ClusterNetworkPolicy cnp: spec.priority: is required (expected an integer from 0 to 1000)",
                "in.yaml:5:9: error: ClusterNetworkPolicy cnp: spec.tier: unknown tier \"admin\" (expected Admin or Baseline)",
                "in.yaml:6:12: error: ClusterNetworkPolicy cnp: spec.subject: must set exactly one field (expected namespaces or pods)",
                "in.yaml:8:13: error: ClusterNetworkPolicy cnp: spec.ingress[0].action: unknown action \"Allow\" for ClusterNetworkPolicy (expected Accept, Deny or Pass)",
                "in.yaml:11:12: error: ClusterNetworkPolicy cnp: spec.ingress[0].protocols[0].tcp.destinationPort: is required (expected number or range; leave tcp out to match every port)",
                "in.yaml:12:43: error: ClusterNetworkPolicy cnp: spec.ingress[0].protocols[1].udp.destinationPort: sets number and range (expected exactly one of number or range)",
                "in.yaml:14:7: error: ClusterNetworkPolicy cnp: spec.ingress[0].protocols[2]: sets tcp and udp (expected exactly one of tcp, udp, sctp or destinationNamedPort)",
                "in.yaml:17:22: error: ClusterNetworkPolicy cnp: spec.egress[0].to[0].networks[0]: \"10.0.0.0/33\" is not a valid CIDR (expected an address and prefix length such as 10.0.0.0/8 or fd00::/64)",
                "in.yaml:18:16: error: ClusterNetworkPolicy cnp: spec.egress[0].protocols: a named port may not be used with networks, nodes or domainNames peers (expected port numbers: those peers have no named ports)");
    }

    @Test
    void load_adminPolicyOfAnotherVersion_isSkippedWithAWarning() {
        LoadResult r = Loader.loadString("in.yaml", """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: ClusterNetworkPolicy
                metadata: {name: old}
                spec: {}
                """);
        assertThat(lines(r)).containsExactlyInAnyOrder("in.yaml:1:13: warning: ClusterNetworkPolicy old: apiVersion:"
                + " \"policy.networking.k8s.io/v1alpha1\" is not an API group Stockade reads ClusterNetworkPolicy from"
                + " (expected policy.networking.k8s.io/v1alpha2); the object is skipped");
    }

    @Test
    void load_nodeWithBadAddress_reportsIt() {
        LoadResult r = Loader.loadString("in.yaml", """
                apiVersion: v1
                kind: Node
                metadata: {name: n1}
                status:
                  addresses: [{type: InternalIP, address: 10.0.0.300}]
                """);
        assertThat(lines(r)).containsExactlyInAnyOrder(
                "in.yaml:5:43: error: Node n1: status.addresses[0].address: \"10.0.0.300\" is not an IP address (expected an IPv4 or IPv6 address for type InternalIP)");
    }
}
