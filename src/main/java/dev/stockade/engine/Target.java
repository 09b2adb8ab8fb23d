package dev.stockade.engine;

import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Workload;

/** One end of a flow to explain: a pod of a workload, or an address outside every pod. */
public sealed interface Target {
    record PodTarget(Workload workload, Pod pod) implements Target {
        @Override
        public String toString() {
            return workload.pods().size() > 1 ? workload + " (pod " + pod.name() + ")" : workload.toString();
        }
    }

    record AddressTarget(IpAddress address) implements Target {
        @Override
        public String toString() {
            return address.toString();
        }
    }
}
