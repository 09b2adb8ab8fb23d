package dev.stockade.bench;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.Analyzer;
import dev.stockade.model.Cidr;
import dev.stockade.model.Cluster;
import dev.stockade.model.IpAddress;
import dev.stockade.model.IpBlock;
import dev.stockade.model.LabelSelector;
import dev.stockade.model.Labels;
import dev.stockade.model.Namespace;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Peer;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ipBlock cost figure: the analysis of one policy whose ingress and egress rules each list
 * {@link #PEERS} ipBlocks of {@code 10.0.0.0/8}, each with ten except blocks of its own (every
 * block overlaps every other). A partition with one address set per ipBlock made this quadratic
 * (more than three minutes at this size); the engine now merges a rule's ipBlocks into one set.
 */
final class IpBlockFigure {
    static final int PEERS = 20_000;
    private static final int EXCEPTS = 10;

    private IpBlockFigure() {}

    /** The analysis time in milliseconds. */
    static long millis() {
        List<Peer> peers = new ArrayList<>(PEERS);
        for (int i = 0; i < PEERS; i++) {
            List<Cidr> except = new ArrayList<>(EXCEPTS);
            for (int j = 0; j < EXCEPTS; j++) {
                except.add(new Cidr(IpAddress.v4(0x0A00_0000L + (i * EXCEPTS + j) * 2L), 32));
            }
            peers.add(new Peer.IpBlockPeer(new IpBlock(Cidr.of("10.0.0.0/8"), except), Source.UNKNOWN));
        }
        PolicyRule rule = new PolicyRule(peers, List.of(), Source.UNKNOWN);
        NetworkPolicy policy = new NetworkPolicy("bench", "ipblocks", LabelSelector.all(),
                Set.of(PolicyType.Ingress, PolicyType.Egress), List.of(rule), List.of(rule), Source.UNKNOWN);
        Pod pod = new Pod("bench", "web-0", Labels.of("app", "web"), List.of(), List.of(), false, Source.UNKNOWN);
        Cluster cluster = Cluster.of(List.of(Namespace.implicit("bench")),
                List.of(new Workload("Deployment", "bench", "web", List.of(pod), Source.UNKNOWN)), List.of(policy));
        long t = System.nanoTime();
        new Analyzer(AnalysisOptions.DEFAULT).analyze(cluster);
        return (System.nanoTime() - t) / 1_000_000;
    }
}
