package dev.stockade.cli;

import java.util.Arrays;
import java.util.ListResourceBundle;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output FORMAT}, the one output-format option of every verb that offers several. Each verb states
 * the formats it accepts, as constants of its renderer's enum with the default first; any other value, in any
 * case, is the usage error {@code -o: unknown format 'x' (expected a, b, c)}. The value is checked when the verb
 * asks for it, so a verb's own earlier checks keep their order. Each verb's help line is in {@link Descriptions}.
 */
public final class OutputOption {
    /** The resource key of the help line; {@link Descriptions} qualifies it with the command's full name. */
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

    /**
     * The help lines of the verbs whose {@code -o} says more than the default "text or json.", keyed by the
     * command's full name (picocli looks up {@code stockade.analyze.output.format} before {@code output.format}).
     */
    public static final class Descriptions extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {
                {"stockade.analyze." + KEY, "text (default), json, csv, md or dot."},
                {"stockade.diff." + KEY, "text (default), md (a pull-request comment) or json."},
                {"stockade.verify." + KEY,
                    "With --expect: text (default: failures with their trace, then a summary), json or junit."},
                {"stockade.audit." + KEY,
                    "text (default: by namespace and workload, most severe first), json, sarif (2.1.0) or junit."},
                {"stockade.lab.probe." + KEY, "text (default) or json."},
                {"stockade.lab.verify." + KEY, "text (default) or json (schemas/lab-verify.schema.json)."},
            };
        }
    }
}
