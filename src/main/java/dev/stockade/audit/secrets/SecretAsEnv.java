package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.manifest.RawNode;
import java.util.List;

/**
 * SEC002: a Secret consumed as environment variables: {@code env[*].valueFrom.secretKeyRef} or
 * {@code envFrom[*].secretRef}, in containers, initContainers or ephemeralContainers.
 */
public final class SecretAsEnv extends Rule {
    public SecretAsEnv() {
        super("SEC002", "Secret consumed as an environment variable", Severity.WARNING, List.of(Checklist.SECRETS),
                "A container reads a Secret into its environment (env[*].valueFrom.secretKeyRef or"
                        + " envFrom[*].secretRef). The checklist says not to store secrets in environment variables:"
                        + " the environment is inherited by every child process, shows in /proc/<pid>/environ, crash"
                        + " dumps and debug endpoints, and is often logged; it cannot change without a restart. A"
                        + " Secret mounted as a file stays in a tmpfs readable only by the container and is updated"
                        + " in place.",
                "Mount the Secret as a volume and let the application read the file (many images accept a"
                        + " *_FILE variable naming it).", """
                volumes:
                - name: db
                  secret: {secretName: db-credentials, defaultMode: 0400}
                containers:
                - name: api
                  volumeMounts:
                  - {name: db, mountPath: /run/secrets/db, readOnly: true}
                  env:
                  - name: DB_PASSWORD_FILE
                    value: /run/secrets/db/password
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            for (WorkloadPod.Container c : pod.containers()) {
                List<RawNode> env = c.items("env");
                for (int i = 0; i < env.size(); i++) {
                    RawNode ref = env.get(i).field("valueFrom").flatMap(v -> v.field("secretKeyRef")).orElse(null);
                    if (ref != null) {
                        report.add(pod.finding(context, this, c.path("env[" + i + "].valueFrom.secretKeyRef"),
                                c.describe() + " env " + env.get(i).string("name").orElse("?") + " reads key "
                                        + ref.string("key").orElse("?") + " of Secret "
                                        + ref.string("name").orElse("?")));
                    }
                }
                List<RawNode> envFrom = c.items("envFrom");
                for (int i = 0; i < envFrom.size(); i++) {
                    RawNode ref = envFrom.get(i).field("secretRef").orElse(null);
                    if (ref != null) {
                        report.add(pod.finding(context, this, c.path("envFrom[" + i + "].secretRef"),
                                c.describe() + " loads every key of Secret " + ref.string("name").orElse("?")
                                        + " as environment variables"));
                    }
                }
            }
        }
    }
}
