package dev.stockade.cli;

import dev.stockade.report.OutputFormat;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses {@code -o} against the formats a command offers. */
final class Formats {
    private Formats() {}

    static OutputFormat parse(CommandSpec spec, String value, OutputFormat... offered) {
        for (OutputFormat f : offered) {
            if (f.toString().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new ParameterException(spec.commandLine(), "-o: unknown format '" + value + "' (expected "
                + Arrays.stream(offered).map(OutputFormat::toString).collect(Collectors.joining(", ")) + ")");
    }
}
