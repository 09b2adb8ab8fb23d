package dev.stockade.cli;

import dev.stockade.engine.AnalysisOptions;
import dev.stockade.engine.EntrancePaths;
import dev.stockade.engine.Explainer;
import dev.stockade.engine.IngressController;
import dev.stockade.engine.Target;
import dev.stockade.engine.Verdict;
import dev.stockade.load.LoadResult;
import dev.stockade.model.Cluster;
import dev.stockade.model.ContainerPort;
import dev.stockade.model.IpAddress;
import dev.stockade.model.Pod;
import dev.stockade.model.Protocol;
import dev.stockade.model.Workload;
import dev.stockade.report.ControllerEntry;
import dev.stockade.report.ExplainRenderer;
import dev.stockade.report.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Say whether one flow is ALLOWED or BLOCKED, and why.",
            "Lists the policies selecting the source for egress and the destination for ingress, and for each",
            "of their rules the peer and port that matched."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade explain --from production/frontend --to production/backend --port 8080 examples/hexabase",
            "  stockade explain --from production/backend --to 192.168.100.10 --port 5432/TCP examples/hexabase",
            "  stockade explain -n alt-las-prod --from api-gateway --to ai-orchestrator --port http \\",
            "      -o json examples/alt-las",
            "",
            "  stockade explain --from '{ingress-controller}' --to shop/web --port 8080 shop.yaml",
            "",
            "A and B are ns/name (or name with -n), or an IP address (a pod's IP stands for that pod).",
            "Exit codes (like kubectl auth can-i): 0 ALLOWED, 1 BLOCKED, 2 bad input or usage, 3 internal error."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Option(names = "--from", required = true, paramLabel = "A",
            description = "Source: ns/name, an IP, or {ingress-controller} (what enters through Ingresses, Routes"
                    + " and Gateways: the routes to B on the port, then the policies from the controller's pods).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "Destination: ns/name or an IP.")
    String to;

    @Option(names = "--port", required = true, paramLabel = "P[/PROTO]",
            description = "Destination port: a number or a port name of the destination, with an optional"
                    + " protocol (TCP, UDP, SCTP; default TCP), e.g. 8080, 53/UDP, http.")
    String port;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Namespace for names given without one (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Mixin
    OutputOption output;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        LoadResult loaded = input.load(StockadeCommand.stdin(parent), spec.commandLine().getErr());
        Cluster cluster = loaded.cluster();
        List<Target> sources = from.equals(IngressController.ID) ? List.of() : resolve(cluster, from, "--from");
        if (to.equals(IngressController.ID)) {
            throw new ParameterException(spec.commandLine(), "--to: " + IngressController.ID + " is a source only (what"
                    + " enters through routes); expected a workload or an address");
        }
        List<Target> destinations = resolve(cluster, to, "--to");
        String[] parts = port.split("/", 2);
        Protocol protocol = Protocol.TCP;
        if (parts.length == 2) {
            protocol = Protocol.parseLenient(parts[1]).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--port: unknown protocol '" + parts[1] + "' (expected TCP, UDP or SCTP)"));
        }
        AnalysisOptions options = input.analysisOptions();
        ControllerEntry entry = null;
        if (from.equals(IngressController.ID)) {
            // what enters through routes: from the controller's pods, only where a route leads
            IngressController.Pods controller = options.ingressController().resolve(cluster);
            sources = List.copyOf(controller.targets());
            entry = new ControllerEntry(List.of(), controller.assumed(), options.ingressController());
        }
        Explainer explainer = new Explainer(cluster, options);
        List<Verdict> verdicts = new ArrayList<>();
        for (Target s : sources) {
            for (Target d : destinations) {
                verdicts.add(explainer.explain(s, d, protocol, portNumber(parts[0], protocol, d)));
            }
        }
        if (entry != null) {
            Verdict first = verdicts.get(0);
            List<EntrancePaths.Path> paths = EntrancePaths.resolve(cluster)
                    .leadingTo(destinations, first.protocol(), first.port());
            entry = new ControllerEntry(paths, entry.assumed(), entry.controller());
        }
        String out = format == OutputFormat.JSON ? ExplainRenderer.json(verdicts, options, entry)
                : ExplainRenderer.text(verdicts, options, entry);
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        if (loaded.hasErrors()) {
            return ExitCodes.BAD_INPUT;
        }
        ControllerEntry decided = entry;
        return verdicts.stream().anyMatch(v -> decided == null ? v.allowed() : decided.allowed(v)) ? ExitCodes.OK
                : ExitCodes.FINDINGS;
    }

    private int portNumber(String p, Protocol protocol, Target destination) {
        if (p.chars().allMatch(Character::isDigit) && !p.isEmpty()) {
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 65535) {
                throw new ParameterException(spec.commandLine(), "--port: " + p + " is out of range (expected 1-65535)");
            }
            return n;
        }
        if (destination instanceof Target.PodTarget pt) {
            for (ContainerPort c : pt.pod().ports()) {
                if (c.name().equals(p) && c.protocol() == protocol) {
                    return c.port();
                }
            }
        }
        throw new ParameterException(spec.commandLine(), "--port: the destination " + destination
                + " has no " + protocol + " port named '" + p + "'");
    }

    /** The pods (or the address) a user's A/B stands for. */
    private List<Target> resolve(Cluster cluster, String what, String option) {
        Optional<IpAddress> ip = IpAddress.parse(what);
        if (ip.isPresent()) {
            List<Target> pods = new ArrayList<>();
            for (Workload w : cluster.workloads()) {
                for (Pod p : w.pods()) {
                    if (p.ips().contains(ip.get())) {
                        pods.add(new Target.PodTarget(w, p));
                    }
                }
            }
            return pods.isEmpty() ? List.of(new Target.AddressTarget(ip.get())) : pods;
        }
        String qualified = what.contains("/") ? what : namespace + "/" + what;
        String kind = null;
        if (qualified.endsWith("]") && qualified.contains("[")) {
            kind = qualified.substring(qualified.indexOf('[') + 1, qualified.length() - 1);
            qualified = qualified.substring(0, qualified.indexOf('['));
        }
        List<Target> out = new ArrayList<>();
        for (Workload w : cluster.workloads()) {
            if (w.toString().equals(qualified) && (kind == null || w.kind().equals(kind))) {
                for (Pod p : w.pods()) {
                    out.add(new Target.PodTarget(w, p));
                }
            }
        }
        if (out.isEmpty()) {
            String known = cluster.workloads().stream().map(Workload::toString).sorted().limit(8)
                    .reduce((a, b) -> a + ", " + b).orElse("none");
            throw new ParameterException(spec.commandLine(), option + ": no workload " + qualified
                    + " in the input (workloads: " + known + (cluster.workloads().size() > 8 ? ", …" : "") + ")");
        }
        return out;
    }
}
