package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import java.util.List;

/**
 * NET013, decided by the engine: a workload isolated for egress whose policies nevertheless
 * allow it to reach the cloud metadata service ({@value #METADATA}, TCP 80) — typically through
 * an ipBlock {@code 0.0.0.0/0} without {@code except: [169.254.169.254/32]}. The metadata service
 * hands out the node's cloud credentials. Workloads not isolated for egress are NET005's.
 */
public final class MetadataEgress extends Rule {
    static final String METADATA = "169.254.169.254";

    public MetadataEgress() {
        super("NET013", "Egress to the cloud metadata service", Severity.WARNING, List.of(Checklist.EGRESS),
                "The workload's egress policies allow TCP 80 to 169.254.169.254, the cloud metadata service,"
                        + " which hands out the node's credentials to whoever asks.",
                "Except the metadata address from wide ipBlocks (or allow only the ranges the workload needs).",
                """
                egress:
                - to:
                  - ipBlock:
                      cidr: 0.0.0.0/0
                      except: [169.254.169.254/32, 10.0.0.0/8]
                  ports: [{protocol: TCP, port: 443}]
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        Target metadata = new Target.AddressTarget(IpAddress.parse(METADATA).orElseThrow());
        for (Workload w : context.workloads()) {
            for (Pod p : w.pods()) {
                if (!context.options().selectable(p)) {
                    continue;
                }
                Verdict v = context.explainer().explain(new Target.PodTarget(w, p), metadata, Protocol.TCP, 80);
                if (v.egress().status() == Verdict.Status.ISOLATED && v.egress().allowed()) {
                    report.add(context.podFinding(this, w, "", "its egress policies allow TCP 80 to the cloud"
                            + " metadata service " + METADATA));
                    break;
                }
            }
        }
    }
}
