package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import dev.stockade.manifest.SecretValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC003: a ConfigMap holds a secret. Each key of {@code data} is judged by its name, by its
 * value's shape, by the {@code key = value} / {@code key: value} lines of a file it holds and, for
 * a one-line value, by entropy ({@link SecretValues}); each key of {@code binaryData} by its name
 * and by the shape of its decoded bytes. One finding per key, never showing the value.
 */
public final class SecretInConfigMap extends Rule {
    /** Key names of files that hold keys or passwords, on top of {@link SecretValues#NAMES}. */
    static final List<String> FILE_NAMES = List.of("\\.key$", "id_(rsa|dsa|ecdsa|ed25519)", "\\.(p12|pfx|jks|keystore)$",
            "htpasswd", "\\.netrc$", "\\.pgpass$", "\\.git-credentials$", "dockerconfigjson");
    private static final Pattern SETTING = Pattern.compile(
            "^\\s*(?:export\\s+)?[\"']?([A-Za-z0-9_.\\-]+)[\"']?\\s*[:=]\\s*(.*?)\\s*[,;]?\\s*$");

    public SecretInConfigMap() {
        super("SEC003", "Secret stored in a ConfigMap", Severity.ERROR, List.of(Checklist.SECRETS),
                "A ConfigMap holds what looks like a secret. ConfigMaps are not meant for confidential data:"
                        + " they are readable by anyone who may read configuration, are never encrypted at rest"
                        + " separately, and are printed by kubectl describe. A key of data counts when its name"
                        + " matches the names option (and not ignoredNames) and its value is not a placeholder,"
                        + " path, number or boolean; when its value contains a PEM private key, a well-known token"
                        + " or a URL with a password; when a line of the file it holds sets a key with such a name"
                        + " (key = value, key: value, \"key\": \"value\"); or when a one-line value is a random-looking"
                        + " token (at least " + SecretValues.ENTROPY_MIN_LENGTH + " base64-like characters, entropy"
                        + " of at least " + SecretValues.ENTROPY_BITS + " bits per character). A key of binaryData"
                        + " counts by its name or when its decoded bytes contain a PEM private key or a token.",
                "Move the value into a Secret (or an external secret store), mount it as a file, and keep only"
                        + " non-confidential settings in the ConfigMap; rotate the leaked value.", """
                apiVersion: v1
                kind: Secret
                metadata: {name: api-credentials, namespace: shop}
                type: Opaque
                stringData:
                  password: ...   # better: created by an external secret operator, not committed
                """);
    }

    @Override
    public List<RuleOption> options() {
        List<String> names = new ArrayList<>(SecretValues.NAMES);
        names.addAll(FILE_NAMES);
        return List.of(new RuleOption("names", "Regular expressions (case-insensitive, found anywhere) of key"
                        + " names that hold secrets, in data, binaryData and the settings of files.", names),
                new RuleOption("ignoredNames", "Regular expressions of key names that point at a secret or"
                        + " describe it rather than hold it.", SecretValues.IGNORED_NAMES));
    }

    @Override
    public void check(AuditContext context, Report report) {
        List<String> names = context.option(this, "names");
        List<String> ignored = context.option(this, "ignoredNames");
        for (RawObject cm : context.manifests("ConfigMap")) {
            for (String section : List.of("data", "binaryData")) {
                Map<String, RawNode> fields = cm.at(section).map(RawNode::fields).orElse(Map.of());
                for (Map.Entry<String, RawNode> e : fields.entrySet()) {
                    String value = e.getValue().text().orElse("");
                    Optional<String> why = section.equals("data") ? dataReason(e.getKey(), value, names, ignored)
                            : binaryReason(e.getKey(), value, names, ignored);
                    why.ifPresent(w -> report.add(context.finding(this, cm.ref(),
                            FieldPath.ROOT.field(section).field(e.getKey()), cm.source(), "key " + e.getKey() + ": " + w,
                            "")));
                }
            }
        }
    }

    /** Why a {@code data} value looks like a secret, if it does. */
    static Optional<String> dataReason(String key, String value, List<String> names, List<String> ignored) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String size = "value of " + value.length() + " characters ";
        Optional<String> shape = SecretValues.shape(value);
        if (shape.isPresent()) {
            return Optional.of(size + shape.get());
        }
        if (SecretValues.secretName(key, names, ignored) && !SecretValues.notSecret(value)) {
            return Optional.of(size + "is set under a secret's name");
        }
        if (!value.strip().contains("\n")) {
            return SecretValues.entropy(value).map(e -> size + e);
        }
        List<String> found = new ArrayList<>();
        List<String> lines = value.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SETTING.matcher(lines.get(i));
            if (m.matches() && SecretValues.secretName(m.group(1), names, ignored)) {
                String v = m.group(2).replaceAll("^[\"']|[\"']$", "");
                if (!SecretValues.notSecret(v) && !v.matches("[{\\[|>&*].*")) {
                    found.add("line " + (i + 1) + " sets " + m.group(1));
                }
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("file of " + lines.size() + " lines: " + found.getFirst()
                + (found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "") + " to a literal value");
    }

    /** Why a {@code binaryData} value (base64) looks like a secret, if it does. */
    static Optional<String> binaryReason(String key, String value, List<String> names, List<String> ignored) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length == 0) {
            return Optional.empty();
        }
        String size = "binary value of " + bytes.length + " bytes ";
        Optional<String> shape = SecretValues.shape(new String(bytes, StandardCharsets.ISO_8859_1));
        if (shape.isPresent()) {
            return Optional.of(size + shape.get());
        }
        return SecretValues.secretName(key, names, ignored) ? Optional.of(size + "is set under a secret's name")
                : Optional.empty();
    }
}
