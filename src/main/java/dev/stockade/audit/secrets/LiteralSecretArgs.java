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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC008: a container's {@code command} or {@code args} holds a literal secret: an item whose
 * shape is a secret ({@link SecretValues#shape}), a flag with a secret's name and a literal value
 * ({@code --password=hunter2}, or {@code --password} followed by {@code hunter2}). Never prints the value.
 */
public final class LiteralSecretArgs extends Rule {
    private static final Pattern FLAG = Pattern.compile("--?([A-Za-z0-9][A-Za-z0-9_.-]*)(?:=(.*))?", Pattern.DOTALL);

    public LiteralSecretArgs() {
        super("SEC008", "Literal secret in command or args", Severity.ERROR, List.of(Checklist.SECRETS),
                "A container's command or args (containers, initContainers, ephemeralContainers) holds a literal"
                        + " secret: it is in the manifest, in the API object, and in the process list of the node"
                        + " (ps, /proc/<pid>/cmdline) for anyone who can see it. An item counts when it contains a"
                        + " PEM private key, a well-known token, an HTTP bearer token or a URL with a password, or"
                        + " when it is a flag whose name matches the names option (and not ignoredNames) with a"
                        + " literal value: --password=hunter2, or --password followed by hunter2. Values that are"
                        + " $(VAR) references, placeholders, paths, numbers or booleans do not count.",
                "Pass the secret as a mounted file (many programs take --password-file) or expand it from a"
                        + " file at start; rotate the leaked value.", """
                args:
                - --password-file=/run/secrets/db/password
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("names", "Regular expressions (case-insensitive, found anywhere in the"
                        + " flag's name) of flags that take secrets.", SecretValues.NAMES),
                new RuleOption("ignoredNames", "Regular expressions of flag names that point at a secret rather"
                        + " than hold it (--password-file).", SecretValues.IGNORED_NAMES));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> names = context.option(this, "names");
        List<String> ignored = context.option(this, "ignoredNames");
        for (WorkloadPod pod : WorkloadPod.all(context)) {
            for (WorkloadPod.Container c : pod.containers()) {
                for (String list : List.of("command", "args")) {
                    List<String> items = c.items(list).stream().map(n -> n.text().orElse("")).toList();
                    for (int i = 0; i < items.size(); i++) {
                        int index = i;
                        reason(items, i, names, ignored).ifPresent(why -> report.add(pod.finding(context, this,
                                c.path(list + "[" + index + "]"), c.describe() + " " + list + "[" + index + "] "
                                        + why)));
                    }
                }
            }
        }
    }

    /** Why item {@code i} of a command line holds a secret, if it does. */
    static Optional<String> reason(List<String> items, int i, List<String> names, List<String> ignored) {
        String item = items.get(i);
        Optional<String> shape = SecretValues.shape(item);
        if (shape.isPresent()) {
            return Optional.of("(" + item.length() + " characters) " + shape.get());
        }
        Matcher m = FLAG.matcher(item);
        if (m.matches() && m.group(2) != null && SecretValues.secretName(m.group(1), names, ignored)
                && !SecretValues.notSecret(m.group(2))) {
            return Optional.of("sets --" + m.group(1) + " to a literal value of " + m.group(2).length() + " characters");
        }
        if (i > 0) {
            Matcher prev = FLAG.matcher(items.get(i - 1));
            if (prev.matches() && prev.group(2) == null && SecretValues.secretName(prev.group(1), names, ignored)
                    && !item.startsWith("-") && !SecretValues.notSecret(item)) {
                return Optional.of("is a literal value of " + item.length() + " characters for "
                        + items.get(i - 1));
            }
        }
        return Optional.empty();
    }
}
