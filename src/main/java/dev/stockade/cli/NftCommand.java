package dev.stockade.cli;

import dev.stockade.dataplane.NftCompiler;
import dev.stockade.dataplane.NftScriptCheck;
import dev.stockade.dataplane.NftText;
import dev.stockade.dataplane.Ruleset;
import dev.stockade.load.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The nftables data plane: {@code nft compile}. */
@Command(name = "nft", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Enforce the policies on a Linux data plane with nftables."},
        subcommands = {NftCommand.Compile.class},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade nft compile src/test/resources/nft-inputs/shop -o stockade.nft && nft -f stockade.nft",
            "",
            "Exit codes: 0 ok, 2 bad input or usage, 3 internal error."})
public final class NftCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing what to do (expected compile)");
    }

    @Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Compile the policies, for the pods in the input, into one nftables table (inet stockade)",
                "for the forward hook of the host that routes the pods' traffic: established connections first,",
                "dispatch by pod address through verdict maps to chains shared by the pods with the same rules",
                "(drop for a pod whose policies admit nothing), peers written into rules or as shared address",
                "sets, named ports resolved per pod, ipBlock excepts as intervals. Pods need an IP",
                "(status.podIP): pods without one are skipped, with a note in the output. Load it with nft -f."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade nft compile src/test/resources/nft-inputs/shop",
                "  stockade nft compile -o stockade.nft --interface shop/web=veth-web manifests/",
                "  sudo stockade nft compile --check manifests/",
                "",
                "Every script is checked before it is written: one inet table, names that are nft identifiers,",
                "comments and notes on one line and within nft's 128 bytes (names with other characters are",
                "escaped as <U+XXXX>). A script that fails this check is a bug: nothing is written, exit 3.",
                "",
                "Exit codes: 0 written, 2 unusable input (nothing is written), admin policies in",
                "the input (not compiled yet), bad usage, or --check without nft or without root,",
                "3 internal error: the script failed the compiler's own check or nft -c (nothing written)."})
    static final class Compile implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        NftCommand parent;

        @Mixin
        InputOptions input;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write the ruleset to FILE instead of standard output.")
        Path output;

        @Option(names = "--interface", paramLabel = "NS/POD=IFNAME",
                description = "The host interface a pod's packets enter by: its source addresses are accepted from"
                        + " that interface only (anti-spoofing); repeatable. Pods without one are not checked.")
        Map<String, String> interfaces = new LinkedHashMap<>();

        @Option(names = "--check", description = "Also give the script to nft -c (check mode: the kernel validates it,"
                + " nothing is loaded) before writing it. Needs nft and root (CAP_NET_ADMIN).")
        boolean check;

        /** How the ruleset becomes text; replaceable by tests, to show what a broken script does. */
        static Function<Ruleset, String> renderer = NftText::render;

        private int fail(String message, int exit) {
            spec.commandLine().getErr().println("stockade: " + message);
            spec.commandLine().getErr().flush();
            return exit;
        }

        @Override
        public Integer call() {
            LoadResult loaded = input.load(StockadeCommand.stdin(parent == null ? null : parent.parent),
                    spec.commandLine().getErr());
            if (loaded.hasErrors()) {
                return ExitCodes.BAD_INPUT;
            }
            // both refusals are printed when both apply
            boolean admin = AdminTierRefusal.refuses(loaded.cluster(), "nft compile", spec.commandLine().getErr());
            if (HostNetworkRefusal.refuses(loaded.cluster(), input.analysisOptions(), "nft compile",
                    spec.commandLine().getErr()) || admin) {
                return ExitCodes.BAD_INPUT;
            }
            for (Map.Entry<String, String> e : interfaces.entrySet()) {
                if (!e.getKey().contains("/") || !e.getValue().matches("[A-Za-z0-9_.:-]{1,15}")) {
                    throw new ParameterException(spec.commandLine(), "--interface: '" + e.getKey() + "=" + e.getValue()
                            + "' is not NS/POD=IFNAME (an interface name of 1 to 15 letters, digits, '_', '.', ':' or '-')");
                }
            }
            Ruleset r = NftCompiler.compile(loaded.cluster(), input.analysisOptions(), interfaces);
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = renderer.apply(r);
            } catch (NftScriptCheck.InvalidScript e) {
                return fail( "internal error (please report it): " + e.getMessage() + "; nothing written",
                        ExitCodes.INTERNAL);
            }
            if (check) {
                NftKernelCheck.Outcome o = NftKernelCheck.check(text);
                if (o.kind() == NftKernelCheck.Kind.UNAVAILABLE) {
                    return fail( "--check: " + o.output() + "; nothing written", ExitCodes.BAD_INPUT);
                }
                if (o.kind() == NftKernelCheck.Kind.REFUSED) {
                    return fail( "internal error (please report it): nft -c refused the compiled script;"
                            + " nothing written:\n" + o.output(), ExitCodes.INTERNAL);
                }
            }
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("stockade: cannot write " + output + ": " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            return ExitCodes.OK;
        }
    }
}
