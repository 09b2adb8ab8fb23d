package dev.stockade.audit.images;

import dev.stockade.audit.Severity;
import java.util.List;

/**
 * IMG004: a mutable reference (no digest) pulled with {@code IfNotPresent}, written or by default
 * (the default is IfNotPresent for a tag other than latest, {@link ImageReference#defaultPullPolicy}).
 * {@code Never} is IMG005.
 */
public final class PullPolicy extends ImageRule {
    public PullPolicy() {
        super("IMG004", "Mutable image tag not pulled Always", Severity.NOTE, List.of(Checklist.BASE_IMAGES),
                "A container's image has no digest and its pull policy is IfNotPresent, written or by default"
                        + " (the API server fills in IfNotPresent for any tag other than latest). A node then runs"
                        + " whatever it cached under the tag, so nodes may run different images, and a pod reuses an"
                        + " image pulled with another pod's credentials. Pinning the digest, or pulling Always, makes"
                        + " every node run the current image the registry serves and check the pull credentials.",
                "Pin the image by digest (then IfNotPresent is safe), or set imagePullPolicy: Always.", """
                containers:
                - name: api
                  image: registry.example.com/shop/api:2.0.1@sha256:<digest>
                  imagePullPolicy: IfNotPresent
                """);
    }

    @Override
    void check(Image image) {
        if (image.ref().pinned()) {
            return;
        }
        String written = image.pullPolicy().orElse(null);
        if (written == null && image.ref().defaultPullPolicy().equals("IfNotPresent")) {
            image.report("imagePullPolicy", "image " + image.written()
                    + " has a mutable tag and is pulled IfNotPresent (the default)");
        } else if ("IfNotPresent".equals(written)) {
            image.report("imagePullPolicy", "image " + image.written()
                    + " has a mutable tag and is pulled IfNotPresent");
        }
    }
}
