package dev.stockade.audit.images;

import dev.stockade.audit.RuleOption;
import dev.stockade.audit.Severity;
import java.util.List;

/**
 * IMG003: an image from a registry outside the configured allowlist. The list is empty by
 * default, and then the rule reports nothing: which registries are trusted is the site's decision.
 */
public final class RegistryAllowlist extends ImageRule {
    public RegistryAllowlist() {
        super("IMG003", "Image from a registry outside the allowlist", Severity.WARNING,
                List.of(Checklist.BASE_IMAGES),
                "A container's image comes from a registry (or a path of it) that the registries option does not"
                        + " list. Images should come from trusted registries whose content is scanned and controlled."
                        + " References are normalised before matching: a name without registry is on docker.io, a"
                        + " one-component Docker Hub name is under docker.io/library, index.docker.io is docker.io,"
                        + " and a registry with a port (localhost:5000) is matched with it. An entry matches the"
                        + " registry itself (ghcr.io) or a path in it (ghcr.io/acme), case-insensitively. With no"
                        + " entries (the default) the rule reports nothing.",
                "Mirror the image into an allowed registry and reference it there, or add the registry to the"
                        + " allowlist after review.", """
                # stockade audit --config audit.yaml
                apiVersion: stockade.dev/v1alpha1
                kind: AuditConfig
                metadata: {name: ci}
                rules:
                  IMG003: {registries: [registry.example.com, ghcr.io/acme]}
                """);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("registries", "Registries, or registry paths, images may come from"
                + " (docker.io, ghcr.io/acme, localhost:5000); empty turns the rule off.", List.of()));
    }

    @Override
    void check(Image image) {
        List<String> allowed = image.context().option(this, "registries");
        if (allowed.isEmpty() || allowed.stream().anyMatch(image.ref()::under)) {
            return;
        }
        image.report("image", "image " + image.written() + " comes from " + image.ref().registry()
                + ", outside the allowed registries (" + String.join(", ", allowed) + ")");
    }
}
