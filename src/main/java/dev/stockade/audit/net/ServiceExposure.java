package dev.stockade.audit.net;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.List;

/**
 * Shared base of the Service rules (NET018–NET020): they read Services as written, since the
 * cluster model has no Services.
 */
abstract class ServiceExposure extends Rule {
    ServiceExposure(String id, String title, Severity severity, String description, String remediation,
                    String fix) {
        super(id, title, severity, List.of(Checklist.MICRO_SEGMENT), description, remediation, fix);
    }

    @Override
    public final void check(AuditContext context, Report report) {
        for (RawObject s : context.manifests("Service")) {
            check(context, s, s.at("spec.type").flatMap(RawNode::text).orElse("ClusterIP"), report);
        }
    }

    abstract void check(AuditContext context, RawObject service, String type, Report report);

    static FieldPath path(String p) {
        return FieldPath.parse(p);
    }
}
