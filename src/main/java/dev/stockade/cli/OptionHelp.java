package dev.stockade.cli;

import java.util.ListResourceBundle;

/**
 * The help lines of shared options (mixins, base classes) whose wording differs per command, keyed by the
 * command's full name and the option's description key: picocli looks up {@code stockade.analyze.output.format}
 * before {@code output.format}, and without either keeps the option's own description. Set on the root command,
 * so every subcommand inherits it.
 */
public final class OptionHelp extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        String output = OutputOption.KEY;
        String namespace = QueryCommand.NAMESPACE_KEY;
        return new Object[][] {
            {"stockade.analyze." + output, "text (default), json, csv, md or dot."},
            {"stockade.diff." + output, "text (default), md (a pull-request comment) or json."},
            {"stockade.verify." + output,
                "With --expect: text (default: failures with their trace, then a summary), json or junit."},
            {"stockade.audit." + output,
                "text (default: by namespace and workload, most severe first), json, sarif (2.1.0) or junit."},
            {"stockade.lab.probe." + output, "text (default) or json."},
            {"stockade.lab.verify." + output, "text (default) or json (schemas/lab-verify.schema.json)."},
            {"stockade.query.selects-nothing." + namespace, "Only policies in this namespace."},
            {"stockade.query.redundant." + namespace,
                "Only policies in this namespace (judged against the whole input)."},
            {"stockade.query.equivalent." + namespace, "Only compare pairs with an end in this namespace."},
        };
    }
}
