package dev.stockade.engine;

import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
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

    /** The test oracle ({@link SlowEvaluator}), for comparing other implementations with it. */
    public interface Oracle {
        boolean allowed(Pod src, Pod dst, Protocol protocol, int port);

        boolean allowed(Pod src, IpAddress dst, Protocol protocol, int port);

        boolean allowed(IpAddress src, Pod dst, Protocol protocol, int port);
    }

    public static Oracle oracle(Cluster cluster, boolean ipBlockMatchesPods) {
        SlowEvaluator slow = new SlowEvaluator(cluster, ipBlockMatchesPods);
        return new Oracle() {
            @Override
            public boolean allowed(Pod src, Pod dst, Protocol protocol, int port) {
                return slow.allowed(SlowEvaluator.pod(src), SlowEvaluator.pod(dst), protocol, port);
            }

            @Override
            public boolean allowed(Pod src, IpAddress dst, Protocol protocol, int port) {
                return slow.allowed(SlowEvaluator.pod(src), SlowEvaluator.address(dst), protocol, port);
            }

            @Override
            public boolean allowed(IpAddress src, Pod dst, Protocol protocol, int port) {
                return slow.allowed(SlowEvaluator.address(src), SlowEvaluator.pod(dst), protocol, port);
            }
        };
    }

    /** A readable listing of a cluster, for failure messages. */
    public static String describe(Cluster cluster) {
        return ClusterText.describe(cluster);
    }
}
