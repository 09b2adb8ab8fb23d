package dev.stockade.engine;

/**
 * Choices the Kubernetes API leaves to implementations.
 *
 * @param ipBlockMatchesPods whether an ipBlock peer also matches pods whose IP it contains (the
 *     upstream e2e suite expects so; some CNIs and analyzers treat ipBlocks as cluster-external
 *     only). Pods without a known IP are never matched by ipBlocks.
 */
public record AnalysisOptions(boolean ipBlockMatchesPods) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true);

    /** How outputs name the mode. */
    public String describe() {
        return ipBlockMatchesPods ? "ipBlock matches pod IPs" : "ipBlock matches external addresses only";
    }
}
