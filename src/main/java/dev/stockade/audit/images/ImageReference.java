package dev.stockade.audit.images;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, parsed and normalised as the container runtime reads it (the
 * grammar of {@code distribution/reference}): {@code [registry/]repository[:tag][@digest]}. The
 * first path component is the registry when the reference has more than one component and that
 * one contains a dot or a colon, is {@code localhost}, or has an upper-case letter; otherwise the
 * registry is {@code docker.io}, where a one-component repository lives under {@code library/}.
 * {@code index.docker.io} is {@code docker.io}. A reference without tag and digest means tag
 * {@code latest}.
 *
 * @param registry the registry host, with its port if written ({@code docker.io}, {@code localhost:5000})
 * @param repository the path in the registry ({@code library/nginx})
 * @param tag the tag, null when none is written
 * @param digest the digest ({@code sha256:…}), null when none is written
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]+)?"
                    + "|\\[[0-9A-Fa-f:.]+](?::[0-9]+)?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9A-Fa-f]{32,}");

    /** The reference {@code image} spells, or empty when it is not a valid reference (e.g. a template). */
    public static Optional<ImageReference> parse(String image) {
        if (image == null || image.isEmpty()) {
            return Optional.empty();
        }
        String name = image;
        String digest = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            digest = image.substring(at + 1);
            name = image.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.empty();
            }
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.empty();
            }
        }
        String registry = DOCKER_HUB;
        String repository = name;
        int slash = name.indexOf('/');
        if (slash > 0) {
            String first = name.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                if (!DOMAIN.matcher(first).matches()) {
                    return Optional.empty();
                }
                registry = first.equalsIgnoreCase("index.docker.io") ? DOCKER_HUB : first;
                repository = name.substring(slash + 1);
            }
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return Optional.empty();
            }
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        return Optional.of(new ImageReference(registry, repository, tag, digest));
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/nginx}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** Pinned by digest: the bytes cannot change under the reference. */
    public boolean pinned() {
        return digest != null;
    }

    /** No digest, and the tag is {@code latest} or absent (which means latest). */
    public boolean latest() {
        return digest == null && (tag == null || tag.equals("latest"));
    }

    /**
     * The pull policy the API server fills in when the container sets none: {@code Always} for
     * a {@code :latest} or untagged reference without digest, else {@code IfNotPresent}.
     */
    public String defaultPullPolicy() {
        return latest() ? "Always" : "IfNotPresent";
    }

    /** Whether the reference lies under {@code prefix}: a registry ({@code ghcr.io}) or a registry and path ({@code ghcr.io/acme}). */
    public boolean under(String prefix) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("index.docker.io") || p.startsWith("index.docker.io/")) {
            p = DOCKER_HUB + p.substring("index.docker.io".length());
        }
        String n = name().toLowerCase(Locale.ROOT);
        return !p.isEmpty() && (n.equals(p) || n.startsWith(p + "/"));
    }

    /** The canonical spelling: {@code docker.io/library/nginx:1.27@sha256:…}. */
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
