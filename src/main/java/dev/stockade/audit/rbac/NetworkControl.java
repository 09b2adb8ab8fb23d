package dev.stockade.audit.rbac;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NET022: a rule that may create, update, patch, delete or deletecollection the objects that
 * decide who reaches whom: NetworkPolicies, Services, Endpoints, EndpointSlices, Ingresses and
 * (option {@code resources}) the policy and routing objects of meshes, CNIs and the Gateway API.
 * Whoever holds it can delete a default deny, open a NodePort or steer a Service to other pods.
 * Through {@code *} too; create is not granted by a rule with resourceNames.
 */
public final class NetworkControl extends RoleRule {
    static final String RESOURCES = "resources";

    private static final List<String> WRITE = List.of("create", "update", "patch", "delete", "deletecollection");

    public NetworkControl() {
        super("NET022", "Rule may change network isolation", Severity.WARNING,
                List.of(Checklist.POLP, Checklist.MICRO_SEGMENT),
                "A Role or ClusterRole rule grants create, update, patch, delete or deletecollection on an object"
                        + " that decides connectivity: networkpolicies, services, endpoints, endpointslices, ingresses,"
                        + " and by default the Gateway API routes, AdminNetworkPolicies, Istio PeerAuthentication and"
                        + " AuthorizationPolicy, Cilium and Calico policies (option resources, entries GROUP/RESOURCE"
                        + " or RESOURCE for the core group). Its subjects can undo the namespace's network isolation:"
                        + " delete the default deny, expose pods through a NodePort or LoadBalancer, point a Service"
                        + " or its Endpoints elsewhere. Matched through \"*\" too.",
                "Leave network objects to the pipeline or the platform team; give applications read access only.",
                """
                rules:
                - apiGroups: ["networking.k8s.io"]
                  resources: ["networkpolicies"]
                  verbs: ["get", "list", "watch"]
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption(RESOURCES, "The objects whose write access is reported, as GROUP/RESOURCE"
                + " (RESOURCE alone for the core group).", List.of("networking.k8s.io/networkpolicies", "services",
                "endpoints", "discovery.k8s.io/endpointslices", "networking.k8s.io/ingresses",
                "gateway.networking.k8s.io/gateways", "gateway.networking.k8s.io/httproutes",
                "gateway.networking.k8s.io/grpcroutes", "gateway.networking.k8s.io/tcproutes",
                "gateway.networking.k8s.io/tlsroutes", "gateway.networking.k8s.io/udproutes",
                "policy.networking.k8s.io/adminnetworkpolicies",
                "policy.networking.k8s.io/baselineadminnetworkpolicies", "security.istio.io/peerauthentications",
                "security.istio.io/authorizationpolicies", "cilium.io/ciliumnetworkpolicies",
                "cilium.io/ciliumclusterwidenetworkpolicies", "crd.projectcalico.org/networkpolicies",
                "crd.projectcalico.org/globalnetworkpolicies")));
    }

    @Override
    void check(AuditContext context, RoleObject role, RbacRule rule, At at) {
        List<String> covered = new ArrayList<>();
        for (String entry : context.option(this, RESOURCES)) {
            int slash = entry.lastIndexOf('/');
            String group = slash < 0 ? "" : entry.substring(0, slash);
            String resource = entry.substring(slash + 1);
            if (rule.covers(group, resource, "") && !covered.contains(resource)) {
                covered.add(resource);
            }
        }
        if (covered.isEmpty()) {
            return;
        }
        Map<Integer, List<String>> byItem = new LinkedHashMap<>();
        for (String verb : WRITE) {
            int i = rule.verb(verb);
            if (i >= 0 && !(verb.equals("create") && rule.named())) {
                byItem.computeIfAbsent(i, k -> new ArrayList<>()).add(verb);
            }
        }
        String objects = covered.size() > 4 ? String.join(", ", covered.subList(0, 4)) + " and "
                + (covered.size() - 4) + " more" : prose(covered);
        byItem.forEach((item, verbs) -> at.report(rule.path("verbs", item), "rule " + rule.index()
                + " can " + prose(verbs) + " " + objects + role.scope()
                + ": it can undo network isolation"));
    }
}
