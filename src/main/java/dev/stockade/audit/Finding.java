package dev.stockade.audit;

import dev.stockade.model.ObjectRef;
import dev.stockade.model.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One finding: the rule, its effective severity, the object and field path it concerns, where
 * that field is written, and a message (without positions, so the fingerprint survives edits).
 *
 * @param workload the workload it is about ({@code ns/name}), empty when the object is the subject
 * @param suppression the reason given in a {@code stockade.dev/ignore} annotation, null when not suppressed
 * @param baselined whether the baseline file lists its fingerprint
 */
public record Finding(String ruleId, Severity severity, ObjectRef object, String path, Source source,
                      String message, String workload, String suppression, boolean baselined) {
    public Finding {
        path = path == null ? "" : path;
        workload = workload == null ? "" : workload;
    }

    /** The namespace the finding belongs to: its object's, or the Namespace object's name; empty when cluster-wide. */
    public String namespace() {
        return object.kind().equals("Namespace") ? object.name() : object.namespace();
    }

    public boolean suppressed() {
        return suppression != null;
    }

    /** Counts toward the exit code: neither suppressed nor in the baseline. */
    public boolean active() {
        return suppression == null && !baselined;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, object, path, source, message, workload, suppression, baselined);
    }

    public Finding suppressedBecause(String reason) {
        return new Finding(ruleId, severity, object, path, source, message, workload, reason, baselined);
    }

    public Finding inBaseline() {
        return new Finding(ruleId, severity, object, path, source, message, workload, suppression, true);
    }

    /**
     * A stable fingerprint: SHA-256 over rule, object, field path and message (not file or line),
     * first 16 bytes in hex. Baselines and SARIF {@code partialFingerprints} use it.
     */
    public String fingerprint() {
        String key = String.join("\u0000", ruleId, object.kind(), object.namespace(), object.name(), path, message);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
