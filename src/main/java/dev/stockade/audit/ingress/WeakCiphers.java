package dev.stockade.audit.ingress;

import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Rule;
import dev.stockade.audit.Severity;
import dev.stockade.manifest.RawObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ING003: a cipher list annotation ({@link #KEYS}, OpenSSL syntax) that enables a broken cipher:
 * an entry not negated by {@code !} or {@code -} one of whose {@code -}-separated parts is RC4,
 * DES/3DES, NULL/eNULL/aNULL, EXPORT/EXP, MD5, LOW or an anonymous suite (ADH, AECDH).
 */
public final class WeakCiphers extends Rule {
    static final List<String> KEYS = List.of("nginx.ingress.kubernetes.io/ssl-ciphers", "nginx.org/ssl-ciphers");
    private static final Set<String> WEAK = Set.of("RC4", "DES", "3DES", "NULL", "ENULL", "ANULL", "EXPORT", "EXP",
            "EXPORT40", "EXPORT56", "EXP1024", "MD5", "LOW", "ADH", "AECDH");

    public WeakCiphers() {
        super("ING003", "Weak TLS ciphers enabled on an Ingress", Severity.WARNING, List.of(Checklist.ENCRYPT),
                "The cipher list enables suites that are broken or unauthenticated (RC4, DES, 3DES, NULL, EXPORT,"
                        + " MD5, anonymous): a client can be talked into a connection an attacker can read.",
                "Remove the annotation (the controller's default list is safe) or list only modern AEAD suites.", """
                metadata:
                  annotations:
                    nginx.ingress.kubernetes.io/ssl-ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256"
                """);
    }

    @Override
    public void check(AuditContext context, Report report) {
        for (RawObject ing : context.manifests("Ingress")) {
            for (String k : KEYS) {
                String list = ing.annotations().get(k);
                if (list == null) {
                    continue;
                }
                List<String> weak = weak(list);
                if (!weak.isEmpty()) {
                    report.add(context.finding(this, ing.ref(), Ingresses.annotation(k), ing.source(),
                            "weak ciphers enabled: " + String.join(", ", weak), ""));
                }
            }
        }
    }

    /** The entries of an OpenSSL cipher list that enable a weak cipher, in written order. */
    static List<String> weak(String cipherList) {
        List<String> out = new ArrayList<>();
        for (String entry : cipherList.split("[:, ]+")) {
            if (entry.isEmpty() || entry.startsWith("!") || entry.startsWith("-")) {
                continue;
            }
            String e = entry.startsWith("+") ? entry.substring(1) : entry;
            for (String part : e.toUpperCase(Locale.ROOT).split("[-+_]")) {
                if (WEAK.contains(part)) {
                    out.add(entry);
                    break;
                }
            }
        }
        return out;
    }
}
