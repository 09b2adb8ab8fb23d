package dev.stockade.generate;

import dev.stockade.model.Cidr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code generate workspace} makes, validated at construction (the message of the
 * {@link IllegalArgumentException} is what the user sees).
 *
 * <p>Stricter rules for {@link Environment#PROD}: no {@code allowSameNamespace} (production
 * workspaces allow pod-to-pod traffic only through narrow policies, micro-segmentation as seed
 * 000 asks) and no egress CIDR of prefix length 0 (the whole internet).
 *
 * @param namespaces the workspaces, one namespace each
 * @param allowDns egress to kube-dns in kube-system on UDP and TCP 53
 * @param allowSameNamespace every pod of the namespace may reach every other, on every port
 * @param allowFromNamespaces namespaces whose pods may reach every pod of the workspace
 * @param egressCidrs external blocks every pod of the workspace may reach, on every port
 */
public record WorkspaceSpec(List<String> namespaces, Environment environment, boolean allowDns,
                            boolean allowSameNamespace, List<String> allowFromNamespaces, List<Cidr> egressCidrs) {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public WorkspaceSpec {
        namespaces = List.copyOf(namespaces);
        allowFromNamespaces = List.copyOf(allowFromNamespaces);
        egressCidrs = List.copyOf(egressCidrs);
        if (namespaces.isEmpty()) {
            throw new IllegalArgumentException("no namespace (expected at least one workspace namespace)");
        }
        Set<String> seen = new HashSet<>();
        for (String n : namespaces) {
            check(n, "NAMESPACE");
            if (!seen.add(n)) {
                throw new IllegalArgumentException("NAMESPACE: " + n + " is given twice");
            }
        }
        for (String n : allowFromNamespaces) {
            check(n, "--allow-from-namespace");
            if (namespaces.contains(n)) {
                throw new IllegalArgumentException("--allow-from-namespace: " + n + " is a workspace being generated"
                        + " (expected another namespace; --allow-same-namespace opens a workspace to itself)");
            }
        }
        if (environment == Environment.PROD && allowSameNamespace) {
            throw new IllegalArgumentException("--allow-same-namespace is refused for --env prod: production workspaces"
                    + " allow pod-to-pod traffic only through narrow policies (use it for dev, test or staging)");
        }
        for (Cidr c : egressCidrs) {
            if (environment == Environment.PROD && c.prefix() == 0) {
                throw new IllegalArgumentException("--allow-egress-cidr " + c + " is refused for --env prod: it opens"
                        + " egress to every address (expected the external blocks the workspace needs, e.g."
                        + " 192.168.100.10/32)");
            }
        }
    }

    private static void check(String name, String what) {
        if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException(what + ": '" + name + "' is not a valid namespace name (expected up to 63"
                    + " lowercase letters, digits and '-', starting and ending with a letter or digit)");
        }
    }
}
