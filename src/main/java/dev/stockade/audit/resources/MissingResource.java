package dev.stockade.audit.resources;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawNode;
import java.util.List;

/**
 * Shared base of RES001–RES004: a container (regular or init, sidecars included) without a
 * request or limit for one resource, after what the API server fills in: a request is set when
 * the container sets the request or the limit (a missing request defaults to the limit), when the
 * pod-level {@code spec.resources} sets either, or when a LimitRange of the namespace gives a
 * default; a limit is set by the container's limit, the pod-level limit or a LimitRange default.
 * Ephemeral containers cannot set resources and are not checked.
 */
abstract class MissingResource extends Rule {
    static final List<String> LISTS = List.of("initContainers", "containers");

    private final String kind;
    private final String resource;

    /** {@code kind} is {@code requests} or {@code limits}; {@code resource} is {@code cpu} or {@code memory}. */
    MissingResource(String id, String title, Severity severity, String kind, String resource, String description,
                    String remediation, String fix) {
        super(id, title, severity, List.of(Checklist.RESOURCES), description, remediation, fix);
        this.kind = kind;
        this.resource = resource;
    }

    @Override
    public final void check(AuditContext context, Report report) {
        LimitRanges limitRanges = new LimitRanges(context);
        String field = kind + "." + resource;
        PodSpecs.forEach(context, pod -> {
            if (limitRanges.defaults(pod.workload().namespace(), field) || podLevel(pod)) {
                return;
            }
            for (PodSpecs.Container c : PodSpecs.containers(pod.spec(), LISTS)) {
                if (set(c)) {
                    continue;
                }
                PodSpecs.report(context, this, report, pod, c.path("resources." + field), c.describe()
                        + " sets no " + (resource.equals("cpu") ? "CPU" : resource) + " " + (kind.equals("requests") ? "request" : "limit") + " ("
                        + "resources." + field + ") and no LimitRange of namespace " + pod.workload().namespace()
                        + " gives a default");
            }
        });
    }

    private boolean podLevel(PodSpecs.Pod pod) {
        return written(pod.spec());
    }

    private boolean set(PodSpecs.Container c) {
        return written(c.node());
    }

    /** Whether {@code owner} (a container or the pod spec) sets the limit, or for a request either one, to a value. */
    private boolean written(RawNode owner) {
        return value(owner, "limits") || (kind.equals("requests") && value(owner, "requests"));
    }

    private boolean value(RawNode owner, String field) {
        return PodSpecs.at(owner, "resources." + field + "." + resource).flatMap(RawNode::text)
                .filter(t -> !t.isBlank()).isPresent();
    }
}
