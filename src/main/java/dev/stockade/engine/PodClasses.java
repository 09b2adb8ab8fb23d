package dev.stockade.engine;

import dev.stockade.model.AdminPolicy;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pods grouped into classes that no policy can tell apart: same policies (NetworkPolicies and
 * admin policies) selecting them as subjects, same peers matching them, same named container ports, same rule
 * address sets ({@link RuleTable}) containing their IPs (when ipBlocks match pods) and the same host-network setting. Each class keeps its
 * first pod as representative; classes are numbered in order of first appearance.
 */
final class PodClasses {
    /** What a pod must share with the others of its class. */
    private record ClassKey(List<Integer> signature, List<ContainerPort> namedPorts, List<Integer> ipHits,
                            boolean hostNetwork) {}

    private final int[] memberClass;
    private final Pod[] rep;
    private final List<List<Integer>> classSubjects;
    private final List<List<Integer>> adminSubjects = new ArrayList<>();
    private final int[][] classIpHits;
    private final List<List<Integer>> groupClasses = new ArrayList<>();

    PodClasses(PodGroups groups, List<NetworkPolicy> policies, List<AdminPolicy> admin, RuleTable rules,
               IpPartition partition, AnalysisOptions options) {
        SelectorIndex index = groups.index();
        int groupCount = index.size();
        List<List<Integer>> signature = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            signature.add(new ArrayList<>(4));
        }
        int np = policies.size();
        for (int pi = 0; pi < np; pi++) {
            for (int g : index.subjects(policies.get(pi))) {
                signature.get(g).add(pi);
            }
        }
        for (int k = 0; k < rules.peers(); k++) {
            for (int g : rules.peerGroups(k)) {
                signature.get(g).add(np + k);
            }
        }
        int adminBase = np + rules.peers();
        for (int ai = 0; ai < admin.size(); ai++) {
            for (int g : index.adminSubject(admin.get(ai).subject())) {
                signature.get(g).add(adminBase + ai);
            }
        }
        for (int g = 0; g < groupCount; g++) {
            groupClasses.add(new ArrayList<>(1));
        }
        boolean anyAlways = false;
        for (int b = 0; b < rules.blocks().size(); b++) {
            anyAlways |= rules.blockAlwaysMatchesPods(b);
        }
        boolean hitsPossible = !rules.blocks().isEmpty() && (options.ipBlockMatchesPods() || anyAlways);
        List<Pod> members = groups.members();
        Map<ClassKey, Integer> classes = new HashMap<>();
        List<Pod> reps = new ArrayList<>();
        List<List<Integer>> subjects = new ArrayList<>();
        List<int[]> hits = new ArrayList<>();
        memberClass = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            Pod p = members.get(i);
            int group = groups.group(i);
            List<Integer> sig = group < 0 ? List.of() : signature.get(group);
            List<Integer> ipHits = hitsPossible ? ipHits(p, partition, rules, options) : List.of();
            ClassKey key = new ClassKey(sig, namedPorts(p), ipHits, p.hostNetwork());
            Integer c = classes.get(key);
            if (c == null) {
                c = reps.size();
                classes.put(key, c);
                reps.add(p);
                List<Integer> subj = new ArrayList<>();
                List<Integer> adminSubj = new ArrayList<>();
                for (int x : sig) {
                    if (x < np) {
                        subj.add(x);
                    } else if (x >= adminBase) {
                        adminSubj.add(x - adminBase);
                    }
                }
                subjects.add(subj);
                adminSubjects.add(adminSubj);
                hits.add(ipHits.stream().mapToInt(Integer::intValue).toArray());
            }
            memberClass[i] = c;
            if (group >= 0) {
                List<Integer> gc = groupClasses.get(group);
                if (!gc.contains(c)) {
                    gc.add(c);
                }
            }
        }
        rep = reps.toArray(new Pod[0]);
        classSubjects = subjects;
        classIpHits = hits.toArray(new int[0][]);
    }

    private static List<ContainerPort> namedPorts(Pod p) {
        List<ContainerPort> named = new ArrayList<>();
        for (ContainerPort c : p.ports()) {
            if (!c.name().isEmpty()) {
                named.add(c);
            }
        }
        if (named.size() > 1) {
            named.sort(Comparator.comparing(ContainerPort::name).thenComparing(ContainerPort::protocol)
                    .thenComparingInt(ContainerPort::port));
        }
        return named;
    }

    /**
     * The address sets containing any of the pod's IPs, in set order: every set when ipBlocks
     * match pods, else only the sets of admin peers.
     */
    private static List<Integer> ipHits(Pod p, IpPartition partition, RuleTable rules, AnalysisOptions options) {
        if (p.ips().isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> hit = new TreeSet<>();
        for (IpAddress ip : p.ips()) {
            for (int b : partition.blocksContaining(ip)) {
                if (options.ipBlockMatchesPods() || rules.blockAlwaysMatchesPods(b)) {
                    hit.add(b);
                }
            }
        }
        return List.copyOf(hit);
    }

    /** How many pod classes there are; they are nodes 0 to count() - 1. */
    int count() {
        return rep.length;
    }

    /** The class of every member, indexed as {@link PodGroups#members}; do not modify. */
    int[] memberClass() {
        return memberClass;
    }

    /** The first pod of a class, which stands for all of them (named ports, IPs). */
    Pod representative(int c) {
        return rep[c];
    }

    /** The policies selecting a class as subject, in policy order. */
    List<Integer> subjects(int c) {
        return classSubjects.get(c);
    }

    /** The admin policies selecting a class as subject, in evaluation order. */
    List<Integer> adminSubjects(int c) {
        return adminSubjects.get(c);
    }

    /** The address sets containing an IP of a class (none unless ipBlocks match pods); do not modify. */
    int[] ipHits(int c) {
        return classIpHits[c];
    }

    /** The classes of the pods in a group, in order of first appearance. */
    List<Integer> ofGroup(int group) {
        return groupClasses.get(group);
    }
}
