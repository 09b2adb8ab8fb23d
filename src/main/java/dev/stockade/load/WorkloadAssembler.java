package dev.stockade.load;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds Pods and controllers into workloads by their top owner. Each object follows its
 * controlling ownerReference while the owner is in the input (a ReplicaSet owned by a
 * Deployment shows as the Deployment); an owner absent from the input becomes the workload,
 * named and kinded after the reference. Nothing is guessed from name hashes. A workload's pods
 * are its Pod objects when the input has any, else the pod template of the top object (or, when
 * the top object is absent, of the controllers under it).
 */
final class WorkloadAssembler {
    private WorkloadAssembler() {}

    static List<Workload> assemble(Map<ObjectRef, WorkloadObject> objects) {
        Map<ObjectRef, List<WorkloadObject>> byTop = new LinkedHashMap<>();
        for (WorkloadObject o : objects.values()) {
            byTop.computeIfAbsent(top(o, objects), k -> new ArrayList<>()).add(o);
        }
        List<Workload> out = new ArrayList<>();
        for (Map.Entry<ObjectRef, List<WorkloadObject>> e : byTop.entrySet()) {
            ObjectRef top = e.getKey();
            List<Pod> pods = new ArrayList<>();
            for (WorkloadObject o : e.getValue()) {
                if (o.isPod() && o.pod() != null) {
                    pods.add(o.pod());
                }
            }
            if (pods.isEmpty()) {
                WorkloadObject self = objects.get(top);
                if (self != null && self.pod() != null) {
                    pods.add(self.pod());
                } else {
                    Set<String> seen = new HashSet<>();
                    for (WorkloadObject o : e.getValue()) {
                        if (o.pod() != null && seen.add(o.pod().labels() + "|" + o.pod().ports())) {
                            pods.add(o.pod());
                        }
                    }
                }
            }
            if (pods.isEmpty()) {
                continue;
            }
            WorkloadObject self = objects.get(top);
            var source = self != null ? self.source() : e.getValue().get(0).source();
            out.add(new Workload(top.kind(), top.namespace(), top.name(), pods, source));
        }
        return out;
    }

    private static ObjectRef top(WorkloadObject o, Map<ObjectRef, WorkloadObject> objects) {
        ObjectRef ref = o.ref();
        ObjectRef owner = o.owner();
        Set<ObjectRef> visited = new HashSet<>();
        visited.add(ref);
        while (owner != null && visited.add(owner)) {
            WorkloadObject next = objects.get(owner);
            if (next == null) {
                return owner;
            }
            ref = owner;
            owner = next.owner();
        }
        return ref;
    }
}
