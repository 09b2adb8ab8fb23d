package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Endpoint;
import dev.stockade.engine.PortSet;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.manifest.FieldPath;
import dev.stockade.model.Namespace;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * REACH007, from the connectivity analysis: a workload of a production namespace is reachable
 * from a workload of a namespace of another environment (dev, test, staging). A namespace's
 * environment is the value of the first of the {@code labels} option it carries; the values of
 * {@code production} count as production. One finding per production workload and source
 * namespace, at the ingress rule that admits the flow (or at the workload when no policy
 * isolates it), with the ports and the sources.
 */
public final class CrossEnvironment extends Rule {
    private static final RuleOption LABELS = new RuleOption("labels",
            "Namespace labels that name the environment, the first one present wins.",
            List.of("environment", "env", "hexabase.ai/environment"));
    private static final RuleOption PRODUCTION = new RuleOption("production",
            "Environment values that mean production.", List.of("prod", "production"));

    public CrossEnvironment() {
        super("REACH007", "Production reachable from another environment", Severity.WARNING,
                List.of(Checklist.MICRO_SEGMENT),
                "The engine finds a flow from a workload of a non-production namespace (its environment label"
                        + " says dev, test, staging…) into a production workload: a compromised or careless"
                        + " test environment can reach production data and services.",
                "Narrow the production workload's ingress peers to production namespaces, e.g. with a"
                        + " namespaceSelector on the environment label.", """
                ingress:
                - from:
                  - namespaceSelector:
                      matchLabels: {environment: prod}
                    podSelector:
                      matchLabels: {app: api-gateway}
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(LABELS, PRODUCTION);
    }

    /** The flows from one source namespace into one production workload. */
    private record Group(Workload destination, String sourceNamespace) {}

    @Override
    public void check(AuditContext context, Report report) {
        List<String> labels = context.option(this, LABELS.name());
        List<String> production = context.option(this, PRODUCTION.name());
        Map<String, String> environment = new HashMap<>();
        for (Namespace ns : context.cluster().namespaces()) {
            labels.stream().map(l -> ns.labels().get(l)).flatMap(Optional::stream).findFirst()
                    .ifPresent(env -> environment.put(ns.name(), env));
        }
        Map<Group, PortSet> ports = new LinkedHashMap<>();
        Map<Group, List<Workload>> sources = new HashMap<>();
        for (Connection c : context.connectivity().connections()) {
            if (!(c.src() instanceof Endpoint.WorkloadEndpoint s) || !(c.dst() instanceof Endpoint.WorkloadEndpoint d)) {
                continue;
            }
            String from = environment.get(s.workload().namespace());
            String to = environment.get(d.workload().namespace());
            if (from == null || to == null || !production.contains(to) || production.contains(from)) {
                continue;
            }
            Group g = new Group(d.workload(), s.workload().namespace());
            ports.merge(g, c.allowed(), PortSet::union);
            sources.computeIfAbsent(g, k -> new ArrayList<>()).add(s.workload());
        }
        for (Map.Entry<Group, PortSet> e : ports.entrySet()) {
            Group g = e.getKey();
            List<Workload> from = sources.get(g);
            TreeSet<String> names = new TreeSet<>();
            from.forEach(w -> names.add(w.toString()));
            String message = g.destination() + " (environment " + environment.get(g.destination().namespace())
                    + ") is reachable from namespace " + g.sourceNamespace() + " (environment "
                    + environment.get(g.sourceNamespace()) + ") on " + e.getValue() + ": " + String.join(", ", names);
            Optional<Verdict.PolicyTrace> opening = opening(context, from, g.destination(), e.getValue());
            if (opening.isPresent()) {
                Verdict.RuleTrace rule = opening.get().rules().stream().filter(Verdict.RuleTrace::admits)
                        .findFirst().orElseThrow();
                String path = "spec.ingress[" + rule.index() + "]" + (rule.peer() >= 0 ? ".from[" + rule.peer() + "]" : "");
                report.add(context.finding(this, opening.get().policy().ref(), FieldPath.parse(path),
                        opening.get().policy().source(), message, g.destination().toString()));
            } else {
                report.add(context.podFinding(this, g.destination(), "", message
                        + " (no policy isolates it for Ingress)"));
            }
        }
    }

    /** The ingress policy that admits some flow of the group, by explaining one allowed port per pod pair. */
    private static Optional<Verdict.PolicyTrace> opening(AuditContext context, List<Workload> sources, Workload dst,
                                                         PortSet allowed) {
        for (Protocol protocol : Protocol.values()) {
            int[] intervals = allowed.intervals(protocol);
            if (intervals.length == 0) {
                continue;
            }
            for (Workload src : sources) {
                for (Pod sp : src.pods()) {
                    for (Pod dp : dst.pods()) {
                        Verdict v = context.explainer().explain(new Target.PodTarget(src, sp),
                                new Target.PodTarget(dst, dp), protocol, intervals[0]);
                        if (v.allowed()) {
                            return v.ingress().policies().stream().filter(Verdict.PolicyTrace::admits).findFirst();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
