package dev.stockade.load;

import java.util.Arrays;

import java.util.regex.Pattern;

/**
 * Kubernetes name syntax (apimachinery's {@code pkg/util/validation}): DNS-1123 labels and
 * subdomains, DNS-1035 labels, label keys and values, port names. The predicates say whether a
 * value is valid; the {@code ...Problem} methods give the message of the {@link ApiValidation}
 * row that applies, or null.
 */
final class Names {
    private Names() {}

    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    /** A DNS-1123 label: 1-63 of {@code [a-z0-9-]}, alphanumeric at both ends. */
    static boolean isDnsLabel(String s) {
        return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
    }

    /** A DNS-1035 label: a DNS-1123 label that starts with a letter. */
    static boolean isDns1035Label(String s) {
        return s.length() <= 63 && DNS_1035_LABEL.matcher(s).matches();
    }

    /** A DNS-1123 subdomain: DNS-1123 labels joined by dots, at most 253 characters. */
    static boolean isDnsSubdomain(String s) {
        return s.length() <= 253 && DNS_SUBDOMAIN.matcher(s).matches();
    }

    /** The name part of a label key (after an optional {@code prefix/}). */
    static boolean isLabelKey(String key) {
        String name = key.substring(key.indexOf('/') + 1);
        return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
    }

    /** A label value: empty, or up to 63 label characters, alphanumeric at both ends. */
    static boolean isLabelValue(String value) {
        return value.isEmpty() || (value.length() <= 63 && LABEL_NAME.matcher(value).matches());
    }

    /** An IANA_SVC_NAME: up to 15 of {@code [a-z0-9-]}, no "--", alphanumeric ends, at least one letter. */
    static boolean isPortName(String name) {
        return name.length() <= 15 && PORT_NAME.matcher(name).matches() && !name.contains("--")
                && name.chars().anyMatch(Character::isLetter);
    }

    /** Null when {@code key} is a valid label key, else what is wrong with it. */
    static String labelKeyProblem(String key) {
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || !isDnsSubdomain(prefix)) {
                return ApiValidation.LABEL_KEY_PREFIX.message(prefix);
            }
        }
        return ApiValidation.LABEL_KEY.problem(key).orElse(null);
    }

    /** Null when {@code value} is a valid label value, else what is wrong with it. */
    static String labelValueProblem(String value) {
        return ApiValidation.LABEL_VALUE.problem(value).orElse(null);
    }

    /** Null when {@code name} is a valid namespace name (a DNS-1123 label), else what is wrong with it. */
    static String namespaceProblem(String name) {
        return ApiValidation.NAMESPACE_NAME.problem(name).orElse(null);
    }

    /** Null when {@code name} is a valid object name (a DNS-1123 subdomain), else what is wrong with it. */
    static String objectNameProblem(String name) {
        return ApiValidation.OBJECT_NAME.problem(name).orElse(null);
    }

    /** Null when {@code name} is a valid port name (IANA_SVC_NAME), else what is wrong with it. */
    static String portNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty (expected a port number 1-65535 or a port name such as http)";
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return Quote.of(name) + " is a string, so it names a port, and a port name needs a letter"
                    + " (write the number without quotes: " + Quote.bare(name) + ")";
        }
        return ApiValidation.PORT_NAME.problem(name).orElse(null);
    }

    /** Null when {@code name} is a valid Service port name (a DNS-1123 label), else what is wrong with it. */
    static String servicePortNameProblem(String name) {
        return ApiValidation.SERVICE_PORT_NAME.problem(name).orElse(null);
    }

    /** Whether {@code name} is a valid path segment name (RBAC objects): not {@code .} or {@code ..}, no '/' or '%'. */
    static boolean isPathSegment(String name) {
        return !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('%') < 0;
    }

    /**
     * Whether {@code name} is a DomainName of the network-policy-api CRDs: two or more dot-separated labels
     * of letters, digits, '-' and '_' that start and end with a letter or digit, an optional {@code *.} before
     * and {@code .} after. The CRD's pattern writes the first character of a label as {@code [a-zA-z0-9]},
     * whose range A-z also holds the characters [ \ ] ^ _ and `; the API server accepts those, and so does this.
     */
    static boolean isDomainName(String name) {
        return DOMAIN_NAME.matcher(name).matches();
    }

    private static final java.util.regex.Pattern DOMAIN_NAME = java.util.regex.Pattern.compile(
            "(\\*\\.)?([A-z0-9]([-A-Za-z0-9_]*[A-Za-z0-9])?\\.)+[A-z0-9]([-A-Za-z0-9_]*[A-Za-z0-9])?\\.?");

    /**
     * Whether {@code name} is a Hostname of the Gateway API CRDs: 1-253 characters, lowercase DNS labels
     * joined by dots, optionally preceded by {@code *.} (the pattern admits IP addresses too).
     */
    static boolean isGatewayHostname(String name) {
        return !name.isEmpty() && name.length() <= 253 && GATEWAY_HOSTNAME.matcher(name).matches();
    }

    private static final java.util.regex.Pattern GATEWAY_HOSTNAME = java.util.regex.Pattern.compile(
            "(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /**
     * Whether {@code text} is a CIDR of the network-policy-api CRDs: at most 43 characters, and a CIDR as
     * the CEL function {@code isCIDR} reads it (Go's {@code netip.ParsePrefix}): an IPv4 or IPv6 address and
     * a prefix length, no leading zero in an IPv4 part or in the prefix length. Host bits may be set.
     */
    static boolean isCelCidr(String text) {
        int slash = text.indexOf('/');
        if (text.length() > 43 || slash < 0 || dev.stockade.model.Cidr.parse(text).isEmpty()) {
            return false;
        }
        String address = text.substring(0, slash);
        String v4 = address.substring(address.lastIndexOf(':') + 1);
        if (v4.contains(".") && Arrays.stream(v4.split("\\.", -1)).anyMatch(Names::leadingZero)) {
            return false;
        }
        return !leadingZero(text.substring(slash + 1));
    }

    private static boolean leadingZero(String digits) {
        return digits.length() > 1 && digits.charAt(0) == '0';
    }
}
