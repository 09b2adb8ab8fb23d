package dev.stockade.diff;

import java.util.List;

/**
 * How one version decides a witness flow. When allowed, the reasons are what admits it on each
 * side (policies whose rules admit it, or no isolation); when blocked, the policies that isolate
 * the blocking side and admit nothing for the flow, or the workload's absence.
 */
public record Decision(boolean allowed, List<Reason> reasons) {
    public Decision {
        reasons = List.copyOf(reasons);
    }
}
