package dev.stockade.audit.images;

import dev.stockade.audit.Severity;
import java.util.List;

/** IMG005: {@code imagePullPolicy: Never}: the node runs whatever image it has under that name. */
public final class PullNever extends ImageRule {
    public PullNever() {
        super("IMG005", "Image never pulled", Severity.WARNING, List.of(Checklist.BASE_IMAGES),
                "A container sets imagePullPolicy: Never: the kubelet only uses an image already present on the"
                        + " node, whoever put it there. The registry, its scanning and the pull credentials are never"
                        + " consulted, and the pod fails on a node without the image.",
                "Pull from a registry (IfNotPresent with a digest, or Always).", """
                containers:
                - name: api
                  image: registry.example.com/shop/api:2.0.1@sha256:<digest>
                  imagePullPolicy: IfNotPresent
                """);
    }

    @Override
    void check(Image image) {
        if ("Never".equals(image.pullPolicy().orElse(null))) {
            image.report("imagePullPolicy", "image " + image.written() + " is never pulled (imagePullPolicy: Never)");
        }
    }
}
