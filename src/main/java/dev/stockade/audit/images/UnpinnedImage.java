package dev.stockade.audit.images;

import dev.stockade.audit.Severity;
import java.util.List;

/** IMG002: an image not pinned by digest ({@code @sha256:…}). */
public final class UnpinnedImage extends ImageRule {
    public UnpinnedImage() {
        super("IMG002", "Image not pinned by digest", Severity.NOTE, List.of(Checklist.BASE_IMAGES),
                "A container's image has no digest. Tags are mutable: a registry push (or a compromised registry)"
                        + " changes what the tag points to, so the image that passed scanning and admission"
                        + " (ImagePolicy) may not be the one that runs. A reference with @sha256:… always names the"
                        + " same bytes. Images with the latest tag or no tag are reported by IMG001 as well.",
                "Append the digest of the scanned image to the reference (tools such as crane digest or"
                        + " kustomize images can fill it in).", """
                containers:
                - name: api
                  image: registry.example.com/shop/api:2.0.1@sha256:<digest>
                """);
    }

    @Override
    void check(Image image) {
        if (!image.ref().pinned()) {
            image.report("image", "image " + image.written() + " is not pinned by digest");
        }
    }
}
