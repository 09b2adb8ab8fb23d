package dev.stockade.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code stockade --version}: the jar's Implementation-Version and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = StockadeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"stockade " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
