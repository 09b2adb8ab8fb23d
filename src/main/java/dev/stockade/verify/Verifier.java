package dev.stockade.verify;

import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.PortSet;
import dev.stockade.model.Cluster;
import dev.stockade.model.ConnectivityExpectation;
import dev.stockade.model.ConnectivityExpectation.Expect;
import dev.stockade.model.ConnectivityExpectations;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.EndpointSelector;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks connectivity expectations against one analysis.
 *
 * <p>Each side of an expectation expands to endpoints: a {@code namespace/name} to that workload;
 * a selector form to every workload in the namespace (every namespace when omitted) whose
 * namespace labels match {@code namespaceSelector} and of which some pod matches
 * {@code podSelector}; a CIDR to every external range of the analysis holding an address of the
 * block. External ranges have uniform connectivity, so a range stands exactly for every address
 * of the block inside it. The expectation covers every (source, destination) pair of the two
 * expansions except a workload with itself, which is never analysed.
 *
 * <p>The ports asked about are one port, every port of a protocol, or everything (port and
 * protocol omitted); a port name resolves on the destination workload's pods (to the numbers of
 * their container ports with that name and protocol). A pair is <em>allowed</em> when the
 * analysis allows it at least one of those ports. {@code Allow} holds when every pair is allowed
 * ({@code Allow} with the port omitted: every pair can connect on some port); {@code Deny} holds
 * when no pair is (with the port omitted: no pair can connect at all). A destination without the
 * named port cannot be reached on it: that breaks an {@code Allow} and satisfies a {@code Deny}.
 *
 * <p>An expectation whose side matches nothing, whose only pairs are self pairs, or whose port
 * name no destination defines is {@link ExpectationResult.Outcome#UNMATCHED}: a failure, since
 * it is almost always a typo and would otherwise hold vacuously.
 *
 * <p>Checking uses the analysis's connections indexed by pair, so it costs a hash lookup per
 * pair; the {@link Explainer} runs only for the first violation of a failed expectation.
 */
public final class Verifier {
    private static final int LISTED_VIOLATIONS = 5;
    /** Violations kept per expectation (the count covers all of them). */
    static final int KEPT_VIOLATIONS = 100;

    private final Cluster cluster;
    private final Connectivity connectivity;
    private final EndpointIndex index;
    private final Map<PolicyPort.NamedPort, Map<Integer, PortSet>> named = new HashMap<>();
    private FailureTrace traces;

    public Verifier(Cluster cluster, Connectivity connectivity) {
        this.cluster = cluster;
        this.connectivity = connectivity;
        this.index = new EndpointIndex(cluster, connectivity);
    }

    /** Checks every object of an expectations file. */
    public VerifyReport verify(String file, List<ConnectivityExpectations> documents) {
        List<VerifyReport.Suite> suites = new ArrayList<>();
        for (ConnectivityExpectations d : documents) {
            suites.add(new VerifyReport.Suite(d.name(), check(d.expectations())));
        }
        return new VerifyReport(file, suites, connectivity.options());
    }

    /** Checks expectations in order; what {@code bench} times. */
    public List<ExpectationResult> check(List<ConnectivityExpectation> expectations) {
        List<ExpectationResult> out = new ArrayList<>(expectations.size());
        for (ConnectivityExpectation e : expectations) {
            out.add(check(e));
        }
        return out;
    }

    public ExpectationResult check(ConnectivityExpectation e) {
        int[] sources = index.expand(e.from());
        int[] destinations = index.expand(e.to());
        if (sources.length == 0) {
            return unmatched(e, "from matches " + nothing(e.from()));
        }
        if (destinations.length == 0) {
            return unmatched(e, "to matches " + nothing(e.to()));
        }
        PolicyPort.NamedPort name = e.port().orElse(null) instanceof PolicyPort.NamedPort n ? n : null;
        if (name != null && noneDefines(destinations, name)) {
            return unmatched(e, (destinations.length == 1
                    ? "the destination " + index.endpoint(destinations[0]).id() + " has no "
                    : "no destination has a ") + name.protocol() + " port named \"" + name.name() + "\"");
        }
        BitSet inDestinations = index.mask(e.to());
        long self = 0;
        for (int s : sources) {
            if (inDestinations.get(s)) {
                self++;
            }
        }
        long pairs = (long) sources.length * destinations.length - self;
        if (pairs == 0) {
            return unmatched(e, "from and to match only the same workload (a workload's connections to itself are"
                    + " not analysed)");
        }
        Ports ports = new Ports(e, name);
        Scan scan = e.expect() == Expect.Allow ? allowScan(sources, destinations, inDestinations, ports)
                : denyScan(sources, inDestinations, ports);
        if (scan.failing == 0) {
            return new ExpectationResult(e, ExpectationResult.Outcome.PASSED, pairs, 0, List.of(),
                    "holds for " + pairs + " pair" + (pairs == 1 ? "" : "s"), List.of());
        }
        List<ExpectationResult.Violation> violations = scan.violations;
        StringBuilder m = new StringBuilder("fails for ").append(scan.failing).append(" of ").append(pairs)
                .append(" pair").append(pairs == 1 ? "" : "s").append(": ");
        for (int i = 0; i < Math.min(LISTED_VIOLATIONS, violations.size()); i++) {
            m.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        if (scan.failing > LISTED_VIOLATIONS) {
            m.append("; and ").append(scan.failing - LISTED_VIOLATIONS).append(" more");
        }
        return new ExpectationResult(e, ExpectationResult.Outcome.FAILED, pairs, scan.failing, violations, m.toString(),
                traces().of(e, violations.get(0), scan.firstSource, scan.firstDestination, name, ports.asked));
    }

    /** The ports an expectation asks about towards one destination, and whether an allowed set hits them. */
    private final class Ports {
        final PortSet asked;
        final PolicyPort.NamedPort name;
        final Protocol singleProtocol;
        final int singlePort;

        Ports(ConnectivityExpectation e, PolicyPort.NamedPort name) {
            this.asked = asked(e);
            this.name = name;
            PolicyPort.PortRange r = e.port().orElse(null) instanceof PolicyPort.PortRange p ? p : null;
            this.singleProtocol = r == null ? null : r.protocol();
            this.singlePort = r == null ? 0 : r.from();
        }

        PortSet towards(int destination) {
            return name == null ? asked : namedPorts(destination, name);
        }

        /** What {@code allowed} allows of {@code wanted}; empty when nothing. */
        PortSet hit(PortSet allowed, PortSet wanted) {
            if (singleProtocol != null) {
                return allowed.contains(singleProtocol, singlePort) ? wanted : PortSet.EMPTY;
            }
            if (wanted.isAll()) {
                return allowed;
            }
            return allowed.intersect(wanted);
        }
    }

    /** The violations found (at most {@link #KEPT_VIOLATIONS}), how many there are, and the first one's pair. */
    private static final class Scan {
        final List<ExpectationResult.Violation> violations = new ArrayList<>();
        long failing;
        int firstSource = -1;
        int firstDestination = -1;

        /** Counts a failing pair, and keeps it while fewer than {@link #KEPT_VIOLATIONS} are kept. */
        void add(EndpointIndex index, int s, int d, PortSet allowed, Supplier<String> reason) {
            if (failing++ == 0) {
                firstSource = s;
                firstDestination = d;
            }
            if (violations.size() < KEPT_VIOLATIONS) {
                violations.add(new ExpectationResult.Violation(index.endpoint(s), index.endpoint(d), allowed,
                        reason.get()));
            }
        }

        boolean full() {
            return violations.size() >= KEPT_VIOLATIONS;
        }
    }

    /** Deny: only the allowed connections of each source can break it, so only those are visited. */
    private Scan denyScan(int[] sources, BitSet inDestinations, Ports ports) {
        Scan scan = new Scan();
        for (int s : sources) {
            int[] targets = index.targets(s);
            PortSet[] allowed = index.targetPorts(s);
            for (int k = 0; k < targets.length; k++) {
                int d = targets[k];
                if (d == s || !inDestinations.get(d)) {
                    continue;
                }
                PortSet wanted = ports.towards(d);
                PortSet hit = wanted.isEmpty() ? PortSet.EMPTY : ports.hit(allowed[k], wanted);
                if (!hit.isEmpty()) {
                    scan.add(index, s, d, hit, () -> "allowed " + hit);
                }
            }
        }
        return scan;
    }

    /**
     * Allow: counts each source's allowed pairs from its connections; only a source with fewer than
     * it needs is walked destination by destination, to name the broken pairs.
     */
    private Scan allowScan(int[] sources, int[] destinations, BitSet inDestinations, Ports ports) {
        Scan scan = new Scan();
        for (int s : sources) {
            int needed = destinations.length - (inDestinations.get(s) ? 1 : 0);
            int held = 0;
            int[] targets = index.targets(s);
            PortSet[] allowed = index.targetPorts(s);
            for (int k = 0; k < targets.length; k++) {
                int d = targets[k];
                if (d != s && inDestinations.get(d)) {
                    PortSet wanted = ports.towards(d);
                    if (!wanted.isEmpty() && !ports.hit(allowed[k], wanted).isEmpty()) {
                        held++;
                    }
                }
            }
            if (held == needed) {
                continue;
            }
            if (scan.full()) {
                scan.failing += needed - held;
                continue;
            }
            long before = scan.failing;
            for (int d : destinations) {
                if (d == s) {
                    continue;
                }
                if (scan.full()) {
                    // the rest of this source's broken pairs are counted, not listed
                    scan.failing = before + (needed - held);
                    break;
                }
                PortSet wanted = ports.towards(d);
                if (wanted.isEmpty()) {
                    scan.add(index, s, d, PortSet.EMPTY, () -> "has no " + ports.name.protocol() + " port named "
                            + ports.name.name());
                } else if (ports.hit(index.allowed(s, d), wanted).isEmpty()) {
                    scan.add(index, s, d, PortSet.EMPTY, () -> wanted.isAll() ? "blocked" : "blocked on " + wanted);
                }
            }
        }
        return scan;
    }

    private FailureTrace traces() {
        if (traces == null) {
            traces = new FailureTrace(new Explainer(cluster, connectivity.options()), index);
        }
        return traces;
    }

    private static ExpectationResult unmatched(ConnectivityExpectation e, String message) {
        return new ExpectationResult(e, ExpectationResult.Outcome.UNMATCHED, 0, 0, List.of(), message, List.of());
    }

    private static String nothing(EndpointSelector s) {
        return switch (s) {
            case EndpointSelector.WorkloadRef r -> "no workload (there is no " + r + " in the input)";
            case EndpointSelector.SelectorForm f -> "no workload";
            case EndpointSelector.CidrForm c -> "no address (its exceptions cover the whole cidr)";
        };
    }

    /** The ports an expectation asks about, when they do not depend on the destination. */
    private static PortSet asked(ConnectivityExpectation e) {
        if (e.port().isEmpty()) {
            return PortSet.ALL;
        }
        return switch (e.port().get()) {
            case PolicyPort.AllPorts a -> PortSet.allOf(a.protocol());
            case PolicyPort.PortRange r -> PortSet.of(r.protocol(), r.from(), r.to());
            case PolicyPort.NamedPort n -> PortSet.EMPTY;
        };
    }

    private boolean noneDefines(int[] destinations, PolicyPort.NamedPort name) {
        for (int d : destinations) {
            if (!namedPorts(d, name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The numbers a port name stands for on a destination: its pods' container ports of that name and protocol. */
    private PortSet namedPorts(int destination, PolicyPort.NamedPort name) {
        if (!index.isWorkload(destination)) {
            return PortSet.EMPTY;
        }
        return named.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(destination, d -> {
            PortSet s = PortSet.EMPTY;
            for (Pod p : index.workload(d).pods()) {
                for (ContainerPort c : p.ports()) {
                    if (c.name().equals(name.name()) && c.protocol() == name.protocol()) {
                        s = s.union(PortSet.of(c.protocol(), c.port()));
                    }
                }
            }
            return s;
        });
    }
}
