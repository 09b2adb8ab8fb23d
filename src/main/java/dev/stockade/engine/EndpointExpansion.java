package dev.stockade.engine;

import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns class-level results into endpoint-level ones: workloads (the union over their pods'
 * classes) and external address ranges. Ranges are made minimal: adjacent ranges of one family
 * whose connections are identical are merged, so the ranges listed are exactly the places where
 * connectivity changes.
 */
final class EndpointExpansion {
    private final List<Workload> workloads;
    private final List<Pod> members;
    private final List<Integer> memberWorkload;
    private final int[] memberClass;
    private final int podClasses;
    private final IpPartition partition;
    private final AnalysisOptions options;
    private final List<String> warnings;

    EndpointExpansion(List<Workload> workloads, List<Pod> members, List<Integer> memberWorkload, int[] memberClass,
                      int podClasses, IpPartition partition, AnalysisOptions options, List<String> warnings) {
        this.workloads = workloads;
        this.members = members;
        this.memberWorkload = memberWorkload;
        this.memberClass = memberClass;
        this.podClasses = podClasses;
        this.partition = partition;
        this.options = options;
        this.warnings = warnings;
    }

    Connectivity expand(List<long[]> pairs, List<PortSet> pairPorts, List<String> extraWarnings) {
        int w = workloads.size();
        // endpoints of each class: workloads for pod classes, ranges for external classes
        List<int[]> classEndpoints = new ArrayList<>();
        List<Set<Integer>> podClassWorkloads = new ArrayList<>(podClasses);
        for (int c = 0; c < podClasses; c++) {
            podClassWorkloads.add(new LinkedHashSet<>(2));
        }
        for (int i = 0; i < members.size(); i++) {
            podClassWorkloads.get(memberClass[i]).add(memberWorkload.get(i));
        }
        for (Set<Integer> s : podClassWorkloads) {
            classEndpoints.add(s.stream().mapToInt(Integer::intValue).toArray());
        }
        List<IpRange> ranges = new ArrayList<>();
        List<List<Integer>> externalClassRanges = new ArrayList<>();
        for (int x = 0; x < partition.classes(); x++) {
            externalClassRanges.add(new ArrayList<>(1));
        }
        for (int i = 0; i < partition.intervals(); i++) {
            IpRange r = partition.interval(i);
            int cls = partition.classOf(i);
            int last = ranges.size() - 1;
            if (last >= 0 && i > 0 && partition.classOf(i - 1) == cls && ranges.get(last).start().v6() == r.start().v6()) {
                ranges.set(last, new IpRange(ranges.get(last).start(), r.end()));
            } else {
                externalClassRanges.get(cls).add(w + ranges.size());
                ranges.add(r);
            }
        }
        for (List<Integer> l : externalClassRanges) {
            classEndpoints.add(l.stream().mapToInt(Integer::intValue).toArray());
        }

        Map<Long, PortSet> acc = new HashMap<>();
        for (int k = 0; k < pairs.size(); k++) {
            long[] p = pairs.get(k);
            PortSet ports = pairPorts.get(k);
            for (int es : classEndpoints.get((int) p[0])) {
                for (int ed : classEndpoints.get((int) p[1])) {
                    if (es != ed && (es < w || ed < w)) {
                        acc.merge(((long) es << 32) | ed, ports, PortSet::union);
                    }
                }
            }
        }

        int[] remap = mergeRanges(w, ranges, acc);
        List<Endpoint> endpoints = new ArrayList<>(w + ranges.size());
        Map<String, Integer> nameCount = new HashMap<>();
        for (Workload wl : workloads) {
            nameCount.merge(wl.toString(), 1, Integer::sum);
        }
        for (Workload wl : workloads) {
            String id = nameCount.get(wl.toString()) > 1 ? wl + "[" + wl.kind() + "]" : wl.toString();
            endpoints.add(new Endpoint.WorkloadEndpoint(id, wl));
        }
        List<Integer> firstOfMerged = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            int target = remap[w + i];
            if (target == endpoints.size()) {
                firstOfMerged.add(w + i);
                endpoints.add(null);
            }
        }
        // the merged range spans its first to its last member
        IpRange[] merged = new IpRange[endpoints.size()];
        for (int i = 0; i < ranges.size(); i++) {
            int t = remap[w + i];
            IpRange r = ranges.get(i);
            merged[t] = merged[t] == null ? r : new IpRange(merged[t].start(), r.end());
        }
        for (int t = w; t < endpoints.size(); t++) {
            endpoints.set(t, new Endpoint.ExternalEndpoint(merged[t].toString(), merged[t]));
        }
        Set<Integer> keep = new HashSet<>(firstOfMerged);
        List<long[]> out = new ArrayList<>();
        List<PortSet> outPorts = new ArrayList<>();
        for (Map.Entry<Long, PortSet> e : acc.entrySet()) {
            int es = (int) (e.getKey() >>> 32);
            int ed = (int) (long) e.getKey();
            if ((es >= w && !keep.contains(es)) || (ed >= w && !keep.contains(ed))) {
                continue;
            }
            out.add(new long[] {remap[es], remap[ed]});
            outPorts.add(e.getValue());
        }
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> out.get(i)[0]).thenComparingLong(i -> out.get(i)[1]));
        List<Connection> connections = new ArrayList<>(order.length);
        for (int i : order) {
            connections.add(new Connection(endpoints.get((int) out.get(i)[0]), endpoints.get((int) out.get(i)[1]),
                    outPorts.get(i)));
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(extraWarnings);
        return new Connectivity(endpoints, connections, options, allWarnings);
    }

    /** One connection of an external range: outgoing or incoming, the other end, the ports. */
    private record Edge(boolean outgoing, int other, PortSet ports) {
        static final Comparator<Edge> ORDER = Comparator.comparing(Edge::outgoing).thenComparingInt(Edge::other);
    }

    /**
     * Maps every endpoint to its final index: workloads keep theirs; adjacent ranges of one
     * family with identical connections share one.
     */
    private static int[] mergeRanges(int w, List<IpRange> ranges, Map<Long, PortSet> acc) {
        List<List<Edge>> fingerprint = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            fingerprint.add(new ArrayList<>());
        }
        for (Map.Entry<Long, PortSet> e : acc.entrySet()) {
            int es = (int) (e.getKey() >>> 32);
            int ed = (int) (long) e.getKey();
            if (es >= w) {
                fingerprint.get(es - w).add(new Edge(true, ed, e.getValue()));
            }
            if (ed >= w) {
                fingerprint.get(ed - w).add(new Edge(false, es, e.getValue()));
            }
        }
        for (List<Edge> f : fingerprint) {
            f.sort(Edge.ORDER);
        }
        int[] remap = new int[w + ranges.size()];
        for (int i = 0; i < w; i++) {
            remap[i] = i;
        }
        int next = w;
        for (int i = 0; i < ranges.size(); i++) {
            boolean join = i > 0 && ranges.get(i - 1).start().v6() == ranges.get(i).start().v6()
                    && fingerprint.get(i - 1).equals(fingerprint.get(i));
            remap[w + i] = join ? remap[w + i - 1] : next++;
        }
        return remap;
    }
}
