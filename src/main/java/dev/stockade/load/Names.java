package dev.stockade.load;

import java.util.regex.Pattern;

/** Kubernetes name syntax: label keys and values, port names. */
final class Names {
    private Names() {}

    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    /** Null when {@code key} is a valid label key, else what is wrong with it. */
    static String labelKeyProblem(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return "label key prefix \"" + prefix + "\" is not a DNS subdomain (expected e.g. example.com/name)";
            }
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return "\"" + key + "\" is not a valid label key (expected up to 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit, with an optional DNS prefix and '/')";
        }
        return null;
    }

    /** Null when {@code value} is a valid label value, else what is wrong with it. */
    static String labelValueProblem(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
            return "\"" + value + "\" is not a valid label value (expected up to 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit)";
        }
        return null;
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** Null when {@code name} is a valid namespace name (a DNS-1123 label), else what is wrong with it. */
    static String namespaceProblem(String name) {
        if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            return "\"" + name + "\" is not a valid namespace name (expected up to 63 lowercase letters, digits and"
                    + " '-', starting and ending with a letter or digit)";
        }
        return null;
    }

    /** Null when {@code name} is a valid object name (a DNS-1123 subdomain), else what is wrong with it. */
    static String objectNameProblem(String name) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return "\"" + name + "\" is not a valid object name (expected lowercase letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit)";
        }
        return null;
    }

    /** Null when {@code name} is a valid port name (IANA_SVC_NAME), else what is wrong with it. */
    static String portNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty (expected a port number 1-65535 or a port name such as http)";
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return "\"" + name + "\" is a string, so it names a port, and a port name needs a letter"
                    + " (write the number without quotes: " + name + ")";
        }
        if (name.length() > 15 || !PORT_NAME.matcher(name).matches() || name.contains("--")
                || name.chars().noneMatch(Character::isLetter)) {
            return "\"" + name + "\" is not a valid port name (expected up to 15 lowercase letters, digits and"
                    + " single '-', with at least one letter, e.g. http or metrics)";
        }
        return null;
    }

    /** Null when {@code name} is a valid Service port name (a DNS-1123 label), else what is wrong with it. */
    static String servicePortNameProblem(String name) {
        if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            return "\"" + name + "\" is not a valid port name (expected up to 63 lowercase letters, digits and '-',"
                    + " starting and ending with a letter or digit, e.g. http)";
        }
        return null;
    }
}
