package dev.stockade.audit.images;

import dev.stockade.audit.Severity;
import java.util.List;

/** IMG001: an image without digest whose tag is {@code latest} or absent (which means latest). */
public final class LatestTag extends ImageRule {
    public LatestTag() {
        super("IMG001", "Image with the latest tag or no tag", Severity.WARNING,
                List.of(Checklist.BASE_IMAGES),
                "A container's image has no digest and its tag is latest or absent (the runtime then pulls"
                        + " latest). What runs changes with every push and differs between nodes that pulled at"
                        + " different times; the image that was scanned is not necessarily the one that runs, and a"
                        + " rollback has nothing to go back to. A digest after the tag (name:latest@sha256:…) pins"
                        + " the image and is not reported.",
                "Use an immutable version tag, or better the digest of the scanned image.", """
                containers:
                - name: api
                  image: registry.example.com/shop/api:2.0.1@sha256:<digest>
                """);
    }

    @Override
    void check(Image image) {
        if (image.ref().latest()) {
            image.report("image", "image " + image.written() + (image.ref().tag() == null
                    ? " has no tag: the runtime pulls latest" : " uses the mutable tag latest"));
        }
    }
}
