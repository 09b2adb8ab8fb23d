package dev.stockade.audit.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Finding;
import dev.stockade.audit.Rule;
import dev.stockade.engine.AnalysisOptions;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact findings of the binding rules: binding, role with its file:line, subject, and who inherits. */
class RbacMessagesTest {
    private static final String YAML = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: root}
            rules:
            - apiGroups: ["*"]
              resources: ["*"]
              verbs: ["*"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: app, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: root}
            subjects:
            - {kind: ServiceAccount, name: default}
            - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: system:authenticated}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: web:1.0}]
            ---
            # the deprecated field names its account too
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  serviceAccount: api
                  containers: [{name: api, image: api:1.0}]
            """;

    private static List<String> run(Rule rule) {
        LoadResult r = Loader.loadString("rbac.yaml", YAML, true);
        AuditContext ctx = new AuditContext(r.cluster(), r.manifests(), AnalysisOptions.DEFAULT);
        return Auditor.run(ctx, List.of(rule), AuditBaseline.EMPTY).findings().stream()
                .map((Finding f) -> f.source() + " " + f.object() + " " + f.path() + ": " + f.message()).toList();
    }

    @Test
    void clusterAdminBinding_namesBindingRoleAndWhereTheRoleIsWritten() {
        assertThat(run(new ClusterAdminBinding())).containsExactly("rbac.yaml:12:67 RoleBinding shop/app roleRef.name:"
                + " binds ClusterRole root (rbac.yaml:1), which grants every verb on every resource"
                + " like cluster-admin (rules[0]) to ServiceAccount shop/default and Group system:authenticated: full control"
                + " of namespace shop (its Secrets, Roles and NetworkPolicies)");
    }

    @Test
    void allUsersSubject_pointsAtTheSubject() {
        assertThat(run(new AllUsersSubject())).containsExactly("rbac.yaml:15:54 RoleBinding shop/app"
                + " subjects[1].name: grants ClusterRole root (rbac.yaml:1) in namespace shop to"
                + " Group system:authenticated: every user and every ServiceAccount of the cluster");
    }

    @Test
    void defaultServiceAccount_defaultsToTheBindingsNamespaceAndListsWhoRunsAsIt() {
        assertThat(run(new DefaultServiceAccountBound())).containsExactly("rbac.yaml:14:26 RoleBinding shop/app"
                + " subjects[0].name: grants ClusterRole root (rbac.yaml:1) in namespace shop to"
                + " ServiceAccount shop/default: every pod without serviceAccountName in namespace shop inherits it"
                + " (1 in the input: shop/web)");
    }
}
