package dev.stockade.engine;

/**
 * Choices the Kubernetes API leaves to implementations.
 *
 * @param ipBlockMatchesPods whether an ipBlock peer also matches pods whose IP it contains (the
 *     upstream e2e suite expects so; some CNIs and analyzers treat ipBlocks as cluster-external
 *     only). Pods without a known IP are never matched by ipBlocks.
 * @param ingressController whose pods traffic through routes comes from ({@link IngressController})
 */
public record AnalysisOptions(boolean ipBlockMatchesPods, IngressController ingressController) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true);

    public AnalysisOptions {
        ingressController = ingressController == null ? IngressController.DEFAULT : ingressController;
    }

    public AnalysisOptions(boolean ipBlockMatchesPods) {
        this(ipBlockMatchesPods, IngressController.DEFAULT);
    }

    /** How outputs name the mode. */
    public String describe() {
        return ipBlockMatchesPods ? "ipBlock matches pod IPs" : "ipBlock matches external addresses only";
    }
}
