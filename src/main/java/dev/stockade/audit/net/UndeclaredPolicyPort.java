package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Selectors;
import dev.stockade.manifest.FieldPath;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.NetworkPolicy;
import dev.stockade.model.Pod;
import dev.stockade.model.PolicyPort;
import dev.stockade.model.PolicyRule;
import dev.stockade.model.PolicyType;
import dev.stockade.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * REACH005: a policy port that no pod it could apply to declares. In an ingress rule, the ports
 * belong to the pods the policy selects: a port name none of them declares (for that protocol)
 * admits nothing, silently; a number or range outside every declared port of pods that all
 * declare their ports most likely names the wrong port (reported as a note, since declaring
 * container ports is optional). In an egress rule a port name is resolved on the destination
 * pods: a name that no pod of the input declares admits nothing.
 */
public final class UndeclaredPolicyPort extends Rule {
    public UndeclaredPolicyPort() {
        super("REACH005", "Policy port that no pod declares", Severity.WARNING, List.of(Checklist.MICRO_SEGMENT),
                "An ingress rule names a port (by name, or by number when the selected pods declare all their"
                        + " ports) that none of the pods the policy selects declares, or an egress rule names a port"
                        + " that no pod declares: the rule does not open what its author meant (the intended flow"
                        + " is blocked), and a typo in a port name fails silently.",
                "Use the container port's exact name and protocol, or its number, as the pods declare it.", """
                # the pod declares:   ports: [{name: http, containerPort: 8080}]
                ingress:
                - ports:
                  - port: http        # the name as declared, or 8080
                    protocol: TCP
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        Set<String> declaredNames = new HashSet<>();
        Map<String, List<Pod>> podsByNamespace = new HashMap<>();
        for (Workload w : context.workloads()) {
            for (Pod p : w.pods()) {
                p.ports().stream().filter(c -> c.name() != null).forEach(c -> declaredNames.add(key(c.protocol().name(), c.name())));
                if (context.options().selectable(p)) {
                    podsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        for (NetworkPolicy policy : context.cluster().policies()) {
            if (policy.affectsIngress()) {
                List<Pod> selected = podsByNamespace.getOrDefault(policy.namespace(), List.of()).stream()
                        .filter(p -> Selectors.matches(policy.podSelector(), p.labels())).toList();
                if (!selected.isEmpty()) {
                    checkIngress(context, report, policy, selected);
                }
            }
            if (policy.affectsEgress()) {
                checkEgress(context, report, policy, declaredNames);
            }
        }
    }

    private void checkIngress(AuditContext context, Report report, NetworkPolicy policy, List<Pod> selected) {
        boolean allDeclare = selected.stream().allMatch(p -> !p.ports().isEmpty());
        List<PolicyRule> rules = policy.rules(PolicyType.Ingress);
        for (int i = 0; i < rules.size(); i++) {
            List<PolicyPort> ports = rules.get(i).ports();
            for (int j = 0; j < ports.size(); j++) {
                PolicyPort port = ports.get(j);
                String at = "spec.ingress[" + i + "].ports[" + j + "]";
                if (port instanceof PolicyPort.NamedPort named) {
                    boolean declared = selected.stream().flatMap(p -> p.ports().stream())
                            .anyMatch(c -> named.name().equals(c.name()) && c.protocol() == named.protocol());
                    if (!declared) {
                        report.add(context.finding(this, policy.ref(), FieldPath.parse(at), policy.source(),
                                "ingress rule " + i + " names port '" + named.name() + "' (" + named.protocol()
                                        + "), which none of the " + selected.size() + " pod(s) the policy selects"
                                        + " declares" + hint(selected, named) + ": it admits nothing", ""));
                    }
                } else if (port instanceof PolicyPort.PortRange range && allDeclare) {
                    boolean declared = selected.stream().flatMap(p -> p.ports().stream())
                            .anyMatch(c -> c.protocol() == range.protocol() && c.port() >= range.from()
                                    && c.port() <= range.to());
                    if (!declared) {
                        report.add(context.finding(this, policy.ref(), FieldPath.parse(at), policy.source(),
                                "ingress rule " + i + " opens " + range + ", but the " + selected.size() + " pod(s)"
                                        + " the policy selects declare only " + declared(selected), "")
                                .withSeverity(Severity.NOTE));
                    }
                }
            }
        }
    }

    private void checkEgress(AuditContext context, Report report, NetworkPolicy policy, Set<String> declaredNames) {
        List<PolicyRule> rules = policy.rules(PolicyType.Egress);
        for (int i = 0; i < rules.size(); i++) {
            List<PolicyPort> ports = rules.get(i).ports();
            for (int j = 0; j < ports.size(); j++) {
                if (ports.get(j) instanceof PolicyPort.NamedPort named
                        && !declaredNames.contains(key(named.protocol().name(), named.name()))) {
                    report.add(context.finding(this, policy.ref(), FieldPath.parse("spec.egress[" + i + "].ports[" + j
                                    + "]"), policy.source(), "egress rule " + i + " names port '" + named.name() + "' ("
                                    + named.protocol() + "), which no pod of the input declares: it admits nothing",
                            ""));
                }
            }
        }
    }

    /** A did-you-mean when a selected pod declares the name for another protocol. */
    private static String hint(List<Pod> selected, PolicyPort.NamedPort named) {
        return selected.stream().flatMap(p -> p.ports().stream()).filter(c -> named.name().equals(c.name()))
                .findFirst().map(c -> " (a pod declares it for " + c.protocol() + ")").orElse("");
    }

    private static String declared(List<Pod> selected) {
        Set<String> seen = new TreeSet<>();
        for (Pod p : selected) {
            for (ContainerPort c : p.ports()) {
                seen.add(c.protocol() + " " + c.port());
            }
        }
        return String.join(", ", seen);
    }

    private static String key(String protocol, String name) {
        return protocol + "/" + name;
    }
}
