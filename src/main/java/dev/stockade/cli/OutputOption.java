package dev.stockade.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output FORMAT}, the one output-format option of every verb that offers several. Each verb states
 * the formats it accepts, as constants of its renderer's enum with the default first; any other value, in any
 * case, is the usage error {@code -o: unknown format 'x' (expected a, b, c)}. The value is checked when the verb
 * asks for it, so a verb's own earlier checks keep their order. Each verb's help line is in {@link OptionHelp}.
 */
public final class OutputOption {
    /** The resource key of the help line; {@link OptionHelp} qualifies it with the command's full name. */
    static final String KEY = "output.format";

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", descriptionKey = KEY, description = "text or json.")
    String value;

    /** The command this mixin belongs to, for usage errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Whether {@code -o} was given at all. */
    boolean given() {
        return value != null;
    }

    /** The format {@code -o} names among {@code accepted}, or the first of them without {@code -o}. */
    @SafeVarargs
    final <F extends Enum<F>> F format(F... accepted) {
        if (value == null) {
            return accepted[0];
        }
        for (F f : accepted) {
            if (f.toString().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new ParameterException(mixee.commandLine(), "-o: unknown format '" + value + "' (expected "
                + Arrays.stream(accepted).map(Enum::toString).collect(Collectors.joining(", ")) + ")");
    }
}
