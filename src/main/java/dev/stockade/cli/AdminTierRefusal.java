package dev.stockade.cli;

import dev.stockade.model.AdminPolicy;
import dev.stockade.model.Cluster;
import java.io.PrintWriter;
import java.util.List;

/**
 * The data plane (nft compile, lab) does not compile the admin tiers yet. Rather than enforce
 * less than the cluster does, those verbs refuse an input with admin policies (exit 2), saying
 * which policies and what to use instead.
 */
final class AdminTierRefusal {
    private AdminTierRefusal() {}

    /** Whether {@code verb} must refuse the cluster; if so, the reason is printed. */
    static boolean refuses(Cluster cluster, String verb, PrintWriter err) {
        List<AdminPolicy> admin = cluster.adminPolicies();
        if (admin.isEmpty()) {
            return false;
        }
        List<String> names = admin.stream().limit(3).map(p -> p.kind() + " " + p.name()).toList();
        err.println("stockade: " + verb + " does not support AdminNetworkPolicy, BaselineAdminNetworkPolicy or"
                + " ClusterNetworkPolicy yet, and the input has " + admin.size() + " ("
                + String.join(", ", names) + (admin.size() > 3 ? ", ..." : "") + "): without them the result would"
                + " enforce less than the cluster does. Leave them out of the input to work on the NetworkPolicies"
                + " alone; analyze, explain, diff and verify take them into account.");
        err.flush();
        return true;
    }
}
