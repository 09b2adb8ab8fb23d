package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.Labels;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Source;
import dev.stockade.model.Workload;
import java.util.List;

/**
 * NET012, decided by the engine: a workload isolated for egress whose policies do not let it
 * reach cluster DNS on UDP 53 — its pods cannot resolve names. Cluster DNS is the input's
 * {@code kube-system} workload labelled {@code k8s-app=kube-dns} when there is one, else such a
 * pod is assumed (CoreDNS and kube-dns both carry that label). UDP allowed without TCP is
 * reported too: answers too large for UDP are retried over TCP. Only the workload's egress side
 * is judged; DNS's own ingress policies are its namespace's business.
 */
public final class DnsBlocked extends Rule {
    static final String DNS_NAMESPACE = "kube-system";
    static final Labels DNS_LABELS = Labels.of("k8s-app", "kube-dns");

    public DnsBlocked() {
        super("NET012", "Egress default deny without DNS", Severity.WARNING, List.of(Checklist.EGRESS),
                "The workload is isolated for egress, but its policies do not allow port 53 to cluster DNS"
                        + " (kube-system, k8s-app=kube-dns) over both UDP and TCP: without UDP its pods cannot"
                        + " resolve names; with UDP only, answers too large for UDP fail.",
                "Allow DNS in the namespace's egress policies, to the DNS pods only.", """
                egress:
                - to:
                  - namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: kube-system}
                    podSelector:
                      matchLabels: {k8s-app: kube-dns}
                  ports:
                  - {protocol: UDP, port: 53}
                  - {protocol: TCP, port: 53}
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        Target dns = dns(context);
        for (Workload w : context.workloads()) {
            for (Pod p : w.pods()) {
                if (!context.options().selectable(p)) {
                    continue;
                }
                Verdict udp = context.explainer().explain(new Target.PodTarget(w, p), dns, Protocol.UDP, 53);
                if (udp.egress().status() != Verdict.Status.ISOLATED) {
                    continue;
                }
                if (!udp.egress().allowed()) {
                    report.add(context.podFinding(this, w, "", "isolated for egress and may not"
                            + " reach cluster DNS (" + dns + ") on UDP 53"));
                    break;
                }
                Verdict tcp = context.explainer().explain(new Target.PodTarget(w, p), dns, Protocol.TCP, 53);
                if (!tcp.egress().allowed()) {
                    report.add(context.podFinding(this, w, "", "may reach cluster DNS (" + dns + ") on UDP 53"
                            + " but not on TCP 53: truncated (large) answers cannot be retried over TCP"));
                    break;
                }
            }
        }
    }

    private static Target dns(AuditContext context) {
        for (Workload w : context.workloads()) {
            if (w.namespace().equals(DNS_NAMESPACE)) {
                for (Pod p : w.pods()) {
                    if (p.labels().get("k8s-app").filter("kube-dns"::equals).isPresent()) {
                        return new Target.PodTarget(w, p);
                    }
                }
            }
        }
        Pod pod = new Pod(DNS_NAMESPACE, "kube-dns", DNS_LABELS, List.of(), List.of(), false, Source.UNKNOWN);
        return new Target.PodTarget(new Workload("Deployment", DNS_NAMESPACE, "kube-dns", List.of(pod), Source.UNKNOWN),
                pod);
    }
}
