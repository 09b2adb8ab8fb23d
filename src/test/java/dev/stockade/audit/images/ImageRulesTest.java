package dev.stockade.audit.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The image rules' exact messages, and the allowlist off until configured. */
class ImageRulesTest {
    private static final String D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String YAML = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop}
            spec:
              initContainers:
              - {name: init, image: busybox}
              containers:
              - {name: web, image: "nginx:latest", imagePullPolicy: IfNotPresent}
              - {name: api, image: "ghcr.io/acme/api:1.2"}
              - {name: pinned, image: "quay.io/x/y@%s", imagePullPolicy: Never}
            """.formatted(D);

    private static List<String> messages(Rule rule, AuditConfig config) {
        LoadResult r = Loader.loadString("p.yaml", YAML, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), new AnalysisOptions(true), config);
        return Auditor.run(ctx, List.of(rule), AuditBaseline.EMPTY).findings().stream()
                .map(f -> f.path() + ": " + f.message()).toList();
    }

    @Test
    void messages_nameTheContainerTheImageAndWhy() {
        assertThat(messages(new LatestTag(), AuditConfig.DEFAULT)).containsExactlyInAnyOrder(
                "spec.initContainers[0].image: init container init image busybox has no tag: the runtime pulls latest",
                "spec.containers[0].image: container web image nginx:latest uses the mutable tag latest");
        assertThat(messages(new UnpinnedImage(), AuditConfig.DEFAULT)).containsExactlyInAnyOrder(
                "spec.initContainers[0].image: init container init image busybox is not pinned by digest",
                "spec.containers[0].image: container web image nginx:latest is not pinned by digest",
                "spec.containers[1].image: container api image ghcr.io/acme/api:1.2 is not pinned by digest");
        assertThat(messages(new PullPolicy(), AuditConfig.DEFAULT)).containsExactlyInAnyOrder(
                "spec.containers[0].imagePullPolicy: container web image nginx:latest has a mutable tag and is pulled"
                        + " IfNotPresent",
                "spec.containers[1].imagePullPolicy: container api image ghcr.io/acme/api:1.2 has a mutable tag and is"
                        + " pulled IfNotPresent (the default)");
        assertThat(messages(new PullNever(), AuditConfig.DEFAULT)).containsExactly(
                "spec.containers[2].imagePullPolicy: container pinned image quay.io/x/y@" + D
                        + " is never pulled (imagePullPolicy: Never)");
    }

    @Test
    void registryAllowlist_offByDefault_reportsWhatTheListLeavesOut() {
        assertThat(messages(new RegistryAllowlist(), AuditConfig.DEFAULT)).isEmpty();
        AuditConfig config = new AuditConfig(Set.of(), Map.of(),
                Map.of("IMG003", Map.of("registries", List.of("ghcr.io/acme", "docker.io/library"))));
        assertThat(messages(new RegistryAllowlist(), config)).containsExactly(
                "spec.containers[2].image: container pinned image quay.io/x/y@" + D + " comes from quay.io, outside the"
                        + " allowed registries (ghcr.io/acme, docker.io/library)");
    }
}
