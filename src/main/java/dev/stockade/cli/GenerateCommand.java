package dev.stockade.cli;

import dev.stockade.generate.Environment;
import dev.stockade.generate.Generated;
import dev.stockade.generate.MutualTls;
import dev.stockade.generate.WorkspaceBaseline;
import dev.stockade.generate.WorkspaceSpec;
import dev.stockade.model.Cidr;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write manifests that start a workspace from a safe baseline."},
        subcommands = {GenerateCommand.Workspace.class, GenerateCommand.Mtls.class},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade generate workspace team-a --env dev --allow-same-namespace > team-a.yaml",
            "  stockade generate mtls --workspace production | kubectl apply -f -",
            "",
            "Exit codes: 0 written, 2 bad usage (e.g. an option refused for --env prod), 3 internal error."})
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing what to generate (expected workspace or mtls)");
    }

    @Command(name = "workspace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Write the isolation baseline of workspaces (one namespace each) as commented YAML.",
                "Per workspace: the Namespace (labels workspace and env), default deny in both directions, DNS",
                "to kube-dns, and the allowances asked for; on standard output.",
                "--env prod (the default) is stricter: --allow-same-namespace and egress to a /0 block are refused."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade generate workspace production > production-baseline.yaml",
                "  stockade generate workspace team-a team-b --env dev --allow-same-namespace",
                "  stockade generate workspace production --allow-from-namespace monitoring \\",
                "      --allow-egress-cidr 192.168.100.10/32",
                "  stockade analyze -n production production-baseline.yaml apps/   # what it allows, with your apps",
                "",
                "Exit codes: 0 written, 2 bad usage, 3 internal error."})
    static final class Workspace implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAMESPACE", arity = "1..*", description = "The workspaces' namespaces.")
        List<String> namespaces = new ArrayList<>();

        @Option(names = "--env", paramLabel = "dev|test|staging|prod", defaultValue = "prod",
                description = "The environment, the value of the env label (default: ${DEFAULT-VALUE}, the strictest).")
        String env;

        @Option(names = "--allow-dns", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Allow egress to kube-dns in kube-system on UDP and TCP 53 (default: on;"
                        + " --no-allow-dns leaves it out).")
        boolean allowDns;

        @Option(names = "--allow-same-namespace",
                description = "Let the pods of a workspace reach each other on every port (refused for prod).")
        boolean allowSameNamespace;

        @Option(names = "--allow-from-namespace", paramLabel = "NS",
                description = "Let every pod of namespace NS (monitoring, say) reach the workspace; repeatable.")
        List<String> allowFrom = new ArrayList<>();

        @Option(names = "--allow-egress-cidr", paramLabel = "CIDR",
                description = "Let the workspace's pods reach this external block on every port; repeatable"
                        + " (a /0 block is refused for prod).")
        List<String> egressCidrs = new ArrayList<>();

        @Override
        public Integer call() {
            Environment environment = Environment.parse(env).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "--env: unknown environment '" + env + "' (expected dev, test, staging or prod)"));
            List<Cidr> cidrs = new ArrayList<>();
            for (String c : egressCidrs) {
                cidrs.add(Cidr.parse(c).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--allow-egress-cidr: '" + c + "' is not a CIDR (expected e.g. 192.168.100.10/32)")));
            }
            Generated g;
            try {
                g = WorkspaceBaseline.generate(new WorkspaceSpec(namespaces, environment, allowDns, allowSameNamespace,
                        allowFrom, cidrs));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            for (String w : g.warnings()) {
                err.println("stockade: warning: " + w);
            }
            err.flush();
            spec.commandLine().getOut().print(g.yaml());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "mtls", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Write the Istio PeerAuthentication that sets a workspace's mutual TLS mode.",
                "What \"mesh mtls enable --workspace NS\" applies. STRICT (the default) accepts only mutual TLS."},
            footerHeading = "%nExamples:%n",
            footer = {"  stockade generate mtls --workspace production | kubectl apply -f -",
                "  stockade generate mtls --workspace team-a --mode PERMISSIVE",
                "",
                "Exit codes: 0 written, 2 bad usage, 3 internal error."})
    static final class Mtls implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--workspace", required = true, paramLabel = "NAMESPACE", description = "The workspace's namespace.")
        String workspace;

        @Option(names = "--mode", paramLabel = "STRICT|PERMISSIVE", defaultValue = "STRICT",
                description = "The mTLS mode (default: ${DEFAULT-VALUE}).")
        String mode;

        @Override
        public Integer call() {
            MutualTls.Mode m = MutualTls.Mode.parse(mode).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--mode: unknown mode '" + mode + "' (expected STRICT or PERMISSIVE)"));
            String yaml;
            try {
                yaml = MutualTls.generate(workspace, m);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
