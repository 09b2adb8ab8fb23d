package dev.stockade.engine;

import dev.stockade.model.Cluster;
import java.util.SortedSet;
import net.jqwik.api.Arbitrary;

/** The engine tests' random clusters ({@link ClusterGenerator}), for property tests in other packages. */
public final class GeneratedClusters {
    private GeneratedClusters() {}

    /** Small random clusters whose selectors, ipBlocks and named ports collide with the pods. */
    public static Arbitrary<Cluster> clusters() {
        return ClusterGenerator.clusters();
    }

    /** Port numbers around every port the cluster mentions (where allowed sets can change). */
    public static SortedSet<Integer> probePorts(Cluster cluster) {
        return DifferentialCheck.probes(cluster);
    }

    /** A readable listing of a cluster, for failure messages. */
    public static String describe(Cluster cluster) {
        return ClusterText.describe(cluster);
    }
}
