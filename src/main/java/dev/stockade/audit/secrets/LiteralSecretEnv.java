package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.audit.WorkloadPod;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.SecretValues;
import java.util.List;
import java.util.Optional;

/**
 * SEC001: a container's {@code env[*].value} holds a literal secret, judged by the variable's
 * name, the value's shape or its entropy ({@link SecretValues}). The message gives the variable,
 * the value's length and the reason, never the value.
 */
public final class LiteralSecretEnv extends Rule {
    public LiteralSecretEnv() {
        super("SEC001", "Literal secret in an environment variable", Severity.ERROR, List.of(Checklist.SECRETS),
                "A container's env[*].value (containers, initContainers, ephemeralContainers) holds a literal"
                        + " secret: the value sits in the manifest, in Git, in the API object anyone with get on the"
                        + " workload can read, and in the process environment. A value counts as a secret when it"
                        + " contains a PEM private key, a well-known token (AWS access key id, GitHub, GitLab, Slack,"
                        + " Google API, Stripe, npm, JSON Web Token, HTTP bearer token, Azure account key) or a URL"
                        + " with a password; when"
                        + " the variable's name matches the names option (and not ignoredNames) and the value is not a"
                        + " placeholder ($(VAR), ${VAR}, {{ }}), a path, a number or a boolean; or when it is one"
                        + " base64-like token of at least " + SecretValues.ENTROPY_MIN_LENGTH + " characters with a"
                        + " Shannon entropy of at least " + SecretValues.ENTROPY_BITS + " bits per character"
                        + " (hexadecimal strings such as commit ids and UUIDs are left out).",
                "Move the value into a Secret (or an external secret store) and mount it as a file; rotate the"
                        + " leaked value.", """
                volumes:
                - name: db
                  secret: {secretName: db-credentials}
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
    public List<RuleOption> options() {
        return List.of(new RuleOption("names", "Regular expressions (case-insensitive, found anywhere in the"
                        + " name) of variable names that hold secrets.", SecretValues.NAMES),
                new RuleOption("ignoredNames", "Regular expressions of names that point at a secret or describe it"
                        + " rather than hold it (DB_PASSWORD_FILE, TOKEN_URL).", SecretValues.IGNORED_NAMES));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> names = context.option(this, "names");
        List<String> ignored = context.option(this, "ignoredNames");
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            for (WorkloadPod.Container c : pod.containers()) {
                List<RawNode> env = c.items("env");
                for (int i = 0; i < env.size(); i++) {
                    int index = i;
                    String name = env.get(i).string("name").orElse("");
                    String value = env.get(i).string("value").orElse("");
                    reason(name, value, names, ignored).ifPresent(why -> report.add(pod.finding(context, this,
                            c.path("env[" + index + "].value"), c.describe() + " env " + name + ": literal value of "
                                    + value.length() + " characters " + why)));
                }
            }
        }
    }

    /** Why a variable's literal value looks like a secret, if it does. */
    static Optional<String> reason(String name, String value, List<String> names, List<String> ignored) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> shape = SecretValues.shape(value);
        if (shape.isPresent()) {
            return shape;
        }
        if (SecretValues.secretName(name, names, ignored) && !SecretValues.notSecret(value)) {
            return Optional.of("is set under a secret's name");
        }
        return SecretValues.entropy(value);
    }
}
