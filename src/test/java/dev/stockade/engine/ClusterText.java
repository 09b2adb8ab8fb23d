package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact, complete spelling of a generated cluster for failure messages: every namespace with
 * its labels, every pod with labels, container ports, IPs and host networking, and every policy
 * with its selector, effective types, rules, peers and ports.
 */
final class ClusterText {
    private ClusterText() {}

    static String describe(Cluster cluster) {
        StringBuilder sb = new StringBuilder();
        for (Namespace n : cluster.namespaces()) {
            sb.append("namespace ").append(n.name()).append(" {").append(n.labels()).append("}\n");
        }
        for (Workload w : cluster.workloads()) {
            sb.append("workload ").append(w).append(" (").append(w.kind()).append(")\n");
            for (Pod p : w.pods()) {
                sb.append("  pod ").append(p.name()).append(" labels {").append(p.labels()).append("} ports ")
                        .append(p.ports()).append(" ips ").append(p.ips())
                        .append(p.hostNetwork() ? " hostNetwork" : "").append('\n');
            }
        }
        for (NetworkPolicy p : cluster.policies()) {
            String types = p.policyTypes().stream().sorted().map(PolicyType::name).collect(Collectors.joining(","));
            sb.append("policy ").append(p).append(" podSelector ").append(p.podSelector()).append(" policyTypes [")
                    .append(types).append("]\n");
            rules(sb, "ingress", "from", p.ingress());
            rules(sb, "egress", "to", p.egress());
        }
        for (dev.stockade.model.AdminPolicy p : cluster.adminPolicies()) {
            sb.append(p.title()).append(" tier ").append(p.tier()).append(" subject ").append(p.subject()).append('\n');
            for (var dir : PolicyType.values()) {
                var rs = p.rules(dir);
                for (int i = 0; i < rs.size(); i++) {
                    var r = rs.get(i);
                    sb.append("  ").append(dir).append('[').append(i).append("] ").append(p.actionName(r.action()))
                            .append(dir == PolicyType.Ingress ? " from " : " to ").append(r.peers())
                            .append(" ports ").append(r.allPorts() ? "(all)" : r.ports()).append('\n');
                }
            }
        }
        for (dev.stockade.model.Node n : cluster.nodes()) {
            sb.append("node ").append(n.name()).append(" {").append(n.labels()).append("} addresses ")
                    .append(n.addresses()).append('\n');
        }
        return sb.toString();
    }

    private static void rules(StringBuilder sb, String field, String peers, List<PolicyRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule r = rules.get(i);
            sb.append("  ").append(field).append('[').append(i).append("] ").append(peers).append(' ')
                    .append(r.peers().isEmpty() ? "(any)" : r.peers().toString()).append(" ports ")
                    .append(r.ports().isEmpty() ? "(any)" : r.ports().toString()).append('\n');
        }
    }
}
