package dev.stockade.query;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Endpoint;
import dev.stockade.model.Cluster;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code query unprotected}: workloads that no NetworkPolicy selects for ingress, or for egress.
 * A pod no policy of a direction selects is not isolated in that direction: everything is
 * allowed. A workload is unprotected in a direction when any of its pods is (its other pods may
 * be selected when their labels drift apart; those pods are then named). Host-network pods are
 * listed on their own: NetworkPolicies never apply to them.
 */
public final class Unprotected {
    private Unprotected() {}

    /**
     * One unprotected workload.
     *
     * @param directions the directions in which some pod of it is not isolated
     * @param pods the names of the unprotected pods when only some of its pods are, else empty
     * @param namespaceHasPolicies whether any NetworkPolicy exists in its namespace
     */
    public record Finding(Endpoint.WorkloadEndpoint workload, Set<PolicyType> directions, List<String> pods,
                          boolean namespaceHasPolicies) {
        public Finding {
            directions = Set.copyOf(directions);
            pods = List.copyOf(pods);
        }
    }

    /**
     * @param workloads unprotected workloads (not on the host network), in analyze's order
     * @param hostNetwork workloads with pods on the host network taken as node traffic (none with --host-network=pod)
     * @param checked how many workloads were looked at (after the namespace filter)
     */
    public record Result(List<Finding> workloads, List<Endpoint.WorkloadEndpoint> hostNetwork, int checked) {
        public Result {
            workloads = List.copyOf(workloads);
            hostNetwork = List.copyOf(hostNetwork);
        }

        /** True when something is unprotected (the command exits 1). */
        public boolean finding() {
            return !workloads.isEmpty() || !hostNetwork.isEmpty();
        }

        public long count(PolicyType direction) {
            return workloads.stream().filter(f -> f.directions().contains(direction)).count();
        }
    }

    /** Checks the workloads whose namespace {@code namespaces} accepts. */
    public static Result run(Cluster cluster, Predicate<String> namespaces) {
        return run(cluster, AnalysisOptions.DEFAULT, namespaces);
    }

    /**
     * Checks the workloads whose namespace {@code namespaces} accepts; host-network workloads are
     * listed apart when the options take them as node traffic, else checked like the others.
     */
    public static Result run(Cluster cluster, AnalysisOptions options, Predicate<String> namespaces) {
        PolicyIndex index = new PolicyIndex(cluster, options.hostNetwork());
        List<Finding> findings = new ArrayList<>();
        List<Endpoint.WorkloadEndpoint> hostNetwork = new ArrayList<>();
        int checked = 0;
        for (Endpoint.WorkloadEndpoint e : Workloads.endpoints(cluster)) {
            if (!namespaces.test(e.workload().namespace())) {
                continue;
            }
            checked++;
            if (!e.workload().pods().stream().allMatch(index::selectable)) {
                hostNetwork.add(e);
                continue;
            }
            Set<PolicyType> directions = EnumSet.noneOf(PolicyType.class);
            Set<String> pods = new LinkedHashSet<>();
            for (Pod p : e.workload().pods()) {
                for (PolicyType d : PolicyType.values()) {
                    if (index.selecting(p, d).isEmpty()) {
                        directions.add(d);
                        pods.add(p.name());
                    }
                }
            }
            if (!directions.isEmpty()) {
                boolean all = pods.size() == e.workload().pods().size();
                findings.add(new Finding(e, directions, all ? List.of() : List.copyOf(pods),
                        !index.policies(e.workload().namespace()).isEmpty()));
            }
        }
        return new Result(findings, hostNetwork, checked);
    }
}
