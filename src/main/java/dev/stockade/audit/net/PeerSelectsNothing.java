package dev.stockade.audit.net;

/** NET007: a rule peer whose selectors match no pod (or no namespace). */
public final class PeerSelectsNothing extends SelectorMatchesNothing {
    public PeerSelectsNothing() {
        super("NET007", "Rule peer selects nothing", false,
                "A peer of an ingress or egress rule (podSelector, namespaceSelector or both) matches no pod"
                        + " of the input: the flow it was meant to allow stays blocked. A note; a warning when the selector"
                        + " is one edit away from a label in use (a typo, almost always).", """
                ingress:
                - from:
                  - namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
                    podSelector:
                      matchLabels: {app.kubernetes.io/name: ingress-nginx}
                """);
    }
}
