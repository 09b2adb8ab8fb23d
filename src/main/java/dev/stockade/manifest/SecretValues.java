package dev.stockade.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a literal value, or a key naming it, looks like a secret — without ever returning the
 * value: every answer is a reason such as {@code looks like a PEM private key}. Shared by the audit's
 * secret rules and the loader, whose messages never quote a value this judges a secret.
 * <ul>
 * <li><b>Shape</b>: a PEM private-key header, well-known token formats (AWS access key id, GitHub,
 *     GitLab, Slack, Google API, Stripe, npm, JSON Web Token, HTTP bearer token, Azure account key)
 *     and a URL with a password ({@code scheme://user:password@host}).</li>
 * <li><b>Entropy</b>: one token of at least {@value #ENTROPY_MIN_LENGTH} characters, all from the
 *     base64/base64url alphabet, with a letter and a digit, whose Shannon entropy is at least
 *     {@value #ENTROPY_BITS} bits per character (random base64 of that length has about 4.2). Left
 *     out: hexadecimal strings (commit ids, digests, UUIDs, checksums), anything with a dot, colon or
 *     space (host names, URLs, versions, sentences) and paths starting with {@code /}.</li>
 * <li><b>Name</b>: a key matching one of the configured patterns (case-insensitive, anywhere in the
 *     name) and none of the ignored ones (by default names ending in file, path, url, name…), with a
 *     value that is not a {@linkplain #notSecret placeholder, path, number or boolean}.</li>
 * </ul>
 */
public final class SecretValues {
    /** Shannon entropy, in bits per character, from which a token counts as random. */
    public static final double ENTROPY_BITS = 4.0;
    /** The shortest token judged by entropy. */
    public static final int ENTROPY_MIN_LENGTH = 24;

    /** Name patterns of secret-holding keys (SEC001, SEC003). */
    public static final List<String> NAMES = List.of("passw(or)?d", "passphrase", "secret", "token", "bearer",
            "api[-_.]?key", "private[-_.]?key", "access[-_.]?key", "account[-_.]?key", "signing[-_.]?key",
            "encryption[-_.]?key", "credential", "azure.*key", "connection[-_.]?string");
    /** Name patterns that name where a secret is, or a property of it, rather than the secret. */
    public static final List<String> IGNORED_NAMES = List.of("(file|path|dir|url|uri|endpoint|host|port|name|ref|id|arn"
            + "|ttl|timeout|seconds|expiry|length|size|count|limit|interval|header|type|kind|mode|enabled|version"
            + "|region|zone|provider|manager|store|policy|scope|algorithm|format|level|method|strategy|namespace"
            + "|prefix|issuer|audience|realm|user|username|email)$");

    private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    static {
        SHAPES.put("a PEM private key", Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----"));
        SHAPES.put("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])"));
        SHAPES.put("a GitHub token",
                Pattern.compile("(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"));
        SHAPES.put("a GitLab token", Pattern.compile("glpat-[A-Za-z0-9_-]{20,}"));
        SHAPES.put("a Slack token", Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,}"));
        SHAPES.put("a Slack webhook URL",
                Pattern.compile("hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+"));
        SHAPES.put("a Google API key", Pattern.compile("AIza[0-9A-Za-z_-]{35}"));
        SHAPES.put("a Stripe secret key", Pattern.compile("(sk|rk)_live_[0-9A-Za-z]{20,}"));
        SHAPES.put("an npm token", Pattern.compile("npm_[A-Za-z0-9]{36}"));
        SHAPES.put("a JSON Web Token",
                Pattern.compile("eyJ[A-Za-z0-9_-]{8,}+\\.eyJ[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}"));
        SHAPES.put("an HTTP bearer token", Pattern.compile("Bearer [A-Za-z0-9._~+/-]{20,}=*"));
        SHAPES.put("an Azure account key", Pattern.compile("AccountKey=[A-Za-z0-9+/]{20,}={0,2}"));
    }

    private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}://[^/\\s:@]++:([^/\\s@]++)@");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=_-]+");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\([^)]*\\)|\\$\\{[^}]*}|\\{\\{.*}}|<[^>]*>");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)?");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off|null|none|~");

    // Every pattern runs in time linear in the value (bounded or possessive repetitions before a
    // literal), since the loader also asks about values of any length.

    private SecretValues() {}

    /** The kind of secret a value contains by its shape ({@code looks like a GitHub token}), if any. */
    public static Optional<String> shape(String value) {
        for (Map.Entry<String, Pattern> e : SHAPES.entrySet()) {
            if (e.getValue().matcher(value).find()) {
                return Optional.of("looks like " + e.getKey());
            }
        }
        Matcher m = URL_PASSWORD.matcher(value);
        while (m.find()) {
            if (!PLACEHOLDER.matcher(m.group(1)).matches()) {
                return Optional.of("is a URL with a password");
            }
        }
        return Optional.empty();
    }

    /** {@code has high entropy (4.8 bits/char)} for a random-looking token, else empty. */
    public static Optional<String> entropy(String value) {
        String v = value.strip();
        if (v.length() < ENTROPY_MIN_LENGTH || !BASE64.matcher(v).matches() || HEX.matcher(v).matches()
                || v.startsWith("/") || v.chars().noneMatch(Character::isDigit) || v.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        double bits = shannon(v);
        return bits >= ENTROPY_BITS
                ? Optional.of(String.format(Locale.ROOT, "has high entropy (%.1f bits/char)", bits)) : Optional.empty();
    }

    /** Shannon entropy of the characters of {@code s}, in bits per character. */
    public static double shannon(String s) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = s.codePoints().count();
        double h = 0;
        for (int c : counts.values()) {
            double p = c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** Whether {@code name} matches one of {@code names} and none of {@code ignored} (regexes, case-insensitive, found anywhere). */
    public static boolean secretName(String name, List<String> names, List<String> ignored) {
        return names.stream().anyMatch(p -> find(p, name)) && ignored.stream().noneMatch(p -> find(p, name));
    }

    /**
     * Values that hold no secret even under a secret's name: empty, a placeholder
     * ({@code $(VAR)}, {@code ${VAR}}, <code>{{ .Values.x }}</code>, {@code <password>}), a path
     * ({@code /run/secrets/db}), a number or duration, a boolean.
     */
    public static boolean notSecret(String value) {
        String v = value.strip();
        return v.isEmpty() || PLACEHOLDER.matcher(v).matches() || NUMBER.matcher(v).matches()
                || BOOLEAN.matcher(v).matches() || v.matches("(/|\\./|~/)\\S*");
    }

    /** A pattern that does not compile (a configured typo) is matched as literal text. */
    private static boolean find(String regex, String s) {
        return COMPILED.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                return Pattern.compile(Pattern.quote(r), Pattern.CASE_INSENSITIVE);
            }
        }).matcher(s).find();
    }
}
