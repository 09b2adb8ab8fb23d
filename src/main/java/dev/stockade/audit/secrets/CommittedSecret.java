package dev.stockade.audit.secrets;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.FieldPath;
import dev.stockade.manifest.RawNode;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SEC007: a Secret object of the input carries values in {@code data} or {@code stringData}.
 * A Secret is the right place for a secret, but a manifest that writes its values puts them in
 * the repository (base64 is not encryption). Empty values are placeholders and do not count.
 */
public final class CommittedSecret extends Rule {
    public CommittedSecret() {
        super("SEC007", "Secret values written in the manifest", Severity.NOTE, List.of(Checklist.SECRETS),
                "A Secret in the input has values in data or stringData: whoever can read the files (the Git"
                        + " history, CI logs, copies) has the secret, and base64 in data is an encoding, not"
                        + " encryption. The checklist recommends a secret manager such as HashiCorp Vault; keep"
                        + " the Secret out of the repository and let an operator (External Secrets, Vault agent,"
                        + " Sealed Secrets, SOPS) create it. Keys with empty values are not counted.",
                "Generate the Secret from a secret store at deploy time, or commit it encrypted (SealedSecret,"
                        + " SOPS); rotate values that were committed in clear.", """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db-credentials, namespace: shop}
                spec:
                  secretStoreRef: {name: vault, kind: ClusterSecretStore}
                  target: {name: db-credentials}
                  data:
                  - secretKey: password
                    remoteRef: {key: shop/db, property: password}
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject secret : context.manifests("Secret")) {
            for (String section : List.of("stringData", "data")) {
                List<String> keys = new ArrayList<>();
                for (Map.Entry<String, RawNode> e : secret.at(section).map(RawNode::fields).orElse(Map.of()).entrySet()) {
                    if (e.getValue().text().filter(v -> !v.isBlank()).isPresent()) {
                        keys.add(e.getKey());
                    }
                }
                if (!keys.isEmpty()) {
                    report.add(context.finding(this, secret.ref(), FieldPath.ROOT.field(section), secret.source(),
                            section + " writes " + keys.size() + " value(s) in the manifest: " + String.join(", ", keys),
                            ""));
                }
            }
        }
    }
}
