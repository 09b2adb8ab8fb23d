package dev.stockade.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.AutoComplete.GenerateCompletion;

@Command(name = "stockade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "dev.stockade.cli.OptionHelp",
        description = {"Network security for Kubernetes: who can reach whom, on which ports, and why."},
        subcommands = {AnalyzeCommand.class, ExplainCommand.class, DiffCommand.class, QueryCommand.class,
            VerifyCommand.class, AuditCommand.class, GenerateCommand.class, NftCommand.class, LabCommand.class, BenchCommand.class,
            GenerateCompletion.class},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade analyze examples/hexabase",
            "  stockade explain --from production/frontend --to production/backend --port 8080 examples/hexabase",
            "  stockade diff --base main --head HEAD -o md",
            "  stockade query unprotected examples/hexabase",
            "  stockade verify --expect examples/hexabase/expectations.yaml examples/hexabase",
            "  stockade audit -o sarif examples/hexabase",
            "  stockade generate workspace team-a --env dev --allow-same-namespace",
            "  stockade nft compile -o stockade.nft manifests/",
            "  stockade bench --workloads 10000 --policies 5000 --namespaces 1000",
            "  source <(stockade generate-completion)",
            "",
            "Exit codes: 0 ok, 1 findings (explain: BLOCKED; verify: an expectation fails), 2 bad input or usage,",
            "3 internal error."})
public final class StockadeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    public StockadeCommand() {
        this(System.in);
    }

    /** {@code stdin} is what the {@code -} input of the verbs reads. */
    public StockadeCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input for a verb: its parent's, or {@link System#in} when the verb runs on its own. */
    static InputStream stdin(StockadeCommand parent) {
        return parent == null ? System.in : parent.stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
