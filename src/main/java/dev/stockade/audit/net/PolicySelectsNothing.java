package dev.stockade.audit.net;

/** NET006: a policy whose podSelector selects no pod of its namespace. */
public final class PolicySelectsNothing extends SelectorMatchesNothing {
    public PolicySelectsNothing() {
        super("NET006", "Policy selects no pod", true,
                "The policy's podSelector matches no pod of its namespace in the input: it protects nothing,"
                        + " and the pods it was written for are not isolated by it. A note; a warning when"
                        + " the selector is one edit away from a label in use (a typo, almost always).", """
                spec:
                  podSelector:
                    matchLabels: {app: frontend}   # the label the pods really carry
                """);
    }
}
