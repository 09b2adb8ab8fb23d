package dev.stockade.cli;

import dev.stockade.audit.AuditBaseline;
import dev.stockade.audit.AuditConfig;
import dev.stockade.audit.AuditContext;
import dev.stockade.audit.AuditReport;
import dev.stockade.audit.Auditor;
import dev.stockade.audit.Catalogue;
import dev.stockade.audit.Severity;
import dev.stockade.audit.compliance.Compliance;
import dev.stockade.audit.compliance.ComplianceReport;
import dev.stockade.audit.compliance.Framework;
import dev.stockade.load.Diagnostic;
import dev.stockade.load.LoadResult;
import dev.stockade.load.Loader;
import dev.stockade.manifest.RawObject;
import dev.stockade.report.AuditRenderer;
import dev.stockade.report.ComplianceRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Check manifests against the security checklist: rules, findings at file:line.",
            "The rules are listed in docs/rules.md; network rules are decided by the connectivity engine.",
            "Suppress findings of one object with the annotation stockade.dev/ignore: \"NET001,NET004 reason\"",
            "(they are still reported, as suppressed)."},
        footerHeading = "%nExamples:%n",
        footer = {"  stockade audit examples/hexabase",
            "  stockade audit -o sarif manifests/ > stockade.sarif",
            "  stockade audit --fail-on warning --config audit.yaml manifests/",
            "  stockade audit --write-baseline audit-baseline.yaml manifests/",
            "  stockade audit --baseline audit-baseline.yaml manifests/   # fails on new findings only",
            "  stockade audit --framework seed-checklist -n production examples/hexabase",
            "  stockade audit --framework pss-restricted -o junit manifests/ > pss.xml",
            "",
            "Exit codes: 0 no active finding at or above --fail-on (with --framework: no control fails),",
            "1 some, 2 bad input or usage, 3 internal error."})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    StockadeCommand parent;

    @Mixin
    OutputOption output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit 1 when an active finding is at least this severe: error (default), warning or note.")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An AuditConfig file (stockade.dev/v1alpha1): rules to disable, severities to override.")
    String config;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An AuditBaseline file: findings it lists are reported as in baseline and do not fail.")
    String baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write an AuditBaseline accepting every current (unsuppressed) finding to FILE.")
    Path writeBaseline;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Report only the findings about this namespace (its objects and the Namespace itself);"
                    + " the rules still see the whole input.")
    String namespace;

    @Option(names = "--framework", paramLabel = "NAME",
            description = "Report compliance with a framework instead of listing findings: seed-checklist (the"
                    + " security checklist, items that manifests cannot show marked manual), pss-baseline or"
                    + " pss-restricted. A control fails on an active warning or error of its rules.")
    String framework;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        AuditRenderer.Format format = output.format(AuditRenderer.Format.values());
        Severity threshold = Severity.parse(failOn).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--fail-on: unknown severity '" + failOn + "' (expected error, warning or note)"));
        Framework chosen = framework == null ? null : Framework.named(framework).orElseThrow(
                () -> new ParameterException(spec.commandLine(), "--framework: unknown framework '" + framework
                        + "' (expected " + String.join(", ", Framework.NAMES) + ")"));
        if (chosen != null && format == AuditRenderer.Format.SARIF) {
            throw new ParameterException(spec.commandLine(), "-o sarif lists findings, not controls: with"
                    + " --framework use text, json or junit");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        AuditConfig cfg = config == null ? AuditConfig.DEFAULT
                : settings(config, AuditConfig.KIND, problems) instanceof RawObject o ? AuditConfig.read(o, problems)
                : AuditConfig.DEFAULT;
        AuditBaseline base = baseline == null ? AuditBaseline.EMPTY
                : settings(baseline, AuditBaseline.KIND, problems) instanceof RawObject o ? AuditBaseline.read(o, problems)
                : AuditBaseline.EMPTY;
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p.startsWith("stockade:") ? p : p.replaceFirst(": ", ": error: ")));
            err.println("stockade: nothing was audited");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        long start = System.nanoTime();
        LoadResult loaded = input.load(StockadeCommand.stdin(parent), err,
                dev.stockade.load.AsWritten.modelKindsAnd(AuditContext.KINDS_READ));
        long loadedAt = System.nanoTime();
        AuditContext context = new AuditContext(loaded.cluster(), loaded.manifests(), input.analysisOptions(), cfg);
        AuditReport all = Auditor.run(context, Catalogue.rules(), base);
        AuditReport report = namespace == null ? all : all.inNamespace(namespace);
        if (input.verbose) {
            timings(err, (loadedAt - start) / 1_000_000, (System.nanoTime() - loadedAt) / 1_000_000, all);
        }
        ComplianceReport compliance = chosen == null ? null : Compliance.evaluate(chosen, report);
        if (compliance == null && format == AuditRenderer.Format.TEXT) {
            AuditRenderer.text(report, threshold, spec.commandLine().getOut());
        } else {
            spec.commandLine().getOut().print(compliance == null ? AuditRenderer.render(report, format, threshold)
                    : ComplianceRenderer.render(compliance, format));
        }
        spec.commandLine().getOut().flush();
        if (writeBaseline != null) {
            try {
                Files.writeString(writeBaseline, AuditBaseline.write(report.findings()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("stockade: cannot write " + writeBaseline + ": " + e.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("stockade: wrote the baseline of " + (report.findings().size() - report.suppressed())
                    + " finding(s) to " + writeBaseline);
            err.flush();
        }
        if (loaded.hasErrors()) {
            return ExitCodes.BAD_INPUT;
        }
        boolean failed = compliance == null ? report.failing(threshold) > 0 : compliance.failing();
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** {@code -v}: where the time went, the slowest rules first (the first rules to ask pay for shared analyses). */
    private static void timings(PrintWriter err, long loadMillis, long rulesMillis, AuditReport report) {
        List<Map.Entry<String, Long>> slowest = new ArrayList<>(report.ruleNanos().entrySet());
        slowest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : slowest.subList(0, Math.min(5, slowest.size()))) {
            sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue() / 1_000_000)
                    .append(" ms");
        }
        err.println("stockade: loaded in " + loadMillis + " ms; " + report.rules().size() + " rules in " + rulesMillis
                + " ms (slowest: " + sb + ")");
        err.flush();
    }

    /** The one object of {@code kind} in {@code file}, or null with a problem added. */
    private RawObject settings(String file, String kind, List<String> problems) {
        LoadResult r = Loader.load(List.of(file), StockadeCommand.stdin(parent), true);
        for (Diagnostic d : r.diagnostics()) {
            if (d.isError()) {
                problems.add("stockade:" + " " + d);
            }
        }
        List<RawObject> found = r.manifests().stream().filter(o -> o.kind().equals(kind)).toList();
        if (found.size() != 1 && problems.isEmpty()) {
            problems.add("stockade: " + file + ": expected one " + kind + " object (apiVersion: "
                    + AuditConfig.API_VERSION + "), found " + found.size());
        }
        return found.size() == 1 ? found.get(0) : null;
    }

}
