package dev.stockade.engine;

import dev.stockade.model.Pod;

/**
 * Choices the Kubernetes API leaves to implementations.
 *
 * @param ipBlockMatchesPods whether an ipBlock peer also matches pods whose IP it contains (the
 *     upstream e2e suite expects so; some CNIs and analyzers treat ipBlocks as cluster-external
 *     only). Pods without a known IP are never matched by ipBlocks.
 * @param ingressController whose pods traffic through routes comes from ({@link IngressController})
 * @param hostNetwork whether host-network pods are node traffic or policed as pods ({@link HostNetworkMode})
 */
public record AnalysisOptions(boolean ipBlockMatchesPods, IngressController ingressController,
                              HostNetworkMode hostNetwork) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(true);

    public AnalysisOptions {
        ingressController = ingressController == null ? IngressController.DEFAULT : ingressController;
        hostNetwork = hostNetwork == null ? HostNetworkMode.DEFAULT : hostNetwork;
    }

    public AnalysisOptions(boolean ipBlockMatchesPods) {
        this(ipBlockMatchesPods, IngressController.DEFAULT, HostNetworkMode.DEFAULT);
    }

    public AnalysisOptions(boolean ipBlockMatchesPods, IngressController ingressController) {
        this(ipBlockMatchesPods, ingressController, HostNetworkMode.DEFAULT);
    }

    public AnalysisOptions(boolean ipBlockMatchesPods, HostNetworkMode hostNetwork) {
        this(ipBlockMatchesPods, IngressController.DEFAULT, hostNetwork);
    }

    /** These options with another ingress controller. */
    public AnalysisOptions withIngressController(IngressController controller) {
        return new AnalysisOptions(ipBlockMatchesPods, controller, hostNetwork);
    }

    /** Whether policies select {@code pod} as a subject and match it with pod or namespace selectors. */
    public boolean selectable(Pod pod) {
        return hostNetwork.selectable(pod);
    }

    /** How outputs name the mode: the ipBlock choice, then the host-network one. */
    public String describe() {
        return (ipBlockMatchesPods ? "ipBlock matches pod IPs" : "ipBlock matches external addresses only")
                + "; " + hostNetwork.describe();
    }
}
