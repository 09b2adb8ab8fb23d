package dev.stockade.cli;

import dev.stockade.engine.HostNetworkMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --host-network=node|pod}: how host-network pods stand with respect to policies ({@link HostNetworkMode}). */
final class HostNetworkFlag implements ITypeConverter<HostNetworkMode> {
    static final String NAME = "--host-network";
    static final String LABEL = "node|pod";
    static final String DESCRIPTION = "How pods with hostNetwork: true are analysed: node (the default, what most"
            + " network plugins do): as node traffic, which NetworkPolicies and admin policies neither isolate nor"
            + " match with pod or namespace selectors; pod: policed like any other pod (subjects and selector"
            + " peers), for plugins that tell them apart. ipBlocks match their IP either way.";

    @Override
    public HostNetworkMode convert(String value) {
        return HostNetworkMode.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not node or pod (expected --host-network=node or --host-network=pod)"));
    }
}
